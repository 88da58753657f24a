-- Deliveries to other services (dcjk-commons-data): written in the same transaction as the fact
-- they report, sent until the receiver acknowledges, never lost when it is down.
CREATE TABLE outbox_message (
    id               UUID          PRIMARY KEY,
    destination      VARCHAR(60)   NOT NULL,
    path             VARCHAR(300)  NOT NULL,
    body             TEXT          NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    attempts         INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    delivered_at     TIMESTAMPTZ,
    failed_at        TIMESTAMPTZ,
    last_status      INTEGER,
    last_error       VARCHAR(500)
);
CREATE INDEX outbox_message_due ON outbox_message (next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;
