-- Emails (issue #16): the durable outbox. A row is written in the same transaction as the
-- change that makes the message due, so a committed change always gets its message; the
-- sender claims due rows (moving next_attempt_ms past a lease), sends, and marks them sent,
-- or reschedules with backoff and marks them failed after the last attempt. message_id is
-- fixed at enqueue, so a rare second delivery (a crash between sending and marking) carries
-- the same Message-ID and is recognisable.
-- Keep in step with ../postgres/0017_email_outbox.sql.
CREATE TABLE email_outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    store_id        INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL,
    recipient       TEXT    NOT NULL,
    locale          TEXT    NOT NULL,
    payload         TEXT    NOT NULL,
    message_id      TEXT    NOT NULL UNIQUE,
    status          TEXT    NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_ms INTEGER NOT NULL,
    last_error      TEXT,
    created_at_ms   INTEGER NOT NULL,
    sent_at_ms      INTEGER
);
CREATE INDEX email_outbox_due ON email_outbox (status, next_attempt_ms);
CREATE INDEX email_outbox_by_store ON email_outbox (store_id, created_at_ms);
