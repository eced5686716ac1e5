-- Customers' communication preferences (GET/PUT /v1/me/preferences): one row per topic the
-- customer changed; a topic without a row has its default (shared::api::Topic::on_by_default).
-- Topics are checked by the server, not here, so a new topic needs no migration.
-- Booleans are 0/1 integers, times unix milliseconds, as in 0001_init.sql.
-- Keep in step with ../sqlite/0005_preferences.sql.

CREATE TABLE customer_preferences (
    store_id      BIGINT  NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    customer_id   BIGINT  NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    topic         TEXT    NOT NULL,
    enabled       BIGINT  NOT NULL CHECK (enabled IN (0, 1)),
    -- When the customer last changed the setting (not when they last repeated it).
    changed_at_ms BIGINT  NOT NULL,
    PRIMARY KEY (customer_id, topic)
);
