-- Emails about orders, parcels and returns (issue #16): a message about one piece of news
-- carries a key (parcel 7 delivered, return RMA-… approved), and a second write of the same
-- news (a repeated webhook, a re-sent order, the delay sweep running again) finds the key
-- taken and sends nothing. Messages without news keys (NULL) never collide.
-- The shopper's language at checkout, which the emails about the order are written in (NULL:
-- the store's default language).
-- Keep in step with ../sqlite/0018_email_news.sql.
ALTER TABLE email_outbox ADD COLUMN dedupe_key TEXT;
CREATE UNIQUE INDEX email_outbox_news ON email_outbox (store_id, dedupe_key);
ALTER TABLE orders ADD COLUMN locale TEXT;
