package cn.dcjk.inspections.inspection;

import cn.dcjk.common.data.audit.AuditTrail;
import cn.dcjk.common.data.backtracing.BacktracingOutbox;
import cn.dcjk.common.data.version.Versions;
import cn.dcjk.common.problem.Problems;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.RuleRefusedException;
import cn.dcjk.inspections.access.Access;
import cn.dcjk.inspections.rules.FullProcessRecord;
import cn.dcjk.inspections.rules.Rules;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * During the field work (article 12): the itinerary is filed before each visit; a visit carries
 * its reception record (RECEPTION-BURDEN, article 23; a violation is reported for back-tracing
 * with the visit) and its burden counts (FORM-BURDEN, articles 14 and 22).
 */
@ApplicationScoped
public class VisitService {

    @Inject
    Rules rules;
    @Inject
    Access access;
    @Inject
    AuditTrail audit;
    @Inject
    InspectionAccess inspections;
    @Inject
    FieldWorkApproval approval;
    @Inject
    BacktracingOutbox backtracing;

    @Transactional
    public ItineraryEntry fileItinerary(long id, Inputs.Itinerary in) {
        Inspection i = inspections.forTeam(id, false);
        if (i.status != InspectionStatus.SCHEME_FILED && i.status != InspectionStatus.IN_PROGRESS) {
            throw Problems.conflict("inspection-not-open", "检查已报结果，不能再报行程",
                    "The results are filed; no more itinerary");
        }
        if (in.date().isBefore(i.startsOn) || in.date().isAfter(i.endsOn)) {
            throw Problems.invalid("date", "within the scheme's dates " + i.startsOn + ".." + i.endsOn);
        }
        approval.requireVisitable(i, in.unitCode(), in.siteType());
        ItineraryEntry e = new ItineraryEntry();
        e.inspectionId = id;
        e.unitCode = in.unitCode();
        e.visitDate = in.date();
        e.siteType = in.siteType();
        e.necessity = in.necessity();
        e.createdAt = OffsetDateTime.now();
        e.createdBy = access.name();
        e.persist();
        ItineraryEntry.flush();
        audit.created("itinerary-entry", e.id, Views.ItineraryView.of(e));
        return e;
    }

    @Transactional
    public List<Views.ItineraryView> itinerary(long id) {
        InspectionAccess.Seen s = inspections.see(id, false);
        List<ItineraryEntry> entries = s.full()
                ? ItineraryEntry.list("inspectionId", Sort.by("visitDate").and("id"), id)
                : ItineraryEntry.list("inspectionId = ?1 and unitCode = ?2", Sort.by("visitDate").and("id"), id,
                        s.unit());
        return entries.stream().map(Views.ItineraryView::of).toList();
    }

    /** Starts a visit; without a filed itinerary it is refused and the attempt is registered for back-tracing. */
    @Transactional
    public Views.VisitView startVisit(long id, Inputs.VisitStart in) {
        Inspection i = inspections.forTeam(id, true);
        if (i.status != InspectionStatus.SCHEME_FILED && i.status != InspectionStatus.IN_PROGRESS) {
            throw Problems.conflict("inspection-not-open", "检查已报结果，不能再开展实地检查",
                    "The results are filed; no more visits");
        }
        ItineraryEntry e = in.itineraryEntryId() == null ? null : ItineraryEntry.findById(in.itineraryEntryId());
        boolean filed = e != null && e.inspectionId == id && e.unitCode.equals(in.unitCode());
        List<Finding> refusal = rules.fullProcessRecord().judge(
                new FullProcessRecord.Context(filed, in.unitCode(), in.itineraryEntryId()));
        if (!refusal.isEmpty()) {
            approval.registerRefusedVisit(i, in, refusal);
            throw new RuleRefusedException(refusal);
        }
        if (Visit.count("itineraryEntryId", e.id) > 0) {
            throw Problems.conflict("itinerary-used", "该行程已开展过实地检查，请另报行程",
                    "This itinerary entry was visited already; file another");
        }
        approval.requireVisitable(i, in.unitCode(), null);
        Map<String, Object> before = audit.snapshot(Views.InspectionView.full(i));
        Visit v = new Visit();
        v.inspectionId = id;
        v.itineraryEntryId = e.id;
        v.unitCode = e.unitCode;
        v.visitDate = e.visitDate;
        v.month = e.visitDate.toString().substring(0, 7);
        v.startedAt = OffsetDateTime.now();
        v.startedBy = access.name();
        v.burden(in.burden() == null ? new Burden(0, 0, 0, 0, 0, 0) : in.burden());
        v.persist();
        InspectionTarget t = InspectionTarget.of(id, v.unitCode).orElseThrow();
        if (t.visitStartedAt == null) {
            t.visitStartedAt = v.startedAt;
        }
        if (in.reception() != null) {
            applyReception(i, v, in.reception());
        }
        if (i.status == InspectionStatus.SCHEME_FILED) {
            i.status = InspectionStatus.IN_PROGRESS;
            i.step(InspectionStatus.IN_PROGRESS.name(), access.name());
        }
        i.step("VISIT_STARTED", access.name());
        Visit.flush();
        audit.record(Inspection.AUDIT_TYPE, id, "VISIT_STARTED", before, Views.InspectionView.full(i));
        audit.created("visit", v.id, visitView(v));
        return visitView(v);
    }

    private void applyReception(Inspection i, Visit v, Reception r) {
        v.reception = r;
        List<Finding> findings = rules.receptionBurden().judge(r);
        v.receptionFindings = new ArrayList<>(findings);
        List<Finding> blocking = findings.stream().filter(Finding::blocks).toList();
        String signature = blocking.isEmpty() ? null : blocking.stream()
                .map(f -> String.valueOf(f.facts().get("violation"))).sorted().collect(Collectors.joining(","));
        if (signature != null && !signature.equals(v.reportedViolations)) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("inspectionId", i.id);
            evidence.put("visitId", v.id);
            evidence.put("approvalCode", i.approvalCode);
            evidence.put("reception", r);
            evidence.put("findings", blocking);
            backtracing.report(FieldWorkApproval.BACKTRACING_SOURCE, "RECEPTION_VIOLATION", i.dispatchingUnitCode,
                    v.unitCode,
                    "实地检查接待违反第二十三条：" + signature + "（检查 " + i.id + "，走访 " + v.id + "）", evidence);
        }
        v.reportedViolations = signature;
    }

    /** The reception record and burden counts of a visit, updated with If-Match. */
    @Transactional
    public Visit updateVisit(long id, long visitId, String ifMatch, Inputs.VisitUpdate in) {
        Inspection i = inspections.forTeam(id, false);
        if (i.status == InspectionStatus.CLOSED) {
            throw Problems.conflict("inspection-closed", "检查已结束", "The inspection is closed");
        }
        Visit v = Visit.findById(visitId, LockModeType.PESSIMISTIC_WRITE);
        if (v == null || v.inspectionId != id) {
            throw Problems.notFound("visit", visitId);
        }
        Versions.check(ifMatch, v.version);
        Map<String, Object> before = audit.snapshot(visitView(v));
        if (in.reception() != null) {
            applyReception(i, v, in.reception());
        }
        if (in.burden() != null) {
            v.burden(in.burden());
        }
        Visit.flush();
        audit.record("visit", visitId, "UPDATE", before, visitView(v));
        return v;
    }

    @Transactional
    public Visit visit(long id, long visitId) {
        InspectionAccess.Seen s = inspections.see(id, false);
        Visit v = Visit.findById(visitId);
        if (v == null || v.inspectionId != id || (!s.full() && !v.unitCode.equals(s.unit()))) {
            throw Problems.notFound("visit", visitId);
        }
        return v;
    }

    @Transactional
    public List<Views.VisitView> visits(long id) {
        InspectionAccess.Seen s = inspections.see(id, false);
        List<Visit> list = s.full() ? Visit.list("inspectionId", Sort.by("id"), id)
                : Visit.list("inspectionId = ?1 and unitCode = ?2", Sort.by("id"), id, s.unit());
        return list.stream().map(this::visitView).toList();
    }

    public Views.VisitView visitView(Visit v) {
        boolean violation = v.receptionFindings.stream().anyMatch(Finding::blocks);
        return new Views.VisitView(v.id, v.inspectionId, v.itineraryEntryId, v.unitCode, v.visitDate, v.startedAt,
                v.reception, v.receptionFindings, violation, v.burden(), rules.formBurden().judge(v.burden()),
                VisitRating.count("visitId", v.id) > 0, v.version);
    }
}
