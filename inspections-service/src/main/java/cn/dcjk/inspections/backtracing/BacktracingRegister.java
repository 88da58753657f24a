package cn.dcjk.inspections.backtracing;

import cn.dcjk.common.data.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Registers abuses with accountability-service's back-tracing register (责任倒查, article 32)
 * through the transactional outbox: written with the fact, delivered at least once, and keyed on a
 * source event id generated here so the receiver never registers a retry twice.
 */
@ApplicationScoped
public class BacktracingRegister {

    public static final String DESTINATION = "accountability";
    public static final String PATH = "/api/v1/backtracing";

    /** The kinds accountability-service's register knows (BacktracingKind there). */
    public enum Kind { RECEPTION_VIOLATION, VISIT_WITHOUT_ITINERARY, FIELD_WORK_OUTSIDE_APPROVAL, OTHER }

    @Inject
    Outbox outbox;

    /** Returns the source event id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String register(Kind kind, String actorUnitCode, String subjectUnitCode, String summary,
            Map<String, Object> evidence) {
        UUID id = UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", "INSPECTIONS");
        body.put("sourceEventId", id.toString());
        body.put("kind", kind.name());
        body.put("actorUnitCode", actorUnitCode);
        body.put("subjectUnitCode", subjectUnitCode);
        body.put("occurredAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        body.put("summary", summary);
        body.put("evidence", evidence);
        outbox.enqueue(id, DESTINATION, PATH, body);
        return id.toString();
    }
}
