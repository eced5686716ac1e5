-- The account's profile and address book (GET /v1/me/profile, /v1/me/addresses), and what
-- the merchant's order push adds for it: the customer's phone, each line's product page
-- ("Buy again") and what was refunded on the order so far.
-- Booleans are 0/1 integers, times unix milliseconds, money minor units, as in 0001_init.sql.
-- Keep in step with ../postgres/0007_profile.sql.

ALTER TABLE customers ADD COLUMN phone TEXT;
ALTER TABLE order_items ADD COLUMN product_url TEXT;
-- As the merchant's system reports it (returns, goodwill, cancelled lines); 0 = nothing.
ALTER TABLE orders ADD COLUMN refunded_minor INTEGER NOT NULL DEFAULT 0;

-- Keyed by the merchant's customer id (a customer token's subject), not by the customers
-- row: a customer the store has no order from yet (so no row) can still keep addresses.
-- Values are stored as shared::api::AddressInput::validate normalises them.
CREATE TABLE customer_addresses (
    id                   INTEGER PRIMARY KEY,
    store_id             INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    customer_external_id TEXT    NOT NULL,
    name                 TEXT    NOT NULL,
    line1                TEXT    NOT NULL,
    line2                TEXT,
    city                 TEXT    NOT NULL,
    region               TEXT,
    postal_code          TEXT    NOT NULL,
    country              TEXT    NOT NULL,
    is_default           INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
    created_at_ms        INTEGER NOT NULL,
    updated_at_ms        INTEGER NOT NULL
);
-- A customer's book, newest first.
CREATE INDEX customer_addresses_by_customer
    ON customer_addresses (store_id, customer_external_id, updated_at_ms);
-- At most one default per customer.
CREATE UNIQUE INDEX customer_addresses_one_default
    ON customer_addresses (store_id, customer_external_id) WHERE is_default = 1;
