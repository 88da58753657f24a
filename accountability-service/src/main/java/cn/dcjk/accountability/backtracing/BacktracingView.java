package cn.dcjk.accountability.backtracing;

import java.time.OffsetDateTime;
import java.util.Map;

public record BacktracingView(Long id, BacktracingSource source, String sourceEventId, BacktracingKind kind,
        String actorUnitCode, String subjectUnitCode, OffsetDateTime occurredAt, String summary,
        Map<String, Object> evidence, BacktracingRecord.Status status, String handlerFindings, String outcome,
        String recordedBy, OffsetDateTime recordedAt) {

    public static BacktracingView of(BacktracingRecord r) {
        return new BacktracingView(r.id, r.source, r.sourceEventId, r.kind, r.actorUnitCode, r.subjectUnitCode,
                r.occurredAt, r.summary, r.evidence, r.status, r.handlerFindings, r.outcome, r.recordedBy,
                r.recordedAt);
    }
}
