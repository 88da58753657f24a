-- inspections-service: field work of approved items (articles 10, 12, 14, 15, 18, 19, 22, 23, 26, 29).

CREATE TABLE inspection (
    id                        BIGINT        PRIMARY KEY,
    item_id                   BIGINT        NOT NULL,
    approval_code             VARCHAR(60)   NOT NULL,
    title                     VARCHAR(300)  NOT NULL,
    organiser_unit_code       VARCHAR(60)   NOT NULL,
    organiser_region          VARCHAR(12),
    co_organiser_codes        VARCHAR(1000) NOT NULL DEFAULT ',',
    dispatching_unit_code     VARCHAR(60)   NOT NULL,
    status                    VARCHAR(20)   NOT NULL,
    unannounced               BOOLEAN       NOT NULL,
    provincial_comprehensive  BOOLEAN       NOT NULL,
    period_start              DATE,
    period_end                DATE,
    starts_on                 DATE          NOT NULL,
    ends_on                   DATE          NOT NULL,
    team                      JSONB         NOT NULL,
    population                JSONB         NOT NULL,
    sampling_required         BOOLEAN       NOT NULL,
    exception_granted         BOOLEAN       NOT NULL,
    approved_sample_max       INTEGER,
    sample                    JSONB,
    sample_draws              JSONB         NOT NULL,
    results                   JSONB,
    history                   JSONB         NOT NULL,
    created_at                TIMESTAMPTZ   NOT NULL,
    created_by                VARCHAR(200)  NOT NULL,
    version                   BIGINT        NOT NULL
);
CREATE SEQUENCE inspection_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX inspection_dispatching ON inspection (dispatching_unit_code);
CREATE INDEX inspection_organiser ON inspection (organiser_unit_code);
CREATE INDEX inspection_organiser_region ON inspection (organiser_region);

-- The declared population (targets) of an inspection, one row per unit: who is sampled, when a visit first started.
CREATE TABLE inspection_target (
    id              BIGINT        PRIMARY KEY,
    inspection_id   BIGINT        NOT NULL REFERENCES inspection (id),
    unit_code       VARCHAR(60)   NOT NULL,
    sampled         BOOLEAN       NOT NULL,
    visit_started_at TIMESTAMPTZ,
    UNIQUE (inspection_id, unit_code)
);
CREATE SEQUENCE inspection_target_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX inspection_target_unit ON inspection_target (unit_code, inspection_id);

CREATE TABLE itinerary_entry (
    id              BIGINT        PRIMARY KEY,
    inspection_id   BIGINT        NOT NULL REFERENCES inspection (id),
    unit_code       VARCHAR(60)   NOT NULL,
    visit_date      DATE          NOT NULL,
    site_type       VARCHAR(30)   NOT NULL,
    necessity       VARCHAR(1000),
    created_at      TIMESTAMPTZ   NOT NULL,
    created_by      VARCHAR(200)  NOT NULL
);
CREATE SEQUENCE itinerary_entry_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX itinerary_entry_inspection ON itinerary_entry (inspection_id, unit_code);

CREATE TABLE visit (
    id                  BIGINT        PRIMARY KEY,
    inspection_id       BIGINT        NOT NULL REFERENCES inspection (id),
    itinerary_entry_id  BIGINT        NOT NULL UNIQUE REFERENCES itinerary_entry (id),
    unit_code           VARCHAR(60)   NOT NULL,
    visit_date          DATE          NOT NULL,
    month               CHAR(7)       NOT NULL,
    started_at          TIMESTAMPTZ   NOT NULL,
    started_by          VARCHAR(200)  NOT NULL,
    reception           JSONB,
    reception_findings  JSONB         NOT NULL,
    reported_violations VARCHAR(500),
    forms               INTEGER       NOT NULL DEFAULT 0,
    materials           INTEGER       NOT NULL DEFAULT 0,
    surveys             INTEGER       NOT NULL DEFAULT 0,
    online_votes        INTEGER       NOT NULL DEFAULT 0,
    messaging_groups    INTEGER       NOT NULL DEFAULT 0,
    version             BIGINT        NOT NULL
);
CREATE SEQUENCE visit_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX visit_inspection ON visit (inspection_id);
CREATE INDEX visit_unit_month ON visit (unit_code, month);

-- A visited unit's rating of a visit. No rater identity is kept: ratings are read only as aggregates.
CREATE TABLE visit_rating (
    id               BIGINT        PRIMARY KEY,
    visit_id         BIGINT        NOT NULL UNIQUE REFERENCES visit (id),
    inspection_id    BIGINT        NOT NULL REFERENCES inspection (id),
    score            SMALLINT      NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment          VARCHAR(1000),
    burden_flag      BOOLEAN       NOT NULL,
    misconduct_flag  BOOLEAN       NOT NULL
);
CREATE SEQUENCE visit_rating_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX visit_rating_inspection ON visit_rating (inspection_id);

-- The rectification ledger (问题台账): one row per finding.
CREATE TABLE finding (
    id                     BIGINT        PRIMARY KEY,
    inspection_id          BIGINT        NOT NULL REFERENCES inspection (id),
    target_unit_code       VARCHAR(60)   NOT NULL,
    problem                VARCHAR(4000) NOT NULL,
    evidence               JSONB         NOT NULL,
    responsible_side       VARCHAR(500)  NOT NULL,
    deadline               DATE          NOT NULL,
    status                 VARCHAR(30)   NOT NULL,
    dispatching_unit_code  VARCHAR(60)   NOT NULL,
    organiser_unit_code    VARCHAR(60)   NOT NULL,
    organiser_region       VARCHAR(12),
    co_organiser_codes     VARCHAR(1000) NOT NULL DEFAULT ',',
    fed_back_at            TIMESTAMPTZ,
    answer                 VARCHAR(4000),
    rectifications         JSONB         NOT NULL,
    verifications          JSONB         NOT NULL,
    created_at             TIMESTAMPTZ   NOT NULL,
    version                BIGINT        NOT NULL
);
CREATE SEQUENCE finding_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX finding_target ON finding (target_unit_code);
CREATE INDEX finding_inspection ON finding (inspection_id);
CREATE INDEX finding_status_deadline ON finding (status, deadline);
CREATE INDEX finding_dispatching ON finding (dispatching_unit_code);
CREATE INDEX finding_organiser ON finding (organiser_unit_code);
CREATE INDEX finding_organiser_region ON finding (organiser_region);

CREATE TABLE assessment_scheme (
    id               BIGINT        PRIMARY KEY,
    name             VARCHAR(300)  NOT NULL,
    owner_unit_code  VARCHAR(60)   NOT NULL,
    year             INTEGER       NOT NULL,
    item_id          BIGINT,
    target_types     JSONB         NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL,
    created_by       VARCHAR(200)  NOT NULL,
    version          BIGINT        NOT NULL
);
CREATE SEQUENCE assessment_scheme_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX assessment_scheme_owner ON assessment_scheme (owner_unit_code);

CREATE TABLE assessment_score (
    id                BIGINT        PRIMARY KEY,
    scheme_id         BIGINT        NOT NULL REFERENCES assessment_scheme (id),
    target_unit_code  VARCHAR(60)   NOT NULL,
    target_type       VARCHAR(60)   NOT NULL,
    scores            JSONB         NOT NULL,
    total             NUMERIC(9, 4) NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL,
    created_by        VARCHAR(200)  NOT NULL,
    UNIQUE (scheme_id, target_unit_code)
);
CREATE SEQUENCE assessment_score_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE commendation (
    id               BIGINT        PRIMARY KEY,
    inspection_id    BIGINT        NOT NULL REFERENCES inspection (id),
    unit_code        VARCHAR(60)   NOT NULL,
    year             INTEGER       NOT NULL,
    exemption_year   INTEGER       NOT NULL,
    reason           VARCHAR(1000) NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL,
    created_by       VARCHAR(200)  NOT NULL,
    UNIQUE (inspection_id, unit_code)
);
CREATE SEQUENCE commendation_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX commendation_unit ON commendation (unit_code);
