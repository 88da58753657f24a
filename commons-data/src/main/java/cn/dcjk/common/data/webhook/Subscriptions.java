package cn.dcjk.common.data.webhook;

import cn.dcjk.common.data.feed.ChangeFeed;
import cn.dcjk.common.data.feed.FeedFamily;
import cn.dcjk.common.data.outbox.Outbox;
import cn.dcjk.common.problem.Problem;
import cn.dcjk.common.problem.Problems;
import cn.dcjk.common.security.Caller;
import cn.dcjk.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Webhook subscriptions of integrators: registered with the subscriber's identity (which decides,
 * object by object, what it receives), readable and cancellable only by their owner (and admins),
 * with the delivery log and replay.
 */
@ApplicationScoped
public class Subscriptions {

    static final String DESTINATION = "webhook";

    @Inject
    EntityManager em;
    @Inject
    Caller caller;
    @Inject
    ChangeFeed feed;
    @Inject
    Outbox outbox;
    @ConfigProperty(name = "dcjk.webhooks.allow-insecure-urls", defaultValue = "false")
    boolean allowInsecure;

    /** The service's event catalogue: type and meaning. */
    public Map<String, String> eventTypes() {
        Map<String, String> all = new TreeMap<>();
        for (FeedFamily f : feed.families()) {
            all.putAll(f.eventTypes());
        }
        return all;
    }

    @Transactional
    public SubscriptionView create(SubscriptionInput in) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String url = WebhookUrls.check(in.url(), allowInsecure, errors);
        Set<String> known = eventTypes().keySet();
        List<String> types = in.eventTypes().stream().map(String::trim).distinct().toList();
        for (int k = 0; k < types.size(); k++) {
            if (!known.contains(types.get(k))) {
                errors.add(new Problem.FieldError("eventTypes[" + k + "]", "not an event type of this service: " + known));
            }
        }
        if (in.secret().isBlank()) {
            errors.add(new Problem.FieldError("secret", "must not be blank"));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("INSERT INTO webhook_subscription (id, url, event_types, secret, owner, owner_unit, "
                        + "owner_dispatching_unit, owner_roles) VALUES (?1, ?2, CAST(?3 AS text[]), ?4, ?5, ?6, ?7, "
                        + "CAST(?8 AS text[]))")
                .setParameter(1, id).setParameter(2, url).setParameter(3, array(types)).setParameter(4, in.secret())
                .setParameter(5, caller.name()).setParameter(6, caller.unit().orElse(null))
                .setParameter(7, caller.dispatchingUnit().orElse(null))
                .setParameter(8, array(new ArrayList<>(caller.roles())))
                .executeUpdate();
        return get(id);
    }

    @Transactional
    public List<SubscriptionView> list() {
        String where = caller.has(Roles.ADMIN) ? "" : " WHERE owner = ?1";
        var q = em.createNativeQuery("SELECT id, url, CAST(event_types AS text), owner, created_at, active "
                + "FROM webhook_subscription" + where + " ORDER BY created_at, id");
        if (!where.isEmpty()) {
            q.setParameter(1, caller.name());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(Subscriptions::view).toList();
    }

    /** The caller's subscription, or 404 (also when it is someone else's). */
    @Transactional
    public SubscriptionView get(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, url, CAST(event_types AS text), owner, created_at, "
                        + "active FROM webhook_subscription WHERE id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw Problems.notFound("subscription", id);
        }
        SubscriptionView v = view(rows.get(0));
        if (!v.owner().equals(caller.name()) && !caller.has(Roles.ADMIN)) {
            throw Problems.notFound("subscription", id);
        }
        return v;
    }

    /** Cancels: nothing more is fanned out to it, and its pending deliveries are set aside. */
    @Transactional
    public void cancel(UUID id) {
        get(id);
        em.createNativeQuery("UPDATE webhook_subscription SET active = false WHERE id = ?1").setParameter(1, id)
                .executeUpdate();
    }

    @Transactional
    public List<DeliveryView> deliveries(UUID subscription, int limit) {
        get(subscription);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT d.id, d.event_id, d.event_type, d.subject, d.created_at, "
                        + "d.replay_of, m.attempts, m.delivered_at, m.failed_at, m.next_attempt_at "
                        + "FROM webhook_delivery d JOIN outbox_message m ON m.id = d.id "
                        + "WHERE d.subscription_id = ?1 ORDER BY d.created_at DESC, d.id LIMIT " + limit)
                .setParameter(1, subscription).getResultList();
        List<DeliveryView> views = new ArrayList<>();
        for (Object[] r : rows) {
            UUID id = (UUID) r[0];
            DeliveryView.State state = r[7] != null ? DeliveryView.State.DELIVERED
                    : r[8] != null ? DeliveryView.State.FAILED : DeliveryView.State.PENDING;
            views.add(new DeliveryView(id, (UUID) r[1], (String) r[2], (String) r[3], time(r[4]), state,
                    ((Number) r[6]).intValue(), time(r[7]), state == DeliveryView.State.PENDING ? time(r[9]) : null,
                    (UUID) r[5], attempts(id)));
        }
        return views;
    }

    /** Sends a delivery's event again, as a new delivery (same CloudEvent id, new webhook-id). */
    @Transactional
    public DeliveryView replay(UUID subscription, UUID delivery) {
        SubscriptionView s = get(subscription);
        if (!s.active()) {
            throw Problems.conflict("subscription-cancelled", "订阅已取消，不能重发", "The subscription was cancelled");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT d.event_id, d.event_type, d.subject, m.body "
                        + "FROM webhook_delivery d JOIN outbox_message m ON m.id = d.id "
                        + "WHERE d.id = ?1 AND d.subscription_id = ?2")
                .setParameter(1, delivery).setParameter(2, subscription).getResultList();
        if (rows.isEmpty()) {
            throw Problems.notFound("delivery", delivery);
        }
        Object[] r = rows.get(0);
        UUID id = UUID.randomUUID();
        insertDelivery(em, id, subscription, (UUID) r[0], (String) r[1], (String) r[2], delivery);
        outbox.enqueue(id, DESTINATION, "/" + subscription, r[3]);
        return deliveries(subscription, 200).stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    static int insertDelivery(EntityManager em, UUID id, UUID subscription, UUID eventId, String type, String subject,
            UUID replayOf) {
        return em.createNativeQuery("INSERT INTO webhook_delivery (id, subscription_id, event_id, event_type, subject, "
                        + "replay_of) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (id) DO NOTHING")
                .setParameter(1, id).setParameter(2, subscription).setParameter(3, eventId).setParameter(4, type)
                .setParameter(5, subject).setParameter(6, replayOf).executeUpdate();
    }

    private List<DeliveryView.Attempt> attempts(UUID message) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT attempt, at, status, error, delivered FROM webhook_attempt "
                + "WHERE message_id = ?1 ORDER BY attempt").setParameter(1, message).getResultList();
        return rows.stream().map(r -> new DeliveryView.Attempt(((Number) r[0]).intValue(), time(r[1]),
                r[2] == null ? null : ((Number) r[2]).intValue(), (String) r[3], (Boolean) r[4])).toList();
    }

    static SubscriptionView view(Object[] r) {
        return new SubscriptionView((UUID) r[0], (String) r[1], parseArray((String) r[2]), (String) r[3], time(r[4]),
                (Boolean) r[5]);
    }

    /** A text[] literal: {"a","b"} with quotes and backslashes escaped. */
    static String array(List<String> values) {
        StringBuilder b = new StringBuilder("{");
        for (int k = 0; k < values.size(); k++) {
            if (k > 0) {
                b.append(',');
            }
            b.append('"').append(values.get(k).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return b.append('}').toString();
    }

    /** Parses the text form of a text[] of simple values (event types and role names: no quotes, no commas). */
    static List<String> parseArray(String text) {
        String inner = text.substring(1, text.length() - 1);
        if (inner.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(inner.split(",")).map(s -> s.startsWith("\"") ? s.substring(1, s.length() - 1) : s).toList();
    }

    static OffsetDateTime time(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (o instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected time " + o);
    }
}
