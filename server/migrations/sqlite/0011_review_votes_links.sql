-- "Helpful" votes on published reviews (POST /v1/reviews/{id}/helpful): one row per review and
-- browser, so a repeated or parallel vote counts once; reviews.helpful_count is kept in step
-- in the same transaction. `voter` is a random id the browser made up (no account, no IP, no
-- personal data), so erasure has nothing to find here; the rows go with their review.
-- Review links (POST /v1/admin/reviews/links) are signed, expiring tokens bound to the store
-- and an order number (shared::token, kind `review_link`): stateless, nothing is stored.
-- Times unix milliseconds, as in 0001_init.sql.
-- Keep in step with ../postgres/0011_review_votes_links.sql.

CREATE TABLE review_helpful_votes (
    review_id INTEGER NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
    voter     TEXT    NOT NULL,
    at_ms     INTEGER NOT NULL,
    PRIMARY KEY (review_id, voter)
);
