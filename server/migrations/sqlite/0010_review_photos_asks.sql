-- Review photos, recorded asks and review requests with their reward (shared::review,
-- shared::api::reviews). Booleans are 0/1 integers, times unix milliseconds, as in
-- 0001_init.sql. Keep in step with ../postgres/0010_review_photos_asks.sql.

-- Photos uploaded for a review (`POST /v1/reviews/photos`), re-encoded by server/src/photos.rs.
-- The random 128-bit id is the capability to fetch one. `owner` is the uploader's subject key
-- (`customer:<id>`); `review_id` stays NULL until a review attaches the photo, `position`
-- is its place in the review's list.
CREATE TABLE review_photos (
    id            TEXT    PRIMARY KEY,
    store_id      INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    owner         TEXT    NOT NULL,
    review_id     INTEGER REFERENCES reviews (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL DEFAULT 0,
    content_type  TEXT    NOT NULL,
    width         INTEGER NOT NULL,
    height        INTEGER NOT NULL,
    data          BLOB    NOT NULL,
    created_at_ms INTEGER NOT NULL
);
CREATE INDEX review_photos_by_review ON review_photos (review_id, position);
CREATE INDEX review_photos_by_owner ON review_photos (store_id, owner);

-- One review request per customer and product (`reviews.product_key`), made at the first
-- recorded ask, or at the review itself when it was never asked: it fixes the store's reward
-- of that moment (offer text and a coupon code unique in the store; both NULL without one),
-- whatever the rating and whether or not the review is published.
CREATE TABLE review_requests (
    store_id      INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    customer_id   INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    product_key   TEXT    NOT NULL,
    offer         TEXT,
    reward_code   TEXT,
    created_at_ms INTEGER NOT NULL,
    PRIMARY KEY (customer_id, product_key)
);
CREATE UNIQUE INDEX review_requests_codes ON review_requests (store_id, reward_code);

-- Every time the prompt was shown about a product (`POST /v1/me/reviews/asks`): counted
-- against the store's reminders per product and the customer's 30-day cap.
CREATE TABLE review_asks (
    id          INTEGER PRIMARY KEY,
    store_id    INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    product_key TEXT    NOT NULL,
    asked_at_ms INTEGER NOT NULL
);
CREATE INDEX review_asks_by_customer ON review_asks (customer_id, asked_at_ms);

-- The reward code the review's request carried (copied at submit: the review keeps it even
-- if the request row goes); NULL = not incentivized.
ALTER TABLE reviews ADD COLUMN reward_code TEXT;
