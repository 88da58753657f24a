package cn.dcjk.inspections.inspection;

import cn.dcjk.common.data.audit.AuditTrail;
import cn.dcjk.common.data.backtracing.BacktracingOutbox;
import cn.dcjk.common.problem.Problems;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.RuleRefusedException;
import cn.dcjk.inspections.access.Access;
import cn.dcjk.inspections.rules.OnSiteAsApproved;
import cn.dcjk.inspections.rules.Rules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Field work is what was approved (ON-SITE-AS-APPROVED, FULL-PROCESS-RECORD, article 10 and 12)
 * and a refused attempt is reported for back-tracing (article 32) in a transaction of its own, since
 * the refused write is not made: once per request, also under retries with the same
 * Idempotency-Key ({@link BacktracingOutbox}).
 */
@ApplicationScoped
public class FieldWorkApproval {

    /** This service as the back-tracing register knows it. */
    public static final String BACKTRACING_SOURCE = "INSPECTIONS";

    @Inject
    Rules rules;
    @Inject
    Access access;
    @Inject
    AuditTrail audit;
    @Inject
    BacktracingOutbox backtracing;

    /**
     * Field work as approved (ON-SITE-AS-APPROVED): an item approved as not on-site gets none; only
     * sampled units receive visits (an item that does not sample visits its declared targets);
     * construction-site entries stay within the approved number. A refusal is registered for
     * back-tracing (article 32) in its own transaction, since the refused write is not made.
     */
    void requireVisitable(Inspection i, String unit, SiteType siteType) {
        InspectionTarget t = InspectionTarget.of(i.id, unit).orElseThrow(() -> Problems.invalid("unitCode",
                "not a target of this inspection"));
        long constructionSites = siteType == SiteType.CONSTRUCTION_SITE
                ? ItineraryEntry.count("inspectionId = ?1 and siteType = ?2", i.id, SiteType.CONSTRUCTION_SITE) : 0;
        List<Finding> refusal = rules.onSiteAsApproved().judge(new OnSiteAsApproved.Context(unit, i.approvedOnSite,
                i.sample != null, t.sampled, siteType, i.approvedConstructionSiteVisits, constructionSites));
        if (!refusal.isEmpty()) {
            registerOutsideApproval(i, unit, siteType, refusal);
            throw new RuleRefusedException(refusal);
        }
        if (i.sample == null && i.samplingRequired) {
            throw Problems.conflict("sample-not-drawn", "请先由系统抽取样本",
                    "Draw the sample first: the item is approved as a sampled one");
        }
    }

    private void registerOutsideApproval(Inspection i, String unit, SiteType siteType, List<Finding> refusal) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("inspectionId", i.id);
        evidence.put("approvalCode", i.approvalCode);
        evidence.put("unitCode", unit);
        evidence.put("siteType", siteType == null ? null : siteType.name());
        evidence.put("actor", access.name());
        backtracing.reportRefusal(BACKTRACING_SOURCE, i.dispatchingUnitCode, unit,
                "检查组超出批准范围开展实地检查（检查 " + i.id + "，单位 " + unit + "）", refusal, evidence,
                eventId -> recordRefusal(i, "FIELD_WORK_REFUSED", evidence, refusal, eventId));
    }

    /** The refused attempt is a fact of its own: it is registered even though the visit is not written. */
    void registerRefusedVisit(Inspection i, Inputs.VisitStart in, List<Finding> refusal) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("inspectionId", i.id);
        evidence.put("approvalCode", i.approvalCode);
        evidence.put("unitCode", in.unitCode());
        evidence.put("itineraryEntryId", in.itineraryEntryId());
        evidence.put("actor", access.name());
        backtracing.reportRefusal(BACKTRACING_SOURCE, i.dispatchingUnitCode, in.unitCode(),
                "检查组未报行程即要求对 " + in.unitCode() + " 开展实地检查（检查 " + i.id + "）", refusal, evidence,
                eventId -> recordRefusal(i, "VISIT_REFUSED", evidence, refusal, eventId));
    }

    /** The service's own record of the refused attempt, written once with its report. */
    private void recordRefusal(Inspection i, String action, Map<String, Object> evidence, List<Finding> refusal,
            String eventId) {
        Map<String, Object> fact = new LinkedHashMap<>(evidence);
        fact.put("rule", refusal.get(0).rule());
        fact.put("backtracingEventId", eventId);
        audit.record(Inspection.AUDIT_TYPE, i.id, action, Map.of(), fact);
    }
}
