-- Survey invitations by email (issue #16): a store turns them on per survey kind, and each
-- invitation written is kept per subject ("customer:<external id>") so the next one waits
-- the store's recontact rules. Erasing a customer deletes theirs with their other survey
-- rows. Keep in step with ../sqlite/0021_survey_invitations.sql.
ALTER TABLE survey_settings ADD COLUMN email_invitations BIGINT NOT NULL DEFAULT 0;
CREATE TABLE survey_invitations (
    store_id      BIGINT NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    subject_key   TEXT    NOT NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('nps', 'csat')),
    order_number  TEXT    NOT NULL,
    invited_at_ms BIGINT NOT NULL,
    PRIMARY KEY (store_id, subject_key, kind, invited_at_ms)
);
