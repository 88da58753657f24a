-- The gateway's decision log: every decision of the channel policy (NO-DIRECT-DEMAND, article 27),
-- allow and deny, for auditors. Denies are also delivered to the back-tracing register (outbox).
CREATE TABLE decision (
    id                     UUID          PRIMARY KEY,
    at                     TIMESTAMPTZ   NOT NULL,
    request_id             VARCHAR(64),
    caller                 VARCHAR(200)  NOT NULL,
    unit_code              VARCHAR(40),
    dispatching_unit_code  VARCHAR(40),
    method                 VARCHAR(20)   NOT NULL,
    route                  VARCHAR(500)  NOT NULL,
    rule                   VARCHAR(60)   NOT NULL,
    outcome                VARCHAR(10)   NOT NULL CHECK (outcome IN ('ALLOW', 'DENY')),
    reason                 VARCHAR(1000) NOT NULL,
    recipient_unit_code    VARCHAR(40)
);
CREATE INDEX decision_at ON decision (at DESC);
CREATE INDEX decision_outcome_at ON decision (outcome, at DESC);
CREATE INDEX decision_caller ON decision (caller, at DESC);
CREATE INDEX decision_request ON decision (request_id);
