package cn.dcjk.common.data.webhook;

import cn.dcjk.common.data.feed.FeedFamily;
import cn.dcjk.common.data.feed.ChangeFeed;
import cn.dcjk.common.data.outbox.Outbox;
import cn.dcjk.common.security.RunAs;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns the feed's events into webhook deliveries. It reads the events like any feed reader (in
 * commit-safe order, below the xmin horizon) from its own position, and for each active
 * subscription of the event's type whose subscriber may read the object, queues one delivery in
 * the outbox. Position and deliveries are written in one transaction, and a delivery's id is
 * derived from (subscription, event): an event reaches a subscription exactly once, whatever
 * crashes or replicas do. The outbox relay then sends it with backoff until the receiver says 2xx.
 */
@ApplicationScoped
public class WebhookFanout {

    private static final Logger LOG = Logger.getLogger(WebhookFanout.class);
    static final int BATCH = 100;

    @Inject
    EntityManager em;
    @Inject
    ChangeFeed feed;
    @Inject
    Outbox outbox;
    @Inject
    ObjectMapper json;
    @ConfigProperty(name = "quarkus.application.name", defaultValue = "dcjk")
    String application;

    @Scheduled(every = "${dcjk.webhooks.every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void fanOut() {
        int read;
        do {
            read = QuarkusTransaction.requiringNew().call(this::batch);
        } while (read == BATCH);
    }

    /** One batch of events; returns how many were read. */
    int batch() {
        @SuppressWarnings("unchecked")
        List<Object[]> position = em.createNativeQuery("SELECT CAST(tx AS TEXT), seq FROM webhook_fanout "
                + "WHERE name = 'events' FOR UPDATE SKIP LOCKED").getResultList();
        if (position.isEmpty()) {
            return 0; // another replica is at it
        }
        @SuppressWarnings("unchecked")
        List<Object[]> events = em.createNativeQuery("SELECT CAST(tx AS TEXT), seq, family, object_type, object_id, "
                        + "owner_id, action, at, event_id, event_type FROM change_event WHERE event_type IS NOT NULL "
                        + "AND (tx, seq) > (CAST(?1 AS xid8), ?2) AND tx < pg_snapshot_xmin(pg_current_snapshot()) "
                        + "ORDER BY tx, seq LIMIT " + BATCH)
                .setParameter(1, position.get(0)[0]).setParameter(2, ((Number) position.get(0)[1]).longValue())
                .getResultList();
        if (events.isEmpty()) {
            return 0;
        }
        List<Sub> subscriptions = subscriptions();
        for (Object[] e : events) {
            fanOut(e, subscriptions);
        }
        Object[] last = events.get(events.size() - 1);
        em.createNativeQuery("UPDATE webhook_fanout SET tx = CAST(?1 AS xid8), seq = ?2 WHERE name = 'events'")
                .setParameter(1, last[0]).setParameter(2, ((Number) last[1]).longValue()).executeUpdate();
        return events.size();
    }

    private void fanOut(Object[] e, List<Sub> subscriptions) {
        String family = (String) e[2];
        String type = (String) e[3];
        String id = (String) e[4];
        String owner = (String) e[5];
        UUID eventId = (UUID) e[8];
        String eventType = (String) e[9];
        Optional<FeedFamily> f = feed.family(family);
        if (f.isEmpty()) {
            return;
        }
        String body = null;
        for (Sub s : subscriptions) {
            if (!s.types().contains(eventType) || !mayRead(s, f.get(), type, id, owner)) {
                continue;
            }
            UUID delivery = UUID.nameUUIDFromBytes((s.id() + "/" + eventId).getBytes(StandardCharsets.UTF_8));
            if (Subscriptions.insertDelivery(em, delivery, s.id(), eventId, eventType, type + "/" + id, null) == 1) {
                if (body == null) {
                    body = cloudEvent(eventId, eventType, family, type, id, (String) e[6], Subscriptions.time(e[7]));
                }
                outbox.enqueue(delivery, Subscriptions.DESTINATION, "/" + s.id(), body);
            }
        }
    }

    private boolean mayRead(Sub s, FeedFamily f, String type, String id, String owner) {
        try {
            return RunAs.as(s.subscriber(), () -> f.mayRead(type, id, owner));
        } catch (RuntimeException ex) {
            LOG.warnf("Webhook %s: cannot decide whether %s may read %s %s (%s); not sent", s.id(),
                    s.subscriber().name(), type, id, ex.toString());
            return false;
        }
    }

    /** The CloudEvents 1.0 structured JSON of an event. */
    String cloudEvent(UUID eventId, String eventType, String family, String type, String id, String action,
            OffsetDateTime at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("family", family);
        data.put("objectType", type);
        data.put("objectId", id);
        data.put("action", action);
        Map<String, Object> ce = new LinkedHashMap<>();
        ce.put("specversion", "1.0");
        ce.put("id", eventId.toString());
        ce.put("source", "urn:dcjk:" + application);
        ce.put("type", eventType);
        ce.put("subject", type + "/" + id);
        ce.put("time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at));
        ce.put("datacontenttype", "application/json");
        ce.put("data", data);
        try {
            return json.writeValueAsString(ce);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private List<Sub> subscriptions() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, CAST(event_types AS text), owner, CAST(owner_roles AS text), "
                + "owner_unit, owner_dispatching_unit FROM webhook_subscription WHERE active").getResultList();
        List<Sub> subs = new ArrayList<>();
        for (Object[] r : rows) {
            subs.add(new Sub((UUID) r[0], Subscriptions.parseArray((String) r[1]), new RunAs.Principal(
                    (String) r[2], Subscriptions.parseArray((String) r[3]), (String) r[4], (String) r[5])));
        }
        return subs;
    }

    record Sub(UUID id, List<String> types, RunAs.Principal subscriber) {
    }
}
