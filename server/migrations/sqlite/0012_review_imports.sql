-- Reviews imported from other review apps (Judge.me, Okendo CSV exports): such a review may
-- have no customer of this store (the reviewer's email matches no delivered order), so
-- reviews.customer_id becomes nullable (NULLs are distinct in the one-review-per-product
-- index, so any number of imported reviews can share a product); `source` names the app it
-- came from (NULL: written here) and `external_id` its id there (or a content hash when the
-- export has none), unique per store and source, so re-importing a file adds nothing.
-- Keep in step with ../postgres/0012_review_imports.sql.

ALTER TABLE reviews ADD COLUMN source TEXT CHECK (source IN ('judgeme', 'okendo'));
ALTER TABLE reviews ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX reviews_by_source ON reviews (store_id, source, external_id);

-- SQLite cannot drop a NOT NULL constraint with ALTER TABLE, and rebuilding the table would
-- need foreign keys off (else dropping the old table deletes its moderation log, photos and
-- votes through ON DELETE CASCADE), which sqlx's transaction around every SQLite migration
-- does not allow. Removing a NOT NULL constraint does not change what is stored, so the
-- documented alternative applies (sqlite.org/lang_altertable.html, "making other kinds of
-- table schema changes"): edit the table's CREATE text in the schema, then reload it
-- (`RESET`; the DDL above moves the schema cookie, so every other connection reloads too).
-- It keeps any column other migrations added. Done after the ADD COLUMNs, which rely on
-- the parsed schema matching the stored text.
PRAGMA writable_schema = ON;
UPDATE sqlite_master
SET sql = replace(sql,
    'customer_id         INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE',
    'customer_id         INTEGER REFERENCES customers (id) ON DELETE CASCADE')
WHERE type = 'table' AND name = 'reviews';
PRAGMA writable_schema = RESET;

-- Fails the migration (NOT NULL constraint) if the edit above did not take. The row's
-- dangling store is allowed only because checks are deferred to the commit, before which
-- it is gone.
PRAGMA defer_foreign_keys = ON;
INSERT INTO reviews (id, store_id, customer_id, sku, product_key, verified, rating, title,
    body, display_name, status, created_at_ms, updated_at_ms)
VALUES (-1, -1, NULL, 'probe', 'probe', 0, 1, 'probe', 'probe', 'probe', 'pending', 0, 0);
DELETE FROM reviews WHERE id = -1;
PRAGMA defer_foreign_keys = OFF;
