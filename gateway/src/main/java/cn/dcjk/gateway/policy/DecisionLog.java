package cn.dcjk.gateway.policy;

import cn.dcjk.common.data.outbox.Outbox;
import cn.dcjk.common.request.RequestIds;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every policy decision, allow and deny, and every refusal of a request that could be read two ways,
 * is stored before the answer goes out; every NO-DIRECT-DEMAND deny is also queued, in the same
 * transaction, for accountability-service's back-tracing register (article 32), idempotent on the
 * decision id and retried by the outbox while that service is down. The writes run on a worker
 * thread, never on the event loop.
 *
 * <p>Group commit: decisions that arrive while a transaction is being committed wait together and go
 * into the next transaction, so a burst of writes costs one commit rather than one each. Each caller's
 * future completes, on the caller's own context, only once its row is committed; a batch that fails
 * is retried row by row, so one bad row fails only its own request.
 */
@ApplicationScoped
public class DecisionLog {

    private static final Logger LOG = Logger.getLogger("cn.dcjk.gateway.decisions");
    /** The most decisions one transaction carries. */
    static final int BATCH = 256;

    private record Pending(Decision decision, Promise<Decision> promise, Context context) {
    }

    @Inject
    Vertx vertx;
    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    public Future<Decision> record(Decision d) {
        Promise<Decision> promise = Promise.promise();
        queue.add(new Pending(d, promise, vertx.getOrCreateContext()));
        if (draining.compareAndSet(false, true)) {
            vertx.executeBlocking(this::drain, false).onFailure(err -> {
                LOG.error("Decision log writer failed", err);
                draining.set(false);
                for (Pending p; (p = queue.poll()) != null; ) {
                    done(p, err);
                }
            });
        }
        return promise.future();
    }

    /** One writer at a time: takes what has queued up, commits it, and goes on until the queue is empty. */
    private Void drain() {
        while (true) {
            List<Pending> batch = new ArrayList<>();
            for (Pending p; batch.size() < BATCH && (p = queue.poll()) != null; ) {
                batch.add(p);
            }
            if (batch.isEmpty()) {
                draining.set(false);
                // a decision queued after the poll and before the flag was cleared must not wait
                if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
                    return null;
                }
                continue;
            }
            try {
                QuarkusTransaction.requiringNew().run(() -> insert(batch.stream().map(Pending::decision).toList()));
                batch.forEach(p -> done(p, null));
            } catch (RuntimeException batchFailure) {
                for (Pending p : batch) {
                    try {
                        QuarkusTransaction.requiringNew().run(() -> insert(List.of(p.decision())));
                        done(p, null);
                    } catch (RuntimeException e) {
                        done(p, e);
                    }
                }
            }
        }
    }

    private void done(Pending p, Throwable failure) {
        Decision d = p.decision();
        if (failure == null) {
            registry.counter("dcjk_gateway_decisions_total", "outcome", d.outcome().name(), "rule", d.rule())
                    .increment();
            Object prior = MDC.get(RequestIds.MDC_KEY);
            MDC.put(RequestIds.MDC_KEY, d.requestId() == null ? "" : d.requestId());
            LOG.infof("decision %s %s %s %s %s: %s", d.id(), d.outcome(), d.caller(), d.method(), d.route(), d.reason());
            if (prior == null) {
                MDC.remove(RequestIds.MDC_KEY);
            } else {
                MDC.put(RequestIds.MDC_KEY, prior);
            }
            p.context().runOnContext(v -> p.promise().complete(d));
        } else {
            p.context().runOnContext(v -> p.promise().fail(failure));
        }
    }

    private static final String INSERT = "INSERT INTO decision (id, at, request_id, caller, unit_code, "
            + "dispatching_unit_code, method, route, rule, outcome, reason, recipient_unit_code) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";

    /**
     * The rows of one transaction go to the database as one JDBC batch (one round trip for the lot,
     * not one per decision); the back-tracing deliveries of its denies join the same transaction.
     */
    private void insert(List<Decision> decisions) {
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement st = connection.prepareStatement(INSERT)) {
                for (Decision d : decisions) {
                    st.setObject(1, UUID.fromString(d.id()));
                    st.setObject(2, d.at());
                    st.setString(3, d.requestId());
                    st.setString(4, d.caller());
                    st.setString(5, d.unitCode());
                    st.setString(6, d.dispatchingUnitCode());
                    st.setString(7, d.method());
                    st.setString(8, truncate(d.route(), 500));
                    st.setString(9, d.rule());
                    st.setString(10, d.outcome().name());
                    st.setString(11, truncate(d.reason(), 1000));
                    st.setString(12, d.recipientUnitCode());
                    st.addBatch();
                }
                st.executeBatch();
            }
        });
        for (Decision d : decisions) {
            if (d.outcome() == Decision.Outcome.DENY && d.rule().equals(ChannelPolicy.RULE.name())
                    && !ChannelPolicy.FAIL_CLOSED.equals(d.reason())) {
                outbox.enqueue(UUID.fromString(d.id()), "accountability", "/api/v1/backtracing", backtracing(d));
            }
        }
    }

    /** The back-tracing record of a deny (the contract of POST /api/v1/backtracing). */
    static Map<String, Object> backtracing(Decision d) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("decisionId", d.id());
        evidence.put("requestId", d.requestId());
        evidence.put("caller", d.caller());
        evidence.put("callerUnitCode", d.unitCode());
        evidence.put("method", d.method());
        evidence.put("route", d.route());
        evidence.put("rule", d.rule());
        evidence.put("reason", d.reason());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", "GATEWAY");
        body.put("sourceEventId", d.id());
        body.put("kind", d.recipientUnitCode() != null ? "DIRECT_DEMAND_REFUSED" : "OTHER");
        body.put("actorUnitCode", d.dispatchingUnitCode() != null ? d.dispatchingUnitCode() : d.unitCode());
        body.put("subjectUnitCode", d.recipientUnitCode());
        body.put("occurredAt", d.at().toString());
        body.put("summary", "NO-DIRECT-DEMAND (article 27) refused at the gateway: " + d.reason());
        body.put("evidence", evidence);
        return body;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
