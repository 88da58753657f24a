package cn.dcjk.inspections.commendation;

import cn.dcjk.common.api.Page;
import cn.dcjk.common.data.audit.AuditTrail;
import cn.dcjk.common.data.outbox.Outbox;
import cn.dcjk.common.problem.Problems;
import cn.dcjk.common.rule.Verdict;
import cn.dcjk.inspections.access.Access;
import cn.dcjk.inspections.inspection.Inspection;
import cn.dcjk.inspections.inspection.InspectionAccess;
import cn.dcjk.inspections.inspection.InspectionStatus;
import cn.dcjk.inspections.rules.CommendationExempts;
import cn.dcjk.inspections.rules.Rules;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * COMMENDATION-EXEMPTS (article 29): the organiser's office commends a target of the provincial
 * comprehensive inspection; the exemption for the next year is delivered to plans-service through
 * the outbox (once, retried until acknowledged, keyed on the commendation's id).
 */
@ApplicationScoped
public class CommendationService {

    public static final String DESTINATION = "plans";
    public static final String PATH = "/api/v1/exemptions";

    @Inject
    InspectionAccess inspections;
    @Inject
    Access access;
    @Inject
    Rules rules;
    @Inject
    AuditTrail audit;
    @Inject
    Outbox outbox;

    public record Input(@NotNull Long inspectionId, @NotBlank @Size(max = 60) String unitCode,
            @NotBlank @Size(max = 1000) String reason) {
    }

    public record View(Long id, long inspectionId, String unitCode, int year, int exemptionYear, String reason,
            OffsetDateTime createdAt) {
        static View of(Commendation c) {
            return new View(c.id, c.inspectionId, c.unitCode, c.year, c.exemptionYear, c.reason, c.createdAt);
        }
    }

    @Transactional
    public Commendation commend(Input in) {
        Inspection i = inspections.see(in.inspectionId(), false).inspection();
        boolean office = access.office(i.organiserUnitCode, i.organiserRegion, i.coOrganiserCodes);
        if (!office && !access.isAdmin()) {
            throw Problems.forbidden("只有主办方办公厅（室）可以作出表扬", "Only the organiser's office commends");
        }
        if (i.status != InspectionStatus.RESULTS_FILED && i.status != InspectionStatus.CLOSED) {
            throw Problems.conflict("results-not-filed", "须先报送检查结果", "Commendations follow the results");
        }
        Verdict.of(rules.commendationExempts().judge(new CommendationExempts.Context(
                i.provincialComprehensive, i.population.contains(in.unitCode()), in.unitCode()))).orRefuse();
        if (Commendation.count("inspectionId = ?1 and unitCode = ?2", i.id, in.unitCode()) > 0) {
            throw Problems.conflict("already-commended", "该单位已在本次督查中受到表扬",
                    "The unit was commended in this inspection already");
        }
        Commendation c = new Commendation();
        c.inspectionId = i.id;
        c.unitCode = in.unitCode();
        c.year = (i.periodStart != null ? i.periodStart : i.startsOn).getYear();
        c.exemptionYear = rules.commendationExempts().exemptionYear(c.year);
        c.reason = in.reason();
        c.createdAt = OffsetDateTime.now();
        c.createdBy = access.name();
        c.persist();
        Commendation.flush();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitCode", c.unitCode);
        body.put("year", c.exemptionYear);
        body.put("reason", "省政府综合督查表扬（检查 " + i.id + "）：" + c.reason);
        body.put("source", "COMMENDATION");
        body.put("sourceId", String.valueOf(c.id));
        outbox.enqueue(DESTINATION, PATH, body);
        audit.created("commendation", c.id, View.of(c));
        return c;
    }

    @Transactional
    public Page<View> list(int page, int size) {
        PanacheQuery<Commendation> q;
        if (access.reader()) {
            q = Commendation.findAll(Sort.descending("id"));
        } else if (access.officeUnit().isPresent()) {
            // The office sees the commendations of the inspections it can see (same test as Access.office).
            String u = access.officeUnit().get();
            Parameters p = Parameters.with("u", u).and("ul", "%," + u + ",%");
            String region = access.officeRegion().orElse(null);
            String byRegion = region == null ? "" : " or i.organiserRegion = :r";
            if (region != null) {
                p.and("r", region);
            }
            q = Commendation.find("inspectionId in (select i.id from Inspection i where i.organiserUnitCode = :u "
                    + "or i.coOrganiserCodes like :ul" + byRegion + ")", Sort.descending("id"), p);
        } else if (access.inspectedUnitCode().isPresent()) {
            q = Commendation.find("unitCode", Sort.descending("id"), access.inspectedUnitCode().get());
        } else {
            return new Page<>(List.of(), page, size, 0);
        }
        return new Page<>(q.page(page, size).list().stream().map(View::of).toList(), page, size, q.count());
    }
}
