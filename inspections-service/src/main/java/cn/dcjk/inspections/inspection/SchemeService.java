package cn.dcjk.inspections.inspection;

import cn.dcjk.common.api.Page;
import cn.dcjk.common.data.audit.AuditTrail;
import cn.dcjk.common.problem.Problems;
import cn.dcjk.common.rule.Verdict;
import cn.dcjk.inspections.access.Access;
import cn.dcjk.inspections.plans.Approval;
import cn.dcjk.inspections.plans.PlansDirectory;
import cn.dcjk.inspections.rules.ApprovedItemOnly;
import cn.dcjk.inspections.rules.Rules;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Before the field work (article 12): the scheme (方案) opens an inspection of an item plans-service
 * confirms as approved and issued (APPROVED-ITEM-ONLY); the list and the reading of one inspection.
 */
@ApplicationScoped
public class SchemeService {

    @Inject
    PlansDirectory plans;
    @Inject
    Rules rules;
    @Inject
    Access access;
    @Inject
    AuditTrail audit;
    @Inject
    InspectionAccess inspections;

    @Transactional
    public Inspection open(Inputs.Scheme in) {
        String dispatching = access.teamDispatchingUnit().orElseThrow(() -> Problems.forbidden(
                "访问令牌未载明派出单位（dispatching_unit_code）", "The token names no dispatching unit"));
        if (in.endDate().isBefore(in.startDate())) {
            throw Problems.invalid("endDate", "must not be before startDate");
        }
        List<String> population = in.population().stream().map(String::trim).distinct().sorted().toList();
        Optional<Approval> answer = plans.approval(in.approvalCode().trim());
        Verdict.of(rules.approvedItemOnly().judge(new ApprovedItemOnly.Context(in.approvalCode(), answer, dispatching,
                in.startDate(), in.endDate(), population, InspectionAccess.today()))).orRefuse();
        Approval a = answer.orElseThrow();
        Inspection i = new Inspection();
        i.itemId = a.itemId() == null ? 0 : a.itemId();
        i.approvalCode = a.code();
        i.title = in.title() == null || in.title().isBlank() ? a.title() : in.title();
        if (i.title == null) {
            i.title = a.code();
        }
        i.organiserUnitCode = a.organiserUnitCode();
        i.organiserRegion = plans.unit(a.organiserUnitCode()).map(u -> u.regionCode()).orElse(null);
        i.coOrganiserCodes = "," + String.join(",", a.coOrganisers()) + (a.coOrganisers().isEmpty() ? "" : ",");
        i.dispatchingUnitCode = dispatching;
        i.status = InspectionStatus.SCHEME_FILED;
        i.unannounced = in.unannounced();
        i.provincialComprehensive = a.provincialComprehensive();
        i.periodStart = a.periodStart();
        i.periodEnd = a.periodEnd();
        i.startsOn = in.startDate();
        i.endsOn = in.endDate();
        i.team = new Records.Team(new Records.Member(in.leader().name(), in.leader().rank()),
                in.members() == null ? List.of()
                        : in.members().stream().map(m -> new Records.Member(m.name(), m.rank())).toList());
        i.population = population;
        i.samplingRequired = a.sampling() != null;
        i.approvedOnSite = a.onSite();
        i.approvedConstructionSiteVisits = a.constructionSiteVisits();
        i.exceptionGranted = a.sampling() != null && a.sampling().exceptionGranted();
        i.approvedSampleMax = i.exceptionGranted ? a.sampling().sampleSize() : null;
        i.createdAt = OffsetDateTime.now();
        i.createdBy = access.name();
        i.step(InspectionStatus.SCHEME_FILED.name(), access.name());
        i.persist();
        for (String unit : population) {
            InspectionTarget t = new InspectionTarget();
            t.inspectionId = i.id;
            t.unitCode = unit;
            t.persist();
        }
        Inspection.flush();
        audit.created(Inspection.AUDIT_TYPE, i.id, Views.InspectionView.full(i));
        return i;
    }

    @Transactional
    public Page<Views.InspectionView> list(int page, int size) {
        StringBuilder q = new StringBuilder();
        Parameters p = new Parameters();
        if (!access.reader()) {
            List<String> ors = new ArrayList<>();
            access.teamDispatchingUnit().ifPresent(d -> {
                ors.add("dispatchingUnitCode = :d");
                p.and("d", d);
            });
            access.officeUnit().ifPresent(u -> {
                ors.add("organiserUnitCode = :o or coOrganiserCodes like :ol");
                p.and("o", u).and("ol", "%," + u + ",%");
                access.officeRegion().ifPresent(r -> {
                    ors.add("organiserRegion = :r");
                    p.and("r", r);
                });
            });
            access.inspectedUnitCode().ifPresent(u -> {
                ors.add("id in (select t.inspectionId from InspectionTarget t where t.unitCode = :u "
                        + "and (t.visitStartedAt is not null or t.inspectionId in "
                        + "(select x.id from Inspection x where x.unannounced = false)))");
                p.and("u", u);
            });
            if (ors.isEmpty()) {
                return new Page<>(List.of(), page, size, 0);
            }
            q.append(ors.stream().map(s -> "(" + s + ")").collect(Collectors.joining(" or ")));
        } else {
            q.append("1 = 1");
        }
        var query = Inspection.find(q.toString(), Sort.descending("id"), p);
        List<Views.InspectionView> items = query.page(page, size).<Inspection>list().stream().map(inspections::view).toList();
        return new Page<>(items, page, size, query.count());
    }

    @Transactional
    public Views.InspectionView get(long id) {
        InspectionAccess.Seen s = inspections.see(id, false);
        return s.full() ? Views.InspectionView.full(s.inspection())
                : Views.InspectionView.forUnit(s.inspection(), s.unit());
    }
}
