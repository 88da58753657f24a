package cn.dcjk.common.data.backtracing;

import cn.dcjk.common.data.idempotency.RequestKey;
import cn.dcjk.common.data.outbox.Outbox;
import cn.dcjk.common.rule.Backtracing;
import cn.dcjk.common.rule.Finding;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reports abuses to accountability-service's back-tracing register (责任倒查, article 32) through the
 * transactional outbox: written with the fact (or, for a refusal, in a transaction of its own,
 * since the refused write is rolled back), delivered at least once, keyed on a source event id so
 * the receiver never registers a delivery twice. A refusal's event id comes from the request's
 * Idempotency-Key ({@link RequestKey}): a retry or a race of the same request reports the same
 * event, which the outbox queues once (and the register keeps once); the service's own record of
 * the refusal is written only with the first report.
 */
@ApplicationScoped
public class BacktracingOutbox {

    public static final String DESTINATION = "accountability";
    public static final String PATH = "/api/v1/backtracing";

    @Inject
    Outbox outbox;

    /**
     * Reports a refusal when {@link Backtracing} says it is an abuse: in a transaction of its own,
     * under the request's event id. Returns the event id, or empty when the refusal is no abuse.
     *
     * @param source this service as the register knows it (PLANS, INSPECTIONS)
     * @param also   run in the same transaction with the event id (the service's own audit record)
     */
    public Optional<String> reportRefusal(String source, String actorUnitCode, String subjectUnitCode, String summary,
            List<Finding> refusal, Map<String, Object> evidence, java.util.function.Consumer<String> also) {
        List<Finding> abuse = new Backtracing().judge(refusal);
        if (abuse.isEmpty()) {
            return Optional.empty();
        }
        String kind = String.valueOf(abuse.get(0).facts().get("kind"));
        UUID id = RequestKey.current(source + " refusal");
        Map<String, Object> all = new LinkedHashMap<>(evidence);
        all.put("findings", refusal.stream().filter(Finding::blocks).toList());
        QuarkusTransaction.requiringNew().run(() -> {
            if (report(id, source, kind, actorUnitCode, subjectUnitCode, summary, all) && also != null) {
                also.accept(id.toString());
            }
        });
        return Optional.of(id.toString());
    }

    /** Reports an abuse found while writing (a reception violation), in the writer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String report(String source, String kind, String actorUnitCode, String subjectUnitCode, String summary,
            Map<String, Object> evidence) {
        UUID id = UUID.randomUUID();
        report(id, source, kind, actorUnitCode, subjectUnitCode, summary, evidence);
        return id.toString();
    }

    /** True when queued now, false when this event was queued before. */
    private boolean report(UUID id, String source, String kind, String actorUnitCode, String subjectUnitCode,
            String summary, Map<String, Object> evidence) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", source);
        body.put("sourceEventId", id.toString());
        body.put("kind", kind);
        body.put("actorUnitCode", actorUnitCode);
        body.put("subjectUnitCode", subjectUnitCode);
        body.put("occurredAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        body.put("summary", summary.length() > 5000 ? summary.substring(0, 5000) : summary);
        body.put("evidence", evidence);
        return outbox.enqueueOnce(id, DESTINATION, PATH, body);
    }
}
