-- The communication calendar (issue #16): a store's caps and quiet hours for optional emails
-- (the shared `api::EmailCalendar` document as JSON, NULL until saved: nothing is held), and
-- what the sender needs to follow it: each message's topic (NULL for a transactional one),
-- why a due message waits (quiet_hours, cap or retry), and an index to count what one
-- address was sent lately.
-- Keep in step with ../sqlite/0020_email_calendar.sql.
ALTER TABLE stores ADD COLUMN email_calendar TEXT;
ALTER TABLE email_outbox ADD COLUMN topic TEXT;
ALTER TABLE email_outbox ADD COLUMN hold TEXT;
UPDATE email_outbox SET topic = 'shipping_updates' WHERE kind = 'parcel';
UPDATE email_outbox SET topic = 'review_requests' WHERE kind = 'review_request';
CREATE INDEX email_outbox_by_recipient ON email_outbox (store_id, recipient, sent_at_ms);
