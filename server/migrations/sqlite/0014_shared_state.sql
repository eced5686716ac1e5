-- State that several server instances behind one load balancer must agree on, moved out of
-- process memory (issue #15). Depends on nothing after 0001, so it may be applied before or
-- after 0013. Keep in step with ../postgres/0014_shared_state.sql.

-- Rate limits as GCRA: one row per (limit, hashed subject) holding the "theoretical arrival
-- time" in unix ms. A request is allowed when pushing it forward by one emission interval
-- stays within the burst; a row whose time has passed is fully recovered and may be purged.
-- `key_hash` is an HMAC of the store and the client IP or order number under the store's
-- secret key: no raw IP or order number is stored.
CREATE TABLE rate_limits (
    bucket TEXT NOT NULL,
    key_hash TEXT NOT NULL,
    tat_ms INTEGER NOT NULL,
    PRIMARY KEY (bucket, key_hash)
);
CREATE INDEX rate_limits_by_tat ON rate_limits (tat_ms);

-- The demo clock (`POST /demo/clock`, `serve --demo` only): how far each survey subject's
-- "now" is shifted. Seeding the demo store empties it.
CREATE TABLE demo_clock (
    subject_key TEXT PRIMARY KEY,
    offset_ms INTEGER NOT NULL
);
