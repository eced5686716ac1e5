-- Optional emails and the shopper's say (issue #16). A one-click unsubscribe (RFC 8058) turns a
-- topic off for an address, whether or not the store knows a customer behind it (guests have
-- no preferences row): email_unsubscribes keeps the address's hash (orders.email_hash's), not
-- the address, so an opt-out outlives an erasure without keeping who opted out.
-- A message held back at sending time (its topic turned off since it was written) is marked
-- 'skipped' with the reason in last_error, so the merchant sees what was not sent and why.
-- Keep in step with ../sqlite/0019_email_consent.sql.
CREATE TABLE email_unsubscribes (
    store_id    BIGINT NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    email_hash  TEXT   NOT NULL,
    topic       TEXT   NOT NULL,
    at_ms       BIGINT NOT NULL,
    PRIMARY KEY (store_id, email_hash, topic)
);

ALTER TABLE email_outbox DROP CONSTRAINT email_outbox_status_check;
ALTER TABLE email_outbox ADD CONSTRAINT email_outbox_status_check
    CHECK (status IN ('queued', 'sent', 'failed', 'skipped'));
