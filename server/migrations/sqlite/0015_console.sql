-- The merchants' console (issue #13): its users, their sessions, the audit log of every
-- action taken in it. Times are unix milliseconds, as in 0001_init.sql.
-- Keep in step with ../postgres/0015_console.sql.

-- One row per console user. An email belongs to one store's console (sign-in asks only
-- for the email). `password_hash` is an argon2id PHC string, NULL until the one-time setup
-- link is used; `setup_hash` is the SHA-256 of that link's token, NULL once used.
-- `totp_secret` (base32) is the optional second factor, NULL when off. Removed users keep
-- their row (the audit log names them) with `removed_at_ms` set, and cannot sign in.
CREATE TABLE console_users (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    store_id         INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    email            TEXT    NOT NULL UNIQUE,
    role             TEXT    NOT NULL CHECK (role IN ('owner', 'agent')),
    locale           TEXT    NOT NULL,
    password_hash    TEXT,
    totp_secret      TEXT,
    setup_hash       TEXT UNIQUE,
    setup_expires_ms INTEGER,
    created_at_ms    INTEGER NOT NULL,
    removed_at_ms    INTEGER
);

-- Signed-in sessions: the cookie holds a random id, the table its SHA-256. `csrf` is the
-- token every form of the session posts back. `stage` is `code` between a correct password
-- and the second factor's code (such a session can do nothing else), then `active`. Expiry: idle (`seen_at_ms`) and absolute
-- (`created_at_ms`), checked on every request; expired rows are purged by retention.
CREATE TABLE console_sessions (
    id_hash       TEXT    PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES console_users (id) ON DELETE CASCADE,
    csrf          TEXT    NOT NULL,
    stage         TEXT    NOT NULL CHECK (stage IN ('code', 'active')),
    created_at_ms INTEGER NOT NULL,
    seen_at_ms    INTEGER NOT NULL
);
CREATE INDEX console_sessions_by_user ON console_sessions (user_id);

-- Who did what, when, to what, with the subject's state before and after (JSON, or NULL
-- where there is none). `actor` is the user's email at the time.
CREATE TABLE console_audit (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    store_id    INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    user_id     INTEGER REFERENCES console_users (id) ON DELETE SET NULL,
    actor       TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    subject     TEXT    NOT NULL,
    before_json TEXT,
    after_json  TEXT,
    at_ms       INTEGER NOT NULL
);
CREATE INDEX console_audit_by_store ON console_audit (store_id, id);
