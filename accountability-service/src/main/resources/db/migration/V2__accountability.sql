-- accountability-service: referrals, cases and their steps, complaint letters, rehabilitation
-- notices, pursuit records and the back-tracing register. Every column a rule or a visibility
-- check queries is indexed.

CREATE TABLE referral (
    id                      BIGINT        PRIMARY KEY,
    kind                    VARCHAR(40)   NOT NULL,
    status                  VARCHAR(20)   NOT NULL CHECK (status IN ('SUBMITTED', 'TRANSFERRED', 'CLOSED')),
    recipient_unit_code     VARCHAR(40)   NOT NULL,
    dispatching_unit_code   VARCHAR(40)   NOT NULL,
    dispatching_region_code VARCHAR(12)   NOT NULL,
    inspection_id           BIGINT        NOT NULL,
    finding_id              BIGINT        NOT NULL,
    problem                 TEXT          NOT NULL,
    subjects                JSONB         NOT NULL,
    warnings                JSONB         NOT NULL,
    created_by              VARCHAR(200)  NOT NULL,
    created_at              TIMESTAMPTZ   NOT NULL,
    close_reasons           TEXT,
    closed_by               VARCHAR(200),
    closed_at               TIMESTAMPTZ,
    competent_unit_code     VARCHAR(40),
    transfer_legal_basis    TEXT,
    transfer_reasons        TEXT,
    transferred_by          VARCHAR(200),
    transferred_at          TIMESTAMPTZ,
    version                 BIGINT        NOT NULL DEFAULT 0
);
CREATE SEQUENCE referral_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX referral_recipient ON referral (recipient_unit_code, id);
CREATE INDEX referral_dispatching ON referral (dispatching_unit_code, id);
CREATE INDEX referral_competent ON referral (competent_unit_code, id);
CREATE INDEX referral_region ON referral (dispatching_region_code varchar_pattern_ops);

CREATE TABLE complaint_letter (
    id                    BIGINT        PRIMARY KEY,
    receipt_code          VARCHAR(32)   NOT NULL UNIQUE,
    channel               VARCHAR(20)   NOT NULL CHECK (channel IN ('PUBLIC', 'HANDLER')),
    anonymous             BOOLEAN       NOT NULL,
    accuser_name          VARCHAR(200),
    accuser_contact       VARCHAR(200),
    handler_unit_code     VARCHAR(40)   NOT NULL,
    accused_name          VARCHAR(200)  NOT NULL,
    accused_unit_code     VARCHAR(40)   NOT NULL,
    accused_position      VARCHAR(200),
    content               TEXT          NOT NULL,
    received_on           DATE          NOT NULL,
    status                VARCHAR(20)   NOT NULL CHECK (status IN ('RECEIVED', 'VERIFYING', 'SUBSTANTIATED',
                              'UNFOUNDED', 'FALSE_ACCUSATION')),
    verification_notes    TEXT,
    outcome_reasons       TEXT,
    competent_unit_code   VARCHAR(40),
    transfer_legal_basis  TEXT,
    concluded_at          TIMESTAMPTZ,
    concluded_by          VARCHAR(200),
    created_by            VARCHAR(200)  NOT NULL,
    created_at            TIMESTAMPTZ   NOT NULL,
    updated_at            TIMESTAMPTZ   NOT NULL,
    version               BIGINT        NOT NULL DEFAULT 0
);
CREATE SEQUENCE complaint_letter_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX complaint_letter_handler ON complaint_letter (handler_unit_code, id);
-- The overdue listing reads open letters by age.
CREATE INDEX complaint_letter_open ON complaint_letter (status, received_on);
CREATE INDEX complaint_letter_competent ON complaint_letter (competent_unit_code);

CREATE TABLE accountability_case (
    id                     BIGINT        PRIMARY KEY,
    origin                 VARCHAR(20)   NOT NULL CHECK (origin IN ('TRANSFER', 'COMPLAINT', 'OWN_INITIATIVE')),
    referral_id            BIGINT        UNIQUE REFERENCES referral (id),
    complaint_id           BIGINT        UNIQUE REFERENCES complaint_letter (id),
    competent_unit_code    VARCHAR(40)   NOT NULL,
    competent_region_code  VARCHAR(12)   NOT NULL,
    subjects               JSONB         NOT NULL,
    summary                TEXT          NOT NULL,
    status                 VARCHAR(20)   NOT NULL,
    outcome                VARCHAR(40),
    legal_basis            TEXT,
    approving_authority    VARCHAR(200),
    notified_on            DATE,
    review_result          VARCHAR(20),
    reviewed_outcome       VARCHAR(40),
    opened_at              TIMESTAMPTZ   NOT NULL,
    decided_at             TIMESTAMPTZ,
    version                BIGINT        NOT NULL DEFAULT 0
);
CREATE SEQUENCE accountability_case_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX accountability_case_competent ON accountability_case (competent_unit_code, id);
CREATE INDEX accountability_case_region ON accountability_case (competent_region_code varchar_pattern_ops);
CREATE INDEX accountability_case_status ON accountability_case (status, outcome);

-- A case's history: one row per step; a step cannot be taken twice.
CREATE TABLE case_step (
    id          BIGINT        PRIMARY KEY,
    case_id     BIGINT        NOT NULL REFERENCES accountability_case (id),
    step        VARCHAR(20)   NOT NULL,
    actor       VARCHAR(200)  NOT NULL,
    actor_unit  VARCHAR(40),
    at          TIMESTAMPTZ   NOT NULL,
    details     JSONB         NOT NULL,
    UNIQUE (case_id, step)
);
CREATE SEQUENCE case_step_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE rehabilitation_notice (
    id                    BIGINT        PRIMARY KEY,
    complaint_id          BIGINT        NOT NULL UNIQUE REFERENCES complaint_letter (id),
    cleared_person_name   VARCHAR(200)  NOT NULL,
    cleared_unit_code     VARCHAR(40)   NOT NULL,
    title                 VARCHAR(300)  NOT NULL,
    text                  TEXT          NOT NULL,
    published             BOOLEAN       NOT NULL,
    published_on          DATE,
    issued_by_unit_code   VARCHAR(40)   NOT NULL,
    created_at            TIMESTAMPTZ   NOT NULL
);
CREATE SEQUENCE rehabilitation_notice_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX rehabilitation_notice_published ON rehabilitation_notice (published, published_on DESC, id DESC);

CREATE TABLE pursuit_record (
    id                BIGINT        PRIMARY KEY,
    complaint_id      BIGINT        NOT NULL UNIQUE REFERENCES complaint_letter (id),
    accuser_name      VARCHAR(200),
    accuser_contact   VARCHAR(200),
    reasons           TEXT          NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    handler_unit_code VARCHAR(40)   NOT NULL,
    created_by        VARCHAR(200)  NOT NULL,
    created_at        TIMESTAMPTZ   NOT NULL
);
CREATE SEQUENCE pursuit_record_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE backtracing_record (
    id                 BIGINT        PRIMARY KEY,
    source             VARCHAR(20)   NOT NULL CHECK (source IN ('GATEWAY', 'INSPECTIONS', 'HANDLER')),
    source_event_id    VARCHAR(200)  NOT NULL,
    kind               VARCHAR(40)   NOT NULL,
    actor_unit_code    VARCHAR(40),
    subject_unit_code  VARCHAR(40),
    -- regions as the units directory gave them at registration (NULL when it could not answer):
    -- the register is read within jurisdiction
    actor_region_code   VARCHAR(12),
    subject_region_code VARCHAR(12),
    occurred_at        TIMESTAMPTZ   NOT NULL,
    summary            TEXT          NOT NULL,
    evidence           JSONB         NOT NULL,
    status             VARCHAR(20)   NOT NULL,
    handler_findings   TEXT,
    outcome            TEXT,
    recorded_by        VARCHAR(200)  NOT NULL,
    recorded_at        TIMESTAMPTZ   NOT NULL,
    version            BIGINT        NOT NULL DEFAULT 0,
    -- a retry of the same event never duplicates
    UNIQUE (source, source_event_id)
);
CREATE SEQUENCE backtracing_record_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX backtracing_record_kind ON backtracing_record (kind, id);
CREATE INDEX backtracing_record_actor_region ON backtracing_record (actor_region_code varchar_pattern_ops);
CREATE INDEX backtracing_record_subject_region ON backtracing_record (subject_region_code varchar_pattern_ops);
