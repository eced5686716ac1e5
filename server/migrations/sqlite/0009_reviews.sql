-- Product reviews (shared::review, shared::api::reviews): one review per product per
-- customer, enforced by the unique index so parallel submits make one review (a product is
-- `p:<catalog external id>` when the catalog knows the SKU, so its variants share reviews,
-- else `s:<sku>`); moderation
-- with an audit log; the merchant's public reply on the review's row; "not arrived yet"
-- postponements; the store's settings as one JSON document (absent = defaults).
-- Booleans are 0/1 integers, times unix milliseconds, as in 0001_init.sql.
-- Keep in step with ../postgres/0009_reviews.sql.

-- shared::api::ReviewSettings as JSON.
CREATE TABLE review_settings (
    store_id      INTEGER PRIMARY KEY REFERENCES stores (id) ON DELETE CASCADE,
    document      TEXT    NOT NULL,
    updated_at_ms INTEGER NOT NULL
);

CREATE TABLE reviews (
    id                  INTEGER PRIMARY KEY,
    store_id            INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    customer_id         INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    -- The SKU reviewed, and the product it belongs to (see above).
    sku                 TEXT    NOT NULL,
    product_key         TEXT    NOT NULL,
    -- The delivered order line the server tied the review to; set = "verified buyer".
    order_item_id       INTEGER REFERENCES order_items (id) ON DELETE SET NULL,
    verified            INTEGER NOT NULL CHECK (verified IN (0, 1)),
    rating              INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    title               TEXT    NOT NULL,
    body                TEXT    NOT NULL,
    -- shared::api::Fit wire name.
    fit                 TEXT,
    would_recommend     INTEGER CHECK (would_recommend IN (0, 1)),
    display_name        TEXT    NOT NULL,
    status              TEXT    NOT NULL CHECK (status IN ('pending', 'published', 'rejected')),
    -- shared::review::RejectReason wire name (rejected only).
    reject_reason       TEXT,
    helpful_count       INTEGER NOT NULL DEFAULT 0,
    photo_count         INTEGER NOT NULL DEFAULT 0,
    reply_body          TEXT,
    reply_updated_at_ms INTEGER,
    created_at_ms       INTEGER NOT NULL,
    updated_at_ms       INTEGER NOT NULL
);
CREATE UNIQUE INDEX reviews_one_per_product ON reviews (store_id, customer_id, product_key);
CREATE INDEX reviews_by_product ON reviews (store_id, product_key, status, created_at_ms, id);
CREATE INDEX reviews_by_status ON reviews (store_id, status, created_at_ms, id);

-- Every moderation and reply action, for audit.
CREATE TABLE review_moderation_log (
    id          INTEGER PRIMARY KEY,
    store_id    INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    review_id   INTEGER NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    action      TEXT    NOT NULL CHECK (action IN ('approve', 'reject', 'reply', 'reply_delete')),
    reason      TEXT,
    at_ms       INTEGER NOT NULL
);
CREATE INDEX review_moderation_log_by_review ON review_moderation_log (review_id, id);

-- "Not arrived yet": not asked about this product again for 7 days.
CREATE TABLE review_postponements (
    store_id        INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    customer_id     INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    sku             TEXT    NOT NULL,
    postponed_at_ms INTEGER NOT NULL,
    PRIMARY KEY (customer_id, sku)
);
