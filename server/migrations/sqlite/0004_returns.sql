-- Returns and exchanges: per-store settings (one JSON document: policy, reasons, methods),
-- a small catalog for exchange variants and final-sale tags, returns with their lines,
-- photos and status history, and EU withdrawal declarations.
-- Keep in step with ../postgres/0004_returns.sql.

-- shared::api::ReturnSettings as JSON; absent = the server's defaults.
CREATE TABLE return_settings (
    store_id      INTEGER PRIMARY KEY REFERENCES stores (id) ON DELETE CASCADE,
    document      TEXT    NOT NULL,
    updated_at_ms INTEGER NOT NULL
);

CREATE TABLE products (
    id          INTEGER PRIMARY KEY,
    store_id    INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    external_id TEXT    NOT NULL,
    title       TEXT    NOT NULL,
    -- JSON array of tags.
    tags        TEXT    NOT NULL DEFAULT '[]',
    UNIQUE (store_id, external_id)
);

-- Order lines find their product through their SKU.
CREATE TABLE product_variants (
    store_id   INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    sku        TEXT    NOT NULL,
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    label      TEXT    NOT NULL,
    available  INTEGER NOT NULL,
    PRIMARY KEY (store_id, sku)
);
CREATE INDEX product_variants_by_product ON product_variants (product_id, position);

CREATE TABLE returns (
    id            INTEGER PRIMARY KEY,
    store_id      INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    order_id      INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    rma           TEXT    NOT NULL UNIQUE,
    status        TEXT    NOT NULL,
    method        TEXT    NOT NULL,
    locale        TEXT    NOT NULL,
    -- shared::returns::RefundEstimate as JSON, computed when requested.
    estimate      TEXT    NOT NULL,
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL
);
CREATE INDEX returns_by_order ON returns (order_id, created_at_ms);
CREATE INDEX returns_by_store ON returns (store_id, status, created_at_ms);

CREATE TABLE return_items (
    id             INTEGER PRIMARY KEY,
    return_id      INTEGER NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
    order_item_id  INTEGER NOT NULL REFERENCES order_items (id) ON DELETE CASCADE,
    quantity       INTEGER NOT NULL CHECK (quantity > 0),
    reason         TEXT    NOT NULL,
    comment        TEXT,
    resolution     TEXT    NOT NULL,
    exchange_sku   TEXT,
    exchange_label TEXT,
    paid_minor     INTEGER NOT NULL,
    UNIQUE (return_id, order_item_id)
);
CREATE INDEX return_items_by_item ON return_items (order_item_id);

-- Re-encoded uploads (never the original bytes); return_item_id is set when a return uses
-- the photo. owner is the uploader's subject ("customer:<id>" / "order:<number>"): only they
-- can attach it.
CREATE TABLE return_photos (
    id             TEXT    PRIMARY KEY,
    store_id       INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    return_item_id INTEGER REFERENCES return_items (id) ON DELETE CASCADE,
    owner          TEXT    NOT NULL,
    content_type   TEXT    NOT NULL,
    width          INTEGER NOT NULL,
    height         INTEGER NOT NULL,
    data           BLOB    NOT NULL,
    created_at_ms  INTEGER NOT NULL
);
CREATE INDEX return_photos_by_item ON return_photos (return_item_id);

CREATE TABLE return_status_history (
    id        INTEGER PRIMARY KEY,
    return_id INTEGER NOT NULL REFERENCES returns (id) ON DELETE CASCADE,
    status    TEXT    NOT NULL,
    note      TEXT,
    actor     TEXT    NOT NULL,
    at_ms     INTEGER NOT NULL
);
CREATE INDEX return_status_history_by_return ON return_status_history (return_id, id);

CREATE TABLE withdrawals (
    id              INTEGER PRIMARY KEY,
    store_id        INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    order_id        INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    reference       TEXT    NOT NULL UNIQUE,
    statement       TEXT    NOT NULL,
    locale          TEXT    NOT NULL,
    confirmed_at_ms INTEGER NOT NULL
);
CREATE INDEX withdrawals_by_order ON withdrawals (order_id);
