-- Annual plans, one-matter-one-report (一事一报) and urgent (紧急突发) requests, their items,
-- the workflow history, approval codes, granted exceptions; the calendar, exemptions and baselines.

CREATE TABLE plan (
    id                     BIGINT        PRIMARY KEY,
    type                   VARCHAR(20)   NOT NULL CHECK (type IN ('ANNUAL', 'SINGLE_MATTER')),
    urgent                 BOOLEAN       NOT NULL DEFAULT FALSE,
    year                   INTEGER       NOT NULL,
    title                  VARCHAR(300)  NOT NULL,
    organiser_unit_code    VARCHAR(40)   NOT NULL,
    reviewing_office_code  VARCHAR(40)   NOT NULL,
    approving_body_code    VARCHAR(40)   NOT NULL,
    status                 VARCHAR(20)   NOT NULL,
    late_justification     TEXT,
    submitted_at           TIMESTAMPTZ,
    approved_at            TIMESTAMPTZ,
    issued_at              TIMESTAMPTZ,
    valid_until            DATE,
    converted_at           TIMESTAMPTZ,
    created_by             VARCHAR(200)  NOT NULL,
    created_at             TIMESTAMPTZ   NOT NULL,
    version                BIGINT        NOT NULL DEFAULT 0
);
CREATE SEQUENCE plan_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX plan_organiser_year ON plan (organiser_unit_code, year);
CREATE INDEX plan_status ON plan (status);

CREATE TABLE plan_item (
    id                          BIGINT        PRIMARY KEY,
    plan_id                     BIGINT        NOT NULL REFERENCES plan (id),
    title                       VARCHAR(300)  NOT NULL,
    category                    VARCHAR(30)   NOT NULL,
    activity_word               VARCHAR(10)   NOT NULL,
    topics                      TEXT[]        NOT NULL DEFAULT '{}',
    organiser_unit_code         VARCHAR(40)   NOT NULL,
    co_organiser_unit_codes     TEXT[]        NOT NULL DEFAULT '{}',
    acting_name                 VARCHAR(30)   NOT NULL,
    acting_body_unit_code       VARCHAR(40),
    acting_approval_reference   VARCHAR(200),
    legal_basis                 TEXT,
    target_unit_codes           TEXT[]        NOT NULL DEFAULT '{}',
    target_levels               TEXT[]        NOT NULL DEFAULT '{}',
    target_region_code          VARCHAR(12),
    target_region_prefix        VARCHAR(12)   NOT NULL,
    region_wide                 BOOLEAN       NOT NULL DEFAULT FALSE,
    on_site                     BOOLEAN       NOT NULL DEFAULT FALSE,
    sampling_population         INTEGER,
    sampling_size               INTEGER,
    construction_site_visits    INTEGER       NOT NULL DEFAULT 0,
    construction_site_necessity TEXT,
    period_start                DATE          NOT NULL,
    period_end                  DATE          NOT NULL,
    visit_dates                 DATE[]        NOT NULL DEFAULT '{}',
    work_deployed_on            DATE,
    notice_recipient_unit_codes TEXT[]        NOT NULL DEFAULT '{}',
    forms                       TEXT[]        NOT NULL DEFAULT '{}',
    materials                   TEXT[]        NOT NULL DEFAULT '{}',
    scores                      BOOLEAN       NOT NULL DEFAULT FALSE,
    ranks                       BOOLEAN       NOT NULL DEFAULT FALSE,
    may_lead_to_accountability  BOOLEAN       NOT NULL DEFAULT FALSE,
    unified_deployment          BOOLEAN       NOT NULL DEFAULT FALSE,
    publishable                 BOOLEAN       NOT NULL DEFAULT FALSE,
    team_leader_rank            VARCHAR(20),
    justifications              JSONB         NOT NULL DEFAULT '{}',
    year                        INTEGER       NOT NULL,
    grassroots                  BOOLEAN       NOT NULL DEFAULT FALSE,
    approval_code               VARCHAR(40)   UNIQUE,
    approved                    BOOLEAN       NOT NULL DEFAULT FALSE,
    withdrawn                   BOOLEAN       NOT NULL DEFAULT FALSE,
    version                     BIGINT        NOT NULL DEFAULT 0,
    CHECK (period_start <= period_end)
);
CREATE SEQUENCE plan_item_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX plan_item_plan ON plan_item (plan_id);
-- the rule checks ask for candidates by organiser and year, by category, by period and region, by topic and target
CREATE INDEX plan_item_organiser_year_category ON plan_item (organiser_unit_code, year, category) WHERE approved;
CREATE INDEX plan_item_period ON plan_item (period_start, period_end);
CREATE INDEX plan_item_region ON plan_item (target_region_prefix varchar_pattern_ops, period_start);
CREATE INDEX plan_item_topics ON plan_item USING GIN (topics);
CREATE INDEX plan_item_targets ON plan_item USING GIN (target_unit_codes);
CREATE INDEX plan_item_year_grassroots ON plan_item (organiser_unit_code, year) WHERE approved AND grassroots;

-- Exceptions granted explicitly by the approving authority to PRINCIPLE rules (原则上 … 除确有必要外).
CREATE TABLE granted_exception (
    id              BIGINT        PRIMARY KEY,
    item_id         BIGINT        NOT NULL REFERENCES plan_item (id),
    rule            VARCHAR(60)   NOT NULL,
    justification   TEXT          NOT NULL,
    granted_by      VARCHAR(200)  NOT NULL,
    granted_unit    VARCHAR(40)   NOT NULL,
    granted_at      TIMESTAMPTZ   NOT NULL,
    UNIQUE (item_id, rule)
);
CREATE SEQUENCE granted_exception_seq START WITH 1 INCREMENT BY 50;

-- The workflow history: every transition with actor, unit, time and comment.
CREATE TABLE plan_transition (
    id           BIGINT        PRIMARY KEY,
    plan_id      BIGINT        NOT NULL REFERENCES plan (id),
    action       VARCHAR(30)   NOT NULL,
    from_status  VARCHAR(20),
    to_status    VARCHAR(20)   NOT NULL,
    actor        VARCHAR(200)  NOT NULL,
    actor_unit   VARCHAR(40),
    at           TIMESTAMPTZ   NOT NULL,
    comment      TEXT,
    findings     JSONB         NOT NULL DEFAULT '[]'
);
CREATE SEQUENCE plan_transition_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX plan_transition_plan ON plan_transition (plan_id, id);

-- Approval codes (督查检查考核编号): one counter per year.
CREATE TABLE approval_counter (
    year   INTEGER PRIMARY KEY,
    last   INTEGER NOT NULL
);

-- One lock row per organiser and year: approvals that count against caps take it first.
CREATE TABLE organiser_year (
    organiser_unit_code  VARCHAR(40) NOT NULL,
    year                 INTEGER     NOT NULL,
    PRIMARY KEY (organiser_unit_code, year)
);

-- No-meeting months (无会月) per year and region, set by admins.
CREATE TABLE no_meeting_month (
    id           BIGINT       PRIMARY KEY,
    year         INTEGER      NOT NULL,
    month        INTEGER      NOT NULL CHECK (month BETWEEN 1 AND 12),
    region_code  VARCHAR(12)  NOT NULL,
    note         VARCHAR(300),
    version      BIGINT       NOT NULL DEFAULT 0,
    UNIQUE (year, month, region_code)
);
CREATE SEQUENCE no_meeting_month_seq START WITH 1 INCREMENT BY 50;

-- Exemptions (免督查): unit, year, reason, source; idempotent on (source, source_id).
CREATE TABLE exemption (
    id          BIGINT        PRIMARY KEY,
    unit_code   VARCHAR(40)   NOT NULL REFERENCES unit (code),
    year        INTEGER       NOT NULL,
    reason      TEXT          NOT NULL,
    source      VARCHAR(30)   NOT NULL,
    source_id   VARCHAR(100)  NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL,
    version     BIGINT        NOT NULL DEFAULT 0,
    UNIQUE (source, source_id)
);
CREATE SEQUENCE exemption_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX exemption_unit_year ON exemption (unit_code, year);

-- Grassroots item counts of a baseline year recorded by admins where the year predates the system (article 20).
CREATE TABLE grassroots_baseline (
    organiser_unit_code  VARCHAR(40) NOT NULL,
    year                 INTEGER     NOT NULL,
    item_count           INTEGER     NOT NULL CHECK (item_count >= 0),
    PRIMARY KEY (organiser_unit_code, year)
);
