-- Aftercare schema, SQLite flavour. Keep in step with ../postgres/0001_init.sql.
-- Times are integer unix milliseconds (UTC) plus, where a source gave one, the original
-- UTC offset in minutes. Money is integer minor units. Booleans are 0/1 integers.

CREATE TABLE stores (
    id               INTEGER PRIMARY KEY,
    name             TEXT    NOT NULL,
    publishable_key  TEXT    NOT NULL UNIQUE,
    secret_key       TEXT    NOT NULL,
    secret_key_hash  TEXT    NOT NULL UNIQUE,
    default_locale   TEXT    NOT NULL DEFAULT 'en',
    support_email    TEXT,
    support_phone    TEXT,
    support_chat_url TEXT,
    created_at_ms    INTEGER NOT NULL,
    updated_at_ms    INTEGER NOT NULL
);

CREATE TABLE store_origins (
    store_id INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    origin   TEXT    NOT NULL,
    PRIMARY KEY (store_id, origin)
);

CREATE TABLE customers (
    id            INTEGER PRIMARY KEY,
    store_id      INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    external_id   TEXT    NOT NULL,
    email         TEXT    NOT NULL,
    name          TEXT,
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL,
    UNIQUE (store_id, external_id)
);

CREATE TABLE orders (
    id                INTEGER PRIMARY KEY,
    store_id          INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    customer_id       INTEGER REFERENCES customers (id) ON DELETE SET NULL,
    order_number      TEXT    NOT NULL,
    email_normalized  TEXT    NOT NULL,
    email_hash        TEXT    NOT NULL,
    currency          TEXT    NOT NULL,
    subtotal_minor    INTEGER NOT NULL,
    shipping_minor    INTEGER NOT NULL,
    tax_minor         INTEGER NOT NULL,
    discount_minor    INTEGER NOT NULL,
    total_minor       INTEGER NOT NULL,
    placed_at_ms      INTEGER NOT NULL,
    placed_offset_min INTEGER,
    shipping_address  TEXT,
    payment_brand     TEXT,
    payment_last4     TEXT,
    cancelled         INTEGER NOT NULL DEFAULT 0,
    created_at_ms     INTEGER NOT NULL,
    updated_at_ms     INTEGER NOT NULL,
    UNIQUE (store_id, order_number)
);
-- A customer's history, newest first (GET /v1/orders).
CREATE INDEX orders_by_customer ON orders (customer_id, placed_at_ms, id);

CREATE TABLE order_items (
    id               INTEGER PRIMARY KEY,
    order_id         INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    sku              TEXT    NOT NULL,
    title            TEXT    NOT NULL,
    variant          TEXT,
    quantity         INTEGER NOT NULL,
    unit_price_minor INTEGER NOT NULL,
    image_url        TEXT,
    UNIQUE (order_id, sku)
);

CREATE TABLE shipments (
    id                      INTEGER PRIMARY KEY,
    order_id                INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    store_id                INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    carrier_code            TEXT    NOT NULL,
    carrier_name            TEXT    NOT NULL,
    tracking_number         TEXT    NOT NULL,
    tracking_url            TEXT,
    eta_earliest_ms         INTEGER,
    eta_earliest_offset_min INTEGER,
    eta_latest_ms           INTEGER,
    eta_latest_offset_min   INTEGER,
    shipped_at_ms           INTEGER,
    shipped_at_offset_min   INTEGER,
    created_at_ms           INTEGER NOT NULL,
    UNIQUE (store_id, carrier_code, tracking_number)
);
CREATE INDEX shipments_by_order ON shipments (order_id);

CREATE TABLE shipment_items (
    shipment_id   INTEGER NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
    order_item_id INTEGER NOT NULL REFERENCES order_items (id) ON DELETE CASCADE,
    quantity      INTEGER NOT NULL,
    PRIMARY KEY (shipment_id, order_item_id)
);
CREATE INDEX shipment_items_by_item ON shipment_items (order_item_id);

-- dedupe_key is 'id:<carrier_event_id>' or 't:<sha256(status|occurred_at_ms|description)>',
-- so concurrent ingests of the same checkpoint collapse on a unique index.
CREATE TABLE tracking_events (
    id                  INTEGER PRIMARY KEY,
    shipment_id         INTEGER NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
    carrier_event_id    TEXT,
    dedupe_key          TEXT    NOT NULL,
    status              TEXT    NOT NULL,
    description         TEXT    NOT NULL,
    city                TEXT,
    region              TEXT,
    country             TEXT,
    postal_code         TEXT,
    occurred_at_ms      INTEGER NOT NULL,
    occurred_offset_min INTEGER,
    received_at_ms      INTEGER NOT NULL,
    UNIQUE (shipment_id, carrier_event_id),
    UNIQUE (shipment_id, dedupe_key)
);
CREATE INDEX tracking_events_by_shipment ON tracking_events (shipment_id, occurred_at_ms);

-- One row per (store, caller credential, Idempotency-Key); state 'in_flight' or 'completed'.
CREATE TABLE idempotency_keys (
    id              INTEGER PRIMARY KEY,
    store_id        INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    credential_hash TEXT    NOT NULL,
    idem_key        TEXT    NOT NULL,
    request_hash    TEXT    NOT NULL,
    state           TEXT    NOT NULL,
    response_status INTEGER,
    response_body   TEXT,
    created_at_ms   INTEGER NOT NULL,
    completed_at_ms INTEGER,
    UNIQUE (store_id, credential_hash, idem_key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at_ms);
