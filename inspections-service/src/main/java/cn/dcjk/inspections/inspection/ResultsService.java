package cn.dcjk.inspections.inspection;

import cn.dcjk.common.data.audit.AuditTrail;
import cn.dcjk.common.data.version.Versions;
import cn.dcjk.common.problem.Problems;
import cn.dcjk.inspections.access.Access;
import cn.dcjk.inspections.finding.FindingLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * After the field work (article 12): the results are filed with their findings (the problem
 * ledger of articles 18 and 19 takes them over), then the inspection is closed.
 */
@ApplicationScoped
public class ResultsService {

    @Inject
    Access access;
    @Inject
    AuditTrail audit;
    @Inject
    InspectionAccess inspections;
    @Inject
    FindingLedger ledger;

    @Transactional
    public Inspection fileResults(long id, String ifMatch, Inputs.Results in) {
        Inspection i = inspections.forTeam(id, true);
        Versions.check(ifMatch, i.version);
        if (i.status == InspectionStatus.SCHEME_FILED) {
            throw Problems.conflict("no-visit-yet", "尚未开展实地检查，不能报结果",
                    "No visit has started; results come after the visits");
        }
        if (i.status != InspectionStatus.IN_PROGRESS) {
            throw Problems.conflict("results-already-filed", "结果已报送", "The results were filed already");
        }
        List<String> outcomes = in.outcomes() == null ? List.of() : in.outcomes().stream().map(Inputs.Outcome::unitCode)
                .toList();
        List<String> findings = in.findings() == null ? List.of()
                : in.findings().stream().map(Inputs.NewFinding::targetUnitCode).toList();
        for (String u : outcomes) {
            if (!i.population.contains(u)) {
                throw Problems.invalid("outcomes", "unit " + u + " is not a target of this inspection");
            }
        }
        for (String u : findings) {
            if (!i.population.contains(u)) {
                throw Problems.invalid("findings", "unit " + u + " is not a target of this inspection");
            }
        }
        Map<String, Object> before = audit.snapshot(Views.InspectionView.full(i));
        i.results = new Records.Results(in.summary(), in.outcomes() == null ? List.of()
                : in.outcomes().stream().map(o -> new Records.Outcome(o.unitCode(), o.outcome())).toList(),
                access.name(), OffsetDateTime.now());
        i.status = InspectionStatus.RESULTS_FILED;
        i.step(InspectionStatus.RESULTS_FILED.name(), access.name());
        if (in.findings() != null) {
            ledger.file(i, in.findings());
        }
        Inspection.flush();
        audit.record(Inspection.AUDIT_TYPE, id, "RESULTS_FILED", before, Views.InspectionView.full(i));
        return i;
    }

    @Transactional
    public Inspection close(long id, String ifMatch) {
        InspectionAccess.Seen s = inspections.see(id, true);
        Inspection i = s.inspection();
        if (!(access.team(i.dispatchingUnitCode)
                || access.office(i.organiserUnitCode, i.organiserRegion, i.coOrganiserCodes))) {
            throw Problems.forbidden("只有检查组或主办方办公厅（室）可以结束检查",
                    "Only the team or the organiser's office may close an inspection");
        }
        Versions.check(ifMatch, i.version);
        if (i.status != InspectionStatus.RESULTS_FILED) {
            throw Problems.conflict("results-not-filed", "须先报送结果才能结束", "File the results before closing");
        }
        Map<String, Object> before = audit.snapshot(Views.InspectionView.full(i));
        i.status = InspectionStatus.CLOSED;
        i.step(InspectionStatus.CLOSED.name(), access.name());
        Inspection.flush();
        audit.record(Inspection.AUDIT_TYPE, id, "CLOSED", before, Views.InspectionView.full(i));
        return i;
    }
}
