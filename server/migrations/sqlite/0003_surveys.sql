-- NPS and CSAT surveys: per-store rules and wording, when a survey was shown (for "one
-- survey per visit"), responses (client-generated ids, so retries never duplicate) and
-- dismissals (for the doubling quiet period). Subjects are "customer:<external id>" or
-- "order:<order number>". Keep in step with ../postgres/0003_surveys.sql.

-- Recontact rules per store and kind; absent = shared::survey::SurveyRules::default().
CREATE TABLE survey_settings (
    store_id                  INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    kind                      TEXT    NOT NULL CHECK (kind IN ('nps', 'csat')),
    days_after_first_delivery INTEGER NOT NULL,
    days_after_response       INTEGER NOT NULL,
    days_after_dismissal      INTEGER NOT NULL,
    sample_percent            INTEGER NOT NULL,
    updated_at_ms             INTEGER NOT NULL,
    PRIMARY KEY (store_id, kind)
);

-- The question and scale labels per store, kind and language ('{store}' = the store's name).
CREATE TABLE survey_texts (
    store_id   INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('nps', 'csat')),
    locale     TEXT    NOT NULL,
    question   TEXT    NOT NULL,
    low_label  TEXT    NOT NULL,
    high_label TEXT    NOT NULL,
    PRIMARY KEY (store_id, kind, locale)
);

-- One row per (subject, kind, visit) in which the survey was shown.
CREATE TABLE survey_displays (
    id          INTEGER PRIMARY KEY,
    store_id    INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    subject_key TEXT    NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('nps', 'csat')),
    visit_id    TEXT    NOT NULL,
    shown_at_ms INTEGER NOT NULL,
    UNIQUE (store_id, subject_key, visit_id, kind)
);

-- order_number and email are copied when the response is written, for the merchant's report.
CREATE TABLE survey_responses (
    store_id          INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    id                TEXT    NOT NULL,
    subject_key       TEXT    NOT NULL,
    customer_id       INTEGER REFERENCES customers (id) ON DELETE SET NULL,
    order_id          INTEGER REFERENCES orders (id) ON DELETE SET NULL,
    order_number      TEXT,
    email             TEXT,
    kind              TEXT    NOT NULL CHECK (kind IN ('nps', 'csat')),
    score             INTEGER NOT NULL,
    category          TEXT    NOT NULL CHECK (category IN ('detractor', 'passive', 'promoter')),
    comment           TEXT,
    wants_contact     INTEGER NOT NULL DEFAULT 0,
    followed_up_at_ms INTEGER,
    visit_id          TEXT    NOT NULL,
    created_at_ms     INTEGER NOT NULL,
    updated_at_ms     INTEGER NOT NULL,
    PRIMARY KEY (store_id, id)
);
-- A subject's latest response (eligibility) and a store's responses by time (report, CSV).
CREATE INDEX survey_responses_by_subject ON survey_responses (store_id, subject_key, kind, created_at_ms);
CREATE INDEX survey_responses_by_time ON survey_responses (store_id, kind, created_at_ms);

CREATE TABLE survey_dismissals (
    id              INTEGER PRIMARY KEY,
    store_id        INTEGER NOT NULL REFERENCES stores (id) ON DELETE CASCADE,
    subject_key     TEXT    NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('nps', 'csat')),
    visit_id        TEXT    NOT NULL,
    dismissed_at_ms INTEGER NOT NULL
);
CREATE INDEX survey_dismissals_by_subject ON survey_dismissals (store_id, subject_key, kind, dismissed_at_ms);
