-- The relay claims due messages with a lease and delivers them outside the claiming transaction:
-- a relay that dies mid-delivery leaves its claim to expire, and another replica sends the message
-- again (receivers are idempotent on the message id). The W3C trace context of the transaction that
-- wrote the message travels with it, so the delivery continues the writer's trace.
ALTER TABLE outbox_message
    ADD COLUMN claimed_by     VARCHAR(120),
    ADD COLUMN claimed_until  TIMESTAMPTZ,
    ADD COLUMN traceparent    VARCHAR(55),
    ADD COLUMN tracestate     VARCHAR(512);
