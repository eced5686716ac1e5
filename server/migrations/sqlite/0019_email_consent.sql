-- Optional emails and the shopper's say (issue #16). A one-click unsubscribe (RFC 8058) turns a
-- topic off for an address, whether or not the store knows a customer behind it (guests have
-- no preferences row): email_unsubscribes keeps the address's hash (orders.email_hash's), not
-- the address, so an opt-out outlives an erasure without keeping who opted out.
-- A message held back at sending time (its topic turned off since it was written) is marked
-- 'skipped' with the reason in last_error, so the merchant sees what was not sent and why.
-- SQLite cannot alter a CHECK constraint: the outbox is rebuilt with the wider one.
-- Keep in step with ../postgres/0019_email_consent.sql.
CREATE TABLE email_unsubscribes (
    store_id    INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    email_hash  TEXT    NOT NULL,
    topic       TEXT    NOT NULL,
    at_ms       INTEGER NOT NULL,
    PRIMARY KEY (store_id, email_hash, topic)
);

CREATE TABLE email_outbox_new (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    store_id        INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL,
    recipient       TEXT    NOT NULL,
    locale          TEXT    NOT NULL,
    payload         TEXT    NOT NULL,
    message_id      TEXT    NOT NULL UNIQUE,
    status          TEXT    NOT NULL DEFAULT 'queued'
                    CHECK (status IN ('queued', 'sent', 'failed', 'skipped')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_ms INTEGER NOT NULL,
    last_error      TEXT,
    created_at_ms   INTEGER NOT NULL,
    sent_at_ms      INTEGER,
    dedupe_key      TEXT
);
INSERT INTO email_outbox_new (id, store_id, kind, recipient, locale, payload, message_id, status,
    attempts, next_attempt_ms, last_error, created_at_ms, sent_at_ms, dedupe_key)
SELECT id, store_id, kind, recipient, locale, payload, message_id, status, attempts,
    next_attempt_ms, last_error, created_at_ms, sent_at_ms, dedupe_key FROM email_outbox;
DROP TABLE email_outbox;
ALTER TABLE email_outbox_new RENAME TO email_outbox;
CREATE INDEX email_outbox_due ON email_outbox (status, next_attempt_ms);
CREATE INDEX email_outbox_by_store ON email_outbox (store_id, created_at_ms);
CREATE UNIQUE INDEX email_outbox_news ON email_outbox (store_id, dedupe_key);
