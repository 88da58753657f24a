package cn.dcjk.inspections.inspection;

import cn.dcjk.common.data.audit.AuditTrail;
import cn.dcjk.common.problem.Problems;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Verdict;
import cn.dcjk.inspections.access.Access;
import cn.dcjk.inspections.rules.Rules;
import cn.dcjk.inspections.rules.SampleAtMostThird;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The sample of an on-site item (article 10, SAMPLE-AT-MOST-THIRD): drawn by the system from the
 * declared population with a recorded seed, reproducibly, at most a third unless the approval
 * granted more; a redraw needs its reason and is possible only before the first visit.
 */
@ApplicationScoped
public class Sampling {

    public static final String ALGORITHM = "sorted population; java.util.Random(seed); partial Fisher-Yates "
            + "(for i in 0..size-1 swap i with i+nextInt(n-i)); first size units";

    @Inject
    Rules rules;
    @Inject
    Access access;
    @Inject
    AuditTrail audit;
    @Inject
    InspectionAccess inspections;

    private final SecureRandom seeds = new SecureRandom();

    /** The draw anyone can repeat: sorted population, Random(seed), partial Fisher–Yates. */
    public static List<String> draw(List<String> population, long seed, int size) {
        List<String> units = new ArrayList<>(population.stream().distinct().sorted().toList());
        Random random = new Random(seed);
        int n = units.size();
        for (int k = 0; k < size; k++) {
            Collections.swap(units, k, k + random.nextInt(n - k));
        }
        return List.copyOf(units.subList(0, size));
    }

    @Transactional
    public Views.SampleView sample(long id, Inputs.Sample in) {
        Inspection i = inspections.forTeam(id, true);
        if (i.status != InspectionStatus.SCHEME_FILED && i.status != InspectionStatus.IN_PROGRESS) {
            throw Problems.conflict("inspection-not-open", "检查已报结果，不能再抽样",
                    "The results are filed; no more sampling");
        }
        if (Visit.count("inspectionId", id) > 0) {
            throw Problems.conflict("sample-fixed", "已开始实地检查，样本不能再变",
                    "Visits have started; the sample can no longer change");
        }
        if (i.sample != null && (in.reason() == null || in.reason().isBlank())) {
            throw Problems.invalid("reason", "a redraw needs its reason");
        }
        int n = i.population.size();
        if (in.size() > n) {
            throw Problems.invalid("size", "at most the population (" + n + ")");
        }
        List<Finding> findings = rules.sampleAtMostThird().judge(new SampleAtMostThird.Context(n, in.size(),
                i.exceptionGranted, i.approvedSampleMax));
        Verdict.of(findings).orRefuse();
        Map<String, Object> before = audit.snapshot(Views.InspectionView.full(i));
        long seed = in.seed() != null ? in.seed() : seeds.nextLong();
        List<String> units = draw(i.population, seed, in.size());
        boolean redraw = i.sample != null;
        Records.SampleDraw d = new Records.SampleDraw(seed, in.size(), n, units, ALGORITHM,
                in.reason(), findings.isEmpty() ? null : Boolean.TRUE, access.name(), OffsetDateTime.now());
        i.sample = d;
        List<Records.SampleDraw> draws = new ArrayList<>(i.sampleDraws);
        draws.add(d);
        i.sampleDraws = draws;
        InspectionTarget.update("sampled = false where inspectionId = ?1", id);
        InspectionTarget.update("sampled = true where inspectionId = ?1 and unitCode in ?2", id, units);
        i.step(redraw ? "SAMPLE_REDRAWN" : "SAMPLE_DRAWN", access.name());
        Inspection.flush();
        audit.record(Inspection.AUDIT_TYPE, id, redraw ? "SAMPLE_REDRAWN" : "SAMPLE_DRAWN", before,
                Views.InspectionView.full(i));
        return sampleView(i, findings);
    }

    @Transactional
    public Views.SampleView getSample(long id) {
        InspectionAccess.Seen s = inspections.see(id, false);
        if (!s.full()) {
            throw Problems.forbidden("抽样记录只向检查组、主办方办公厅（室）和审计人员公开",
                    "The sampling record is for the team, the organiser's office and auditors");
        }
        return sampleView(s.inspection(), s.inspection().sample == null || s.inspection().sample.exceptionGranted() == null
                ? List.of() : rules.sampleAtMostThird().judge(new SampleAtMostThird.Context(
                        s.inspection().population.size(), s.inspection().sample.size(),
                        s.inspection().exceptionGranted, s.inspection().approvedSampleMax)));
    }

    private Views.SampleView sampleView(Inspection i, List<Finding> findings) {
        return new Views.SampleView(i.id, i.population.size(), i.population,
                rules.sampleAtMostThird().max(i.population.size()), i.sample, i.sampleDraws, findings);
    }
}
