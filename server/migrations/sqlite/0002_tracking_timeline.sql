-- Order tracking timeline: raw carrier codes and exception reasons on checkpoints, pickup
-- points, the history of delivery-window revisions, per-store tracking thresholds, the
-- store's shipping FAQ per language, and tracking page views (the "anxious customer" signal).
-- Keep in step with ../postgres/0002_tracking_timeline.sql.

-- Normalised exception reason ('address_issue', 'customs_hold', …) and the carrier's own code, verbatim.
ALTER TABLE tracking_events ADD COLUMN reason TEXT;
ALTER TABLE tracking_events ADD COLUMN raw_status TEXT;

-- The shared `PickupPoint` as JSON (name, address, opening hours, deadline).
ALTER TABLE shipments ADD COLUMN pickup_point TEXT;

-- Every delivery window a parcel was promised, oldest first by id. The shipments row keeps
-- the latest one; the first row is the original promise shown when it was revised.
CREATE TABLE shipment_eta_revisions (
    id                      INTEGER PRIMARY KEY,
    shipment_id             INTEGER NOT NULL REFERENCES shipments (id) ON DELETE CASCADE,
    eta_earliest_ms         INTEGER NOT NULL,
    eta_earliest_offset_min INTEGER,
    eta_latest_ms           INTEGER NOT NULL,
    eta_latest_offset_min   INTEGER,
    recorded_at_ms          INTEGER NOT NULL
);
CREATE INDEX shipment_eta_revisions_by_shipment ON shipment_eta_revisions (shipment_id, id);

-- When a silent parcel is "stalled" and when it is given up as "expired".
ALTER TABLE stores ADD COLUMN stall_after_hours INTEGER NOT NULL DEFAULT 72;
ALTER TABLE stores ADD COLUMN expire_after_days INTEGER NOT NULL DEFAULT 30;

-- The shipping FAQ shown beside the tracking timeline, per language, in display order.
CREATE TABLE store_faq (
    id       INTEGER PRIMARY KEY,
    store_id INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    locale   TEXT    NOT NULL,
    position INTEGER NOT NULL,
    question TEXT    NOT NULL,
    answer   TEXT    NOT NULL
);
CREATE INDEX store_faq_by_locale ON store_faq (store_id, locale, position);

-- One row per tracking page open (viewer 'customer' or 'guest'); background polls are not recorded.
CREATE TABLE tracking_views (
    id           INTEGER PRIMARY KEY,
    store_id     INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    order_id     INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    viewed_at_ms INTEGER NOT NULL,
    viewer       TEXT    NOT NULL CHECK (viewer IN ('customer', 'guest'))
);
-- The anxious-customers insight: a store's views in a recent window, grouped by order.
CREATE INDEX tracking_views_by_store_time ON tracking_views (store_id, viewed_at_ms, order_id);
CREATE INDEX tracking_views_by_order ON tracking_views (order_id);
