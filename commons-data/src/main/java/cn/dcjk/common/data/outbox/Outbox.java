package cn.dcjk.common.data.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Map;
import java.util.UUID;

/**
 * The transactional outbox: a delivery to another service is written in the same transaction as
 * the fact it reports, then sent by {@link OutboxRelay} until the receiver acknowledges. The
 * message id travels as the Idempotency-Key, and receivers also key on the source's event id, so
 * a retry never duplicates. The writer's W3C trace context is stored with the message, so its
 * delivery continues the writer's trace.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    /**
     * Queues a POST of {@code body} (as JSON) to {@code path} of the configured destination
     * ({@code dcjk.outbox.destinations.<destination>.url}). Returns the message id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(String destination, String path, Object body) {
        return enqueue(UUID.randomUUID(), destination, path, body);
    }

    /** As {@link #enqueue(String, String, Object)} with the caller's own id (an event id, say). */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(UUID id, String destination, String path, Object body) {
        enqueueOnce(id, destination, path, body);
        return id;
    }

    /**
     * As {@link #enqueue(UUID, String, String, Object)}; true when this call queued the message, false
     * when a message with this id was queued before (by a retry of the same request, or a race).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean enqueueOnce(UUID id, String destination, String path, Object body) {
        String text;
        try {
            text = body instanceof String s ? s : json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the outbox body cannot be written as JSON", e);
        }
        Map<String, String> trace = TraceContexts.current();
        return em.createNativeQuery("INSERT INTO outbox_message (id, destination, path, body, traceparent, tracestate) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (id) DO NOTHING")
                .setParameter(1, id).setParameter(2, destination).setParameter(3, path).setParameter(4, text)
                .setParameter(5, trace.get(TraceContexts.TRACEPARENT))
                .setParameter(6, trace.get(TraceContexts.TRACESTATE))
                .executeUpdate() == 1;
    }
}
