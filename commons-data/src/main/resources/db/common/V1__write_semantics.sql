-- Write semantics shared by every service (dcjk-commons-data): idempotent writes and the audit trail.

-- One row per (caller, Idempotency-Key): the fingerprint of the first request and its answer.
CREATE TABLE idempotency_record (
    scope          VARCHAR(200)  NOT NULL,
    idem_key       VARCHAR(128)  NOT NULL,
    fingerprint    CHAR(64)      NOT NULL,
    status         INTEGER,
    content_type   VARCHAR(100),
    location       VARCHAR(500),
    etag           VARCHAR(100),
    body           TEXT,
    created_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, idem_key)
);
CREATE INDEX idempotency_record_created ON idempotency_record (created_at);

-- Append-only: who, for which unit, when, under which request, what changed (field: old -> new).
CREATE TABLE audit_event (
    id           BIGINT        PRIMARY KEY,
    object_type  VARCHAR(60)   NOT NULL,
    object_id    VARCHAR(100)  NOT NULL,
    action       VARCHAR(60)   NOT NULL,
    actor        VARCHAR(200)  NOT NULL,
    actor_unit   VARCHAR(60),
    at           TIMESTAMPTZ   NOT NULL,
    request_id   VARCHAR(64),
    changes      JSONB         NOT NULL
);
CREATE SEQUENCE audit_event_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX audit_event_object ON audit_event (object_type, object_id, id);

-- The trail cannot be rewritten, not even by the service itself.
CREATE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
