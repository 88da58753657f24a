-- The change feed and webhook subscriptions (dcjk-commons-data).

-- One row per change of an object, written in the writer's own transaction (with its audit event).
-- A change that enters several families (a plan approved: plans and approvals) has one row in each,
-- with the same event id; only one of them carries the event type. Rows are read in (tx, seq)
-- order and only below the snapshot's xmin horizon: every transaction with a smaller id has ended, so no row can later appear behind a reader's cursor (never skipped),
-- and the order of what is behind it never changes (never repeated).
CREATE TABLE change_event (
    seq          BIGINT        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tx           XID8          NOT NULL DEFAULT pg_current_xact_id(),
    family       VARCHAR(60)   NOT NULL,
    object_type  VARCHAR(60)   NOT NULL,
    object_id    VARCHAR(100)  NOT NULL,
    owner_id     VARCHAR(100),
    action       VARCHAR(60)   NOT NULL,
    at           TIMESTAMPTZ   NOT NULL,
    event_id     UUID          NOT NULL,
    event_type   VARCHAR(120),
    UNIQUE (family, event_id)
);
CREATE INDEX change_event_feed ON change_event (family, tx, seq);
CREATE INDEX change_event_since ON change_event (family, at);
CREATE INDEX change_event_events ON change_event (tx, seq) WHERE event_type IS NOT NULL;

-- An integrator's webhook: where to send which event types, with the secret to sign them, and
-- whose rights decide what it may receive (the subscriber's identity at registration).
CREATE TABLE webhook_subscription (
    id               UUID          PRIMARY KEY,
    url              VARCHAR(2000) NOT NULL,
    event_types      TEXT[]        NOT NULL,
    secret           VARCHAR(200)  NOT NULL,
    owner            VARCHAR(200)  NOT NULL,
    owner_unit       VARCHAR(60),
    owner_dispatching_unit VARCHAR(60),
    owner_roles      TEXT[]        NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    active           BOOLEAN       NOT NULL DEFAULT true
);
CREATE INDEX webhook_subscription_owner ON webhook_subscription (owner);

-- How far the fan-out has read the feed's events (one row; locked while a replica fans out).
CREATE TABLE webhook_fanout (
    name  VARCHAR(30)  PRIMARY KEY,
    tx    XID8         NOT NULL,
    seq   BIGINT       NOT NULL
);
INSERT INTO webhook_fanout (name, tx, seq) VALUES ('events', '0', 0);

-- One delivery of one event to one subscription; its message in outbox_message has the same id.
CREATE TABLE webhook_delivery (
    id               UUID          PRIMARY KEY,
    subscription_id  UUID          NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id         UUID          NOT NULL,
    event_type       VARCHAR(120)  NOT NULL,
    subject          VARCHAR(200)  NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    replay_of        UUID
);
CREATE INDEX webhook_delivery_subscription ON webhook_delivery (subscription_id, created_at DESC);

-- Every attempt of a webhook message, as the outbox relay records it (attempts go up by one).
CREATE TABLE webhook_attempt (
    message_id  UUID          NOT NULL,
    attempt     INTEGER       NOT NULL,
    at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    status      INTEGER,
    error       VARCHAR(500),
    delivered   BOOLEAN       NOT NULL,
    PRIMARY KEY (message_id, attempt)
);

CREATE FUNCTION webhook_attempt_log() RETURNS trigger AS $$
BEGIN
    INSERT INTO webhook_attempt (message_id, attempt, status, error, delivered)
    VALUES (NEW.id, NEW.attempts, NEW.last_status, NEW.last_error, NEW.delivered_at IS NOT NULL)
    ON CONFLICT DO NOTHING;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER outbox_message_webhook_attempt AFTER UPDATE ON outbox_message
    FOR EACH ROW WHEN (NEW.destination = 'webhook' AND NEW.attempts > OLD.attempts)
    EXECUTE FUNCTION webhook_attempt_log();
