-- Erasures of a customer's data (POST /v1/me/erasure), for the store's records of requests it
-- honoured: when, and what was kept for its accounts. Nothing here identifies the customer:
-- subject_hash is sha256("<store id>\n<customer id>"), so a store can prove a given request was
-- carried out without keeping who made it. Keep in step with ../postgres/0008_erasures.sql.

CREATE TABLE erasures (
    id           INTEGER PRIMARY KEY,
    store_id     INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    subject_hash TEXT    NOT NULL,
    orders_kept  INTEGER NOT NULL,
    returns_kept INTEGER NOT NULL,
    erased_at_ms INTEGER NOT NULL
);
CREATE INDEX erasures_by_store ON erasures (store_id, erased_at_ms);
