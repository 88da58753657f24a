package cn.dcjk.inspections.inspection;

import cn.dcjk.common.data.audit.AuditTrail;
import cn.dcjk.common.problem.Problems;
import cn.dcjk.inspections.access.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The visited unit speaks: one rating per visit, unattributable; the organiser's office and
 * auditors read aggregates only, withheld below the minimum count.
 */
@ApplicationScoped
public class VisitRatings {

    @Inject
    Access access;
    @Inject
    AuditTrail audit;
    @Inject
    InspectionAccess inspections;
    @ConfigProperty(name = "dcjk.ratings.min-count", defaultValue = "3")
    int minRatings;

    @Transactional
    public void rate(long id, long visitId, Inputs.Rating in) {
        InspectionAccess.Seen s = inspections.see(id, false);
        Visit v = Visit.findById(visitId);
        String unit = access.inspectedUnitCode().orElse(null);
        if (v == null || v.inspectionId != id || unit == null || !unit.equals(v.unitCode)) {
            throw Problems.notFound("visit", visitId);
        }
        if (VisitRating.count("visitId", visitId) > 0) {
            throw Problems.conflict("already-rated", "该次实地检查已评价", "This visit was rated already");
        }
        VisitRating r = new VisitRating();
        r.visitId = visitId;
        r.inspectionId = s.inspection().id;
        r.score = in.score().shortValue();
        r.comment = in.comment();
        r.burdenFlag = in.burdenFlag();
        r.misconductFlag = in.misconductFlag();
        r.persist();
        // The trail keeps that the visit was rated, not what was said: ratings stay unattributable.
        audit.record("visit", visitId, "RATED", Map.of(), Map.of("rated", true));
    }

    /** Aggregates only, for the organiser's office and auditors; withheld below the minimum count. */
    @Transactional
    public Views.RatingSummary ratings(long id) {
        Inspection i = inspections.see(id, false).inspection();
        if (!(access.reader() || access.office(i.organiserUnitCode, i.organiserRegion, i.coOrganiserCodes))) {
            throw Problems.forbidden("评价结果只以汇总形式向主办方办公厅（室）公开",
                    "Ratings are shown to the organiser's office, as aggregates only");
        }
        List<VisitRating> all = VisitRating.list("inspectionId", id);
        long count = all.size();
        if (count < minRatings) {
            return new Views.RatingSummary(id, count, null, Map.of(), 0, 0, List.of(), true, minRatings);
        }
        Map<Integer, Long> distribution = new TreeMap<>();
        for (int k = 1; k <= 5; k++) {
            final int score = k;
            distribution.put(k, all.stream().filter(r -> r.score == score).count());
        }
        double avg = all.stream().mapToInt(r -> r.score).average().orElse(0);
        List<String> comments = all.stream().map(r -> r.comment).filter(c -> c != null && !c.isBlank()).sorted()
                .toList();
        return new Views.RatingSummary(id, count, Math.round(avg * 100) / 100.0, distribution,
                all.stream().filter(r -> r.burdenFlag).count(), all.stream().filter(r -> r.misconductFlag).count(),
                comments, false, minRatings);
    }
}
