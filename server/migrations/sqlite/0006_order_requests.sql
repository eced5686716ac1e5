-- Cancellation and address-change requests (shared::changes): a shopper asks, the store
-- accepts or rejects. At most one *pending* request per order and kind (the partial unique
-- index backs up the check the server makes under the order's row lock). Booleans are 0/1
-- integers, times unix milliseconds, addresses shared::order::Address as JSON, as in
-- 0001_init.sql. Keep in step with ../postgres/0006_order_requests.sql.

CREATE TABLE order_requests (
    id                INTEGER PRIMARY KEY,
    store_id          INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    order_id          INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    kind              TEXT    NOT NULL CHECK (kind IN ('cancellation', 'address_change')),
    status            TEXT    NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected')),
    -- shared::changes::CancelReason wire name (cancellations only).
    reason            TEXT,
    comment           TEXT,
    -- The address asked for (address changes only), as validated and normalised.
    address           TEXT,
    -- The order's delivery address it replaced, kept for audit when accepted.
    previous_address  TEXT,
    -- A parcel was added to the order while the request was pending.
    shipped_meanwhile INTEGER NOT NULL DEFAULT 0 CHECK (shipped_meanwhile IN (0, 1)),
    created_at_ms     INTEGER NOT NULL,
    decided_at_ms     INTEGER,
    -- What the store told the shopper with its decision.
    note              TEXT
);
CREATE UNIQUE INDEX order_requests_one_pending ON order_requests (order_id, kind)
    WHERE status = 'pending';
CREATE INDEX order_requests_by_order ON order_requests (order_id, created_at_ms);
CREATE INDEX order_requests_by_store ON order_requests (store_id, status, created_at_ms, id);

-- shared::changes::ChangePolicy per store (part of the store settings); absent = defaults.
CREATE TABLE store_change_policy (
    store_id            INTEGER PRIMARY KEY REFERENCES stores (id) ON DELETE CASCADE,
    cancel_window_hours INTEGER NOT NULL,
    -- JSON array of CancelReason wire names, in display order.
    cancel_reasons      TEXT    NOT NULL,
    address_changes     INTEGER NOT NULL CHECK (address_changes IN (0, 1)),
    updated_at_ms       INTEGER NOT NULL
);
