-- Reviews imported from other review apps (Judge.me, Okendo CSV exports): such a review may
-- have no customer of this store, so reviews.customer_id becomes nullable (NULLs are
-- distinct in the one-review-per-product index); `source` names the app it came from (NULL:
-- written here) and `external_id` its id there (or a content hash when the export has none),
-- unique per store and source, so re-importing a file adds nothing.
-- Keep in step with ../sqlite/0012_review_imports.sql.

ALTER TABLE reviews ALTER COLUMN customer_id DROP NOT NULL;
ALTER TABLE reviews ADD COLUMN source TEXT CHECK (source IN ('judgeme', 'okendo'));
ALTER TABLE reviews ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX reviews_by_source ON reviews (store_id, source, external_id);
