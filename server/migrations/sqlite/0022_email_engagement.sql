-- Email engagement (issue #16): each message's template (a finer name than its kind: a
-- parcel's news, a first order's welcome), and the opens and clicks counted for a message
-- through its signed redirects and optional pixel. Deleting a message (retention, erasure)
-- deletes what was counted for it. Keep in step with ../postgres/0022_email_engagement.sql.
ALTER TABLE email_outbox ADD COLUMN template TEXT;
UPDATE email_outbox SET template = kind;
CREATE TABLE email_events (
    id        INTEGER PRIMARY KEY,
    store_id  INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    outbox_id INTEGER NOT NULL REFERENCES email_outbox (id) ON DELETE CASCADE,
    template  TEXT    NOT NULL,
    kind      TEXT    NOT NULL CHECK (kind IN ('open', 'click')),
    at_ms     INTEGER NOT NULL
);
CREATE INDEX email_events_by_store ON email_events (store_id, at_ms);
CREATE INDEX email_events_by_message ON email_events (outbox_id);
