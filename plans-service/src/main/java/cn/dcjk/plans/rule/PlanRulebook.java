package cn.dcjk.plans.rule;

import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.RuleBook;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.plans.plan.Plan;
import cn.dcjk.plans.plan.PlanItem;
import cn.dcjk.plans.unit.Unit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plans-service rulebook: {@link #RULES} lists every rule in the order of RULEBOOK.md. It runs
 * them over a plan's items at a stage over a plan's items at a stage, and decides what blocks: PROHIBITED
 * always; PRINCIPLE unless the item carries a written justification (at submission) and, at
 * approval, the approving authority grants the exception explicitly; ADVISORY never.
 */
@ApplicationScoped
public class PlanRulebook implements RuleBook {

    /** Every rule of plans-service that judges an item, in the rulebook's order. */
    public static final List<Rule<ItemContext>> RULES = List.of(new AnnualPlanRequired(), new PlanSubmissionWindow(),
            new NoSelfSetItems(), new ComprehensiveCap(), new ObservationCap(), new VisitFrequency(),
            new NoLayeredEscalation(), new MergeSimilar(), new NoBorrowedBanner(), new NoNoticeToLowerCommittee(),
            new NoSimilarSeries(), new NoMeetingMonth(), new OnSiteRegionWide(), new SampleAtMostThird(),
            new ConstructionSite(), new GuidanceIsNotInspection(), new NoInspectionRightAfterDeployment(),
            new FoldedIntoComprehensive(), new GrassrootsReduction(), new LeaderRank(), new ExemptUnits());

    /** APPROVAL-ROUTE (article 5) is the workflow itself (plan.PlanRoute); listed here for GET /api/v1/rules. */
    public static final RuleDescriptor APPROVAL_ROUTE_RULE = RuleDescriptor.of("APPROVAL-ROUTE", List.of(5),
            Severity.PROHIBITED, "分别报本级党委办公室（厅）、政府办公室（厅）研究审核，由党委办公室（厅）统一报本级党委审批后印发执行",
            "Reviewed by the party or government office, submitted by the party office to that level's party "
                    + "committee, approved by it, then issued");

    /** POSITIVE-LIST (article 21): 「建立督查考核正面清单，可以公开的公开」; served by the positive list. */
    public static final RuleDescriptor POSITIVE_LIST_RULE = new RuleDescriptor("POSITIVE-LIST", List.of(21), "RECORD",
            "经批准的督查检查考核事项形成正面清单并向社会公开", "Approved items form the public positive list", Map.of(), null);

    /** The names of the rules an approver may except (PRINCIPLE). */
    public static final Set<String> PRINCIPLE_RULES = RULES.stream()
            .filter(r -> r.descriptor().severity().equals(Severity.PRINCIPLE.name())).map(r -> r.descriptor().name())
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    @Inject
    PlanRuleParameters parameters;
    @Inject
    ItemCandidates candidates;

    /** One item's findings and whether they let it through at this stage. */
    public record ItemVerdict(Long itemId, String title, List<Finding> findings, List<Finding> blocking) {
        public boolean allows() {
            return blocking.isEmpty();
        }
    }

    /** A plan's verdict: every item's. */
    public record PlanVerdict(Long planId, Stage stage, List<ItemVerdict> items) {
        public boolean allows() {
            return items.stream().allMatch(ItemVerdict::allows);
        }

        public List<Finding> findings() {
            return items.stream().flatMap(i -> i.findings().stream()).toList();
        }

        public List<Finding> blocking() {
            return items.stream().flatMap(i -> i.blocking().stream()).toList();
        }
    }

    @Override
    public String service() {
        return "plans-service";
    }

    @Override
    public List<RuleDescriptor> rules() {
        List<RuleDescriptor> out = new ArrayList<>();
        out.add(APPROVAL_ROUTE_RULE);
        for (Rule<ItemContext> r : RULES) {
            out.add(r.descriptor().withParameters(parametersOf(r.descriptor().name())));
        }
        out.add(POSITIVE_LIST_RULE);
        return out;
    }

    Map<String, Object> parametersOf(String rule) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (rule) {
            case "PLAN-SUBMISSION-WINDOW" -> m.put("submissionDeadline", parameters.submissionDeadline());
            case "COMPREHENSIVE-CAP" -> m.put("cap", parameters.comprehensiveCap());
            case "OBSERVATION-CAP" -> m.put("cap", parameters.observationCap());
            case "NO-BORROWED-BANNER" -> m.put("departmentNeverInCoordinationBodyName",
                    parameters.departmentNeverInCoordinationBodyName());
            case "NO-SIMILAR-SERIES" -> {
                m.put("similarityThreshold", parameters.similarityThreshold());
                m.put("gapDays", parameters.seriesGapDays());
            }
            case "MERGE-SIMILAR" -> m.put("similarityBelow", parameters.similarityThreshold());
            case "SAMPLE-AT-MOST-THIRD" -> m.put("fraction", "1/" + parameters.sampleDivisor());
            case "NO-INSPECTION-RIGHT-AFTER-DEPLOYMENT" -> m.put("minimumDays", parameters.deploymentGapDays());
            case "FOLDED-INTO-COMPREHENSIVE" -> m.put("topics", parameters.foldedTopics());
            case "GRASSROOTS-REDUCTION" -> {
                m.put("reduction", parameters.grassrootsReduction());
                m.put("baselineYear", parameters.baselineYear());
            }
            case "VISIT-FREQUENCY" -> {
                m.put("perDay", parameters.visitsPerDay());
                m.put("perWeek", parameters.visitsPerWeek());
                m.put("perMonth", parameters.visitsPerMonth());
            }
            default -> {
            }
        }
        return m;
    }

    /**
     * Evaluates the items (in their order) of a plan. {@code grants} holds, per item id, the
     * PRINCIPLE rules the approver grants now or granted before.
     */
    public PlanVerdict evaluate(Plan plan, List<PlanItem> items, Map<String, Unit> units, Stage stage, LocalDate today,
            Map<Long, Set<String>> grants) {
        return evaluate(plan, items, units, stage, today, grants, parameters, candidates);
    }

    /** {@link #evaluate} over the given parameters and store; each nearby question is asked of the store once per evaluation. */
    static PlanVerdict evaluate(Plan plan, List<PlanItem> items, Map<String, Unit> units, Stage stage, LocalDate today,
            Map<Long, Set<String>> grants, PlanRuleParameters parameters, Candidates store) {
        Candidates candidates = new AskedOnce(store);
        List<ItemVerdict> verdicts = new ArrayList<>();
        Unit organiser = units.get(plan.organiserUnitCode);
        for (int k = 0; k < items.size(); k++) {
            PlanItem item = items.get(k);
            ItemContext ctx = new ItemContext(item, plan, organiser, units, items.subList(0, k), stage, today,
                    parameters, candidates);
            List<Finding> findings = new ArrayList<>();
            List<Finding> blocking = new ArrayList<>();
            Set<String> granted = item.id == null ? Set.of() : grants.getOrDefault(item.id, Set.of());
            for (Rule<ItemContext> rule : RULES) {
                for (Finding f : rule.judge(ctx)) {
                    Finding judged = judge(f, justification(plan, item, f.rule()), granted.contains(f.rule()), stage);
                    findings.add(judged);
                    if (blocks(judged, justification(plan, item, f.rule()) != null, stage)) {
                        blocking.add(judged);
                    }
                }
            }
            verdicts.add(new ItemVerdict(item.id, item.title, findings, blocking));
        }
        return new PlanVerdict(plan.id, stage, verdicts);
    }

    /** The written justification the organiser gave for a rule, if any. */
    public static String justification(Plan plan, PlanItem item, String rule) {
        String j = item.justifications.get(rule);
        if ((j == null || j.isBlank()) && "CONSTRUCTION-SITE".equals(rule)) {
            j = item.constructionSiteNecessity;
        }
        return j == null || j.isBlank() ? null : j;
    }

    static Finding judge(Finding f, String justification, boolean granted, Stage stage) {
        if (f.severity() != Severity.PRINCIPLE || justification == null) {
            return f;
        }
        Map<String, Object> facts = new LinkedHashMap<>(f.facts());
        facts.put("justification", justification);
        facts.put("exceptionRequested", true);
        Finding withJustification = new Finding(f.rule(), f.articles(), f.severity(), f.message(), f.messageEn(), facts,
                null);
        return stage == Stage.APPROVAL && granted ? withJustification.granted() : withJustification;
    }

    /** Whether a judged finding stops the item at this stage. */
    static boolean blocks(Finding f, boolean justified, Stage stage) {
        return switch (f.severity()) {
            case PROHIBITED -> true;
            case PRINCIPLE -> stage == Stage.APPROVAL ? !Boolean.TRUE.equals(f.exceptionGranted()) : !justified;
            default -> false;
        };
    }
}
