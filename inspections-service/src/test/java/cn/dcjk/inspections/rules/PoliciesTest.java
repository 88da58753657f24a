package cn.dcjk.inspections.rules;

import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.common.rule.Verdict;
import cn.dcjk.inspections.assessment.Indicator;
import cn.dcjk.inspections.assessment.IndicatorKind;
import cn.dcjk.inspections.inspection.Burden;
import cn.dcjk.inspections.inspection.SiteType;
import cn.dcjk.inspections.inspection.Sampling;
import cn.dcjk.inspections.inspection.Reception;
import cn.dcjk.inspections.plans.Approval;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each inspections-service rule of RULEBOOK.md: allowed, refused, and its boundary. */
class PoliciesTest {

    static final LocalDate TODAY = LocalDate.now();

    static Approval approval(String status, LocalDate start, LocalDate end, List<String> targets) {
        return new Approval("DCJK-1", true, status.equals("CURRENT"), status, 7L, 3L, "t", "SPECIAL", "检查",
                "370000-D-ENV", List.of("370000-D-EDU"), true, targets, null, null, start, end, TODAY.plusDays(300),
                false, 0);
    }

    @Nested
    class ApprovedItemOnlyRule {
        final ApprovedItemOnly rule = new ApprovedItemOnly();
        final Approval current = approval("CURRENT", TODAY.minusDays(10), TODAY.plusDays(10), List.of("A", "B"));

        List<Finding> evaluate(String code, Optional<Approval> a, String dispatching, LocalDate start, LocalDate end,
                List<String> population) {
            return rule.judge(new ApprovedItemOnly.Context(code, a, dispatching, start, end, population, TODAY));
        }

        @Test
        void allowsAGenuineCurrentItemByTheOrganiserOrCoOrganiserWithinItsPeriod() {
            assertTrue(evaluate("DCJK-1", Optional.of(current), "370000-D-ENV", TODAY.minusDays(10),
                    TODAY.plusDays(10), List.of("A")).isEmpty());
            assertTrue(evaluate("DCJK-1", Optional.of(current), "370000-D-EDU", TODAY, TODAY,
                    List.of("B")).isEmpty());
        }

        @Test
        void refusesUnknownExpiredForeignOutOfPeriodAndUnapprovedTargets() {
            assertEquals("APPROVED-ITEM-ONLY", evaluate("X", Optional.empty(), "370000-D-ENV", TODAY, TODAY,
                    List.of()).get(0).rule());
            Approval expired = approval("EXPIRED", TODAY.minusDays(10), TODAY.plusDays(10), List.of("A"));
            assertFalse(Verdict.of(evaluate("DCJK-1", Optional.of(expired), "370000-D-ENV", TODAY, TODAY,
                    List.of("A"))).allows());
            assertFalse(Verdict.of(evaluate("DCJK-1", Optional.of(current), "370100-GOV", TODAY, TODAY,
                    List.of("A"))).allows());
            assertFalse(Verdict.of(evaluate("DCJK-1", Optional.of(current), "370000-D-ENV", TODAY,
                    TODAY.plusDays(11), List.of("A"))).allows());
            assertFalse(Verdict.of(evaluate("DCJK-1", Optional.of(current), "370000-D-ENV", TODAY, TODAY,
                    List.of("C"))).allows());
            assertEquals(Severity.PROHIBITED, evaluate("X", Optional.empty(), "u", TODAY, TODAY, List.of())
                    .get(0).severity());
        }
    }

    @Nested
    class FullProcessRecordRule {
        final FullProcessRecord rule = new FullProcessRecord();

        List<Finding> visit(boolean filed, String unit, Long entry) {
            return rule.judge(new FullProcessRecord.Context(filed, unit, entry));
        }

        @Test
        void aVisitNeedsItsItinerary() {
            assertTrue(visit(true, "A", 1L).isEmpty());
            List<Finding> refused = visit(false, "A", null);
            assertEquals("FULL-PROCESS-RECORD", refused.get(0).rule());
            assertTrue(refused.get(0).blocks());
        }
    }

    @Nested
    class SampleAtMostThirdRule {
        final SampleAtMostThird rule = new SampleAtMostThird(3);

        List<Finding> evaluate(int population, int size, boolean granted, Integer approvedMax) {
            return rule.judge(new SampleAtMostThird.Context(population, size, granted, approvedMax));
        }

        @Test
        void exactlyAThirdPassesOneMoreIsRefused() {
            assertTrue(evaluate(30, 10, false, null).isEmpty());
            assertTrue(evaluate(31, 10, false, null).isEmpty());
            Finding f = evaluate(30, 11, false, null).get(0);
            assertEquals(Severity.PRINCIPLE, f.severity());
            assertTrue(f.blocks());
        }

        @Test
        void roundsDown() {
            assertEquals(2, rule.max(8));
            assertFalse(Verdict.of(evaluate(8, 3, false, null)).allows());
        }

        @Test
        void theApprovedExceptionCoversUpToItsSizeAndIsRecorded() {
            List<Finding> granted = evaluate(30, 15, true, 15);
            assertEquals(1, granted.size());
            assertEquals(Boolean.TRUE, granted.get(0).exceptionGranted());
            assertFalse(granted.get(0).blocks());
            assertTrue(evaluate(30, 16, true, 15).get(0).blocks());
            assertTrue(evaluate(30, 15, false, 15).get(0).blocks());
        }

        @Test
        void theDrawIsReproducibleFromItsSeed() {
            List<String> population = IntStream.range(0, 30).mapToObj(i -> "U" + i).toList();
            List<String> a = Sampling.draw(population, 42L, 10);
            assertEquals(a, Sampling.draw(reversed(population), 42L, 10));
            assertEquals(10, a.stream().distinct().count());
            assertNotEquals(a, Sampling.draw(population, 43L, 10));
        }
    }

    static List<String> reversed(List<String> list) {
        List<String> r = new java.util.ArrayList<>(list);
        java.util.Collections.reverse(r);
        return r;
    }

    @Nested
    class UnannouncedRule {
        @Test
        void hiddenUntilTheVisitStarts() {
            Unannounced rule = new Unannounced();
            assertFalse(rule.visibleToInspectedUnit(true, false));
            assertTrue(rule.visibleToInspectedUnit(true, true));
            assertTrue(rule.visibleToInspectedUnit(false, false));
        }
    }

    @Nested
    class ReceptionBurdenRule {
        final ReceptionBurden rule = new ReceptionBurden(20);

        List<Finding> evaluate(Reception r) {
            return rule.judge(r);
        }

        Reception reception(List<Reception.Escort> escorts, boolean border, List<Reception.Briefing> briefings,
                boolean leaders, boolean overall, String reason) {
            return new Reception(escorts, border, briefings, leaders, overall, reason);
        }

        @Test
        void aPlainReceptionPasses() {
            assertTrue(evaluate(reception(List.of(new Reception.Escort("370102-D-ENV", "COUNTY", false)), false,
                    List.of(new Reception.Briefing(Reception.BriefingKind.WORK, 40)), false, false, null)).isEmpty());
        }

        @Test
        void counterpartLayeredBorderAndLargeBriefingsAreProhibited() {
            List<Finding> f = evaluate(reception(List.of(new Reception.Escort("370100-D-ENV", "CITY", true),
                            new Reception.Escort("370102-D-ENV", "COUNTY", false)), true,
                    List.of(new Reception.Briefing(Reception.BriefingKind.COMPREHENSIVE, 21)), false, false, null));
            assertEquals(List.of("COUNTERPART_ESCORT", "LAYERED_ESCORT", "BORDER_WELCOME", "LARGE_BRIEFING"),
                    f.stream().map(x -> x.facts().get("violation")).toList());
            assertTrue(f.stream().allMatch(x -> x.severity() == Severity.PROHIBITED && x.blocks()));
        }

        @Test
        void aBriefingOfExactlyTheLimitPasses() {
            assertTrue(evaluate(reception(List.of(), false,
                    List.of(new Reception.Briefing(Reception.BriefingKind.FULL, 20)), false, false, null)).isEmpty());
        }

        @Test
        void principalLeadersNeedARecordedReasonOfOverallImportance() {
            Finding without = evaluate(reception(List.of(), false, List.of(), true, false, null)).get(0);
            assertEquals(Severity.PRINCIPLE, without.severity());
            assertTrue(without.blocks());
            Finding claimedNoReason = evaluate(reception(List.of(), false, List.of(), true, true, " ")).get(0);
            assertTrue(claimedNoReason.blocks());
            Finding with = evaluate(reception(List.of(), false, List.of(), true, true,
                    "全省生态环境保护督察整改总体部署")).get(0);
            assertEquals(Boolean.TRUE, with.exceptionGranted());
            assertFalse(with.blocks());
        }
    }

    @Nested
    class FormBurdenRule {
        @Test
        void countsAreAdvisory() {
            FormBurden rule = new FormBurden();
            assertTrue(rule.judge(new Burden(0, 0, 0, 0, 0, 0)).isEmpty());
            Finding f = rule.judge(new Burden(3, 1, 0, 0, 1, 2)).get(0);
            assertEquals(Severity.ADVISORY, f.severity());
            assertFalse(f.blocks());
            assertEquals(3, f.facts().get("forms"));
        }

        @Test
        void art22ExamsAndQuizzesAreABurdenLikeSurveys() {
            FormBurden rule = new FormBurden();
            Finding f = rule.judge(new Burden(0, 0, 1, 0, 0, 0)).get(0);
            assertEquals(1, f.facts().get("exams"));
            assertTrue(f.message().contains("考试答题"));
            assertEquals(1, new Burden(0, 0, 1, 0, 0, 0).total());
        }
    }

    static Indicator ind(String name, IndicatorKind kind, String weight) {
        return new Indicator(name, kind, new BigDecimal(weight));
    }

    @Nested
    class ResultsNotTracesRule {
        final ResultsNotTraces rule = new ResultsNotTraces(new BigDecimal("0.20"));

        List<Finding> evaluate(String type, List<Indicator> indicators) {
            return rule.judge(new TargetIndicators(type, indicators));
        }

        @Test
        void exactlyTwentyPercentOfTracesPasses() {
            assertTrue(evaluate("COUNTY", List.of(ind("实绩", IndicatorKind.WORK_RESULTS, "0.80"),
                    ind("会议", IndicatorKind.MEETINGS_HELD, "0.10"),
                    ind("发文", IndicatorKind.DOCUMENTS_ISSUED, "0.10"))).isEmpty());
        }

        @Test
        void moreThanTwentyPercentTogetherIsRefused() {
            List<Finding> f = evaluate("COUNTY", List.of(ind("实绩", IndicatorKind.WORK_RESULTS, "0.79"),
                    ind("会议", IndicatorKind.MEETINGS_HELD, "0.10"), ind("发文", IndicatorKind.DOCUMENTS_ISSUED, "0.05"),
                    ind("台账", IndicatorKind.PAPERWORK_VOLUME, "0.06")));
            assertEquals("RESULTS-NOT-TRACES", f.get(0).rule());
            assertTrue(f.get(0).blocks());
        }
    }

    @Nested
    class NoAccountabilityQuotaRule {
        final NoAccountabilityQuota rule = new NoAccountabilityQuota(List.of("问责", "accountability"));

        List<Finding> evaluate(String type, List<Indicator> indicators) {
            return rule.judge(new TargetIndicators(type, indicators));
        }

        @Test
        void refusesByKindAndByName() {
            assertTrue(evaluate("T", List.of(ind("群众满意度", IndicatorKind.PUBLIC_SATISFACTION, "1"))).isEmpty());
            assertEquals(1, evaluate("T", List.of(ind("案件数", IndicatorKind.ACCOUNTABILITY_CASES, "0.1"))).size());
            assertEquals(1, evaluate("T", List.of(ind("问责人数", IndicatorKind.OTHER, "0.1"))).size());
            assertEquals(1, evaluate("T", List.of(ind("Accountability rate", IndicatorKind.OTHER, "0.1"))).size());
        }
    }

    @Nested
    class ProblemLedgerRule {
        final ProblemLedger rule = new ProblemLedger(7);

        @Test
        void lightsAroundTheSeventhDay() {
            assertEquals(ProblemLedger.Light.GREEN, rule.light(TODAY.plusDays(8), TODAY, false));
            assertEquals(ProblemLedger.Light.YELLOW, rule.light(TODAY.plusDays(7), TODAY, false));
            assertEquals(ProblemLedger.Light.YELLOW, rule.light(TODAY, TODAY, false));
            assertEquals(ProblemLedger.Light.RED, rule.light(TODAY.minusDays(1), TODAY, false));
            assertEquals(null, rule.light(TODAY.minusDays(1), TODAY, true));
        }
    }

    @Nested
    class CommendationExemptsRule {
        final CommendationExempts rule = new CommendationExempts();

        List<Finding> evaluate(boolean provincial, boolean target, String unit) {
            return rule.judge(new CommendationExempts.Context(provincial, target, unit));
        }

        @Test
        void onlyTargetsOfTheProvincialComprehensiveInspectionNextYear() {
            assertTrue(evaluate(true, true, "370102-GOV").isEmpty());
            assertFalse(Verdict.of(evaluate(false, true, "370102-GOV")).allows());
            assertFalse(Verdict.of(evaluate(true, false, "370102-GOV")).allows());
            assertEquals(2027, rule.exemptionYear(2026));
        }
    }

    @Nested
    class Art10OnSiteAsApproved {
        final OnSiteAsApproved rule = new OnSiteAsApproved();

        @Test
        void art10AnItemApprovedAsNotOnSiteGetsNoFieldWork() {
            List<Finding> f = rule.judge(new OnSiteAsApproved.Context("A", false, false, false, SiteType.OFFICE, 0, 0));
            assertEquals(1, f.size());
            assertEquals(Severity.PROHIBITED, f.get(0).severity());
            assertEquals("ON-SITE-AS-APPROVED", f.get(0).rule());
            assertTrue(rule.judge(new OnSiteAsApproved.Context("A", true, false, false, SiteType.OFFICE, 0, 0)).isEmpty());
        }

        @Test
        void art10OnlyTheDrawnSampleIsVisited() {
            assertTrue(rule.judge(new OnSiteAsApproved.Context("A", true, true, true, SiteType.OFFICE, 0, 0)).isEmpty());
            assertEquals("OUTSIDE_SAMPLE", rule.judge(new OnSiteAsApproved.Context("B", true, true, false,
                    SiteType.OFFICE, 0, 0)).get(0).facts().get("abuse"));
        }

        @Test
        void art10ConstructionSiteVisitsStayWithinTheApprovedNumber() {
            // none approved: the first is refused
            assertFalse(Verdict.of(rule.judge(new OnSiteAsApproved.Context("A", true, false, false,
                    SiteType.CONSTRUCTION_SITE, 0, 0))).allows());
            // two approved: the second passes, the third does not
            assertTrue(rule.judge(new OnSiteAsApproved.Context("A", true, false, false, SiteType.CONSTRUCTION_SITE, 2,
                    1)).isEmpty());
            assertFalse(Verdict.of(rule.judge(new OnSiteAsApproved.Context("A", true, false, false,
                    SiteType.CONSTRUCTION_SITE, 2, 2))).allows());
            // other sites are not counted
            assertTrue(rule.judge(new OnSiteAsApproved.Context("A", true, false, false, SiteType.ENTERPRISE, 0, 5))
                    .isEmpty());
        }
    }

    @Nested
    class Art13DifferentiatedIndicators {
        final DifferentiatedIndicators rule = new DifferentiatedIndicators();
        final List<Indicator> set = List.of(ind("实绩", IndicatorKind.WORK_RESULTS, "0.6"),
                ind("满意度", IndicatorKind.PUBLIC_SATISFACTION, "0.4"));

        @Test
        void art13OneSetForEveryKindOfTargetIsFlagged() {
            List<Finding> f = rule.judge(List.of(new TargetIndicators("COUNTY", set),
                    new TargetIndicators("TOWNSHIP", set)));
            assertEquals(1, f.size());
            assertEquals(Severity.ADVISORY, f.get(0).severity());
            assertFalse(f.get(0).blocks());
            assertEquals(List.of("COUNTY", "TOWNSHIP"), f.get(0).facts().get("targetTypes"));
            assertEquals(1, rule.judge(List.of(new TargetIndicators("ALL", set))).size());
        }

        @Test
        void art13OneWeightDifferentIsDifferentiated() {
            List<Indicator> other = List.of(ind("实绩", IndicatorKind.WORK_RESULTS, "0.7"),
                    ind("满意度", IndicatorKind.PUBLIC_SATISFACTION, "0.3"));
            assertTrue(rule.judge(List.of(new TargetIndicators("COUNTY", set), new TargetIndicators("TOWNSHIP", other)))
                    .isEmpty());
            // order of the indicators and trailing zeros do not make a set different
            List<Indicator> reordered = List.of(ind("满意度", IndicatorKind.PUBLIC_SATISFACTION, "0.40"),
                    ind("实绩", IndicatorKind.WORK_RESULTS, "0.60"));
            assertEquals(1, rule.judge(List.of(new TargetIndicators("COUNTY", set),
                    new TargetIndicators("TOWNSHIP", reordered))).size());
        }
    }

    @Nested
    class Art14MainBasisByTheText {
        final ResultsNotTraces rule = new ResultsNotTraces(new BigDecimal("0.50"));

        @Test
        void art14HalfIsNotTheMainBasisMoreThanHalfIs() {
            assertTrue(rule.judge(new TargetIndicators("COUNTY", List.of(ind("实绩", IndicatorKind.WORK_RESULTS, "0.50"),
                    ind("会议", IndicatorKind.MEETINGS_HELD, "0.30"), ind("发文", IndicatorKind.DOCUMENTS_ISSUED, "0.20"))))
                    .isEmpty());
            assertEquals(1, rule.judge(new TargetIndicators("COUNTY", List.of(ind("实绩", IndicatorKind.WORK_RESULTS,
                    "0.49"), ind("会议", IndicatorKind.MEETINGS_HELD, "0.31"),
                    ind("发文", IndicatorKind.DOCUMENTS_ISSUED, "0.20")))).size());
        }
    }

    @Nested
    class Art15And18Records {
        @Test
        void art15TheUnannouncedInspectionIsRecordedAsHidden() {
            Unannounced rule = new Unannounced();
            assertEquals(Severity.RECORD, rule.judge(new Unannounced.Context(true, false)).get(0).severity());
            assertFalse(rule.judge(new Unannounced.Context(true, false)).get(0).blocks());
            assertTrue(rule.judge(new Unannounced.Context(true, true)).isEmpty());
        }

        @Test
        void art18AnOverdueFindingIsRecordedTheDeadlineDayIsNot() {
            ProblemLedger rule = new ProblemLedger(7);
            assertTrue(rule.judge(new ProblemLedger.Context(TODAY, TODAY, false)).isEmpty());
            assertEquals(1, rule.judge(new ProblemLedger.Context(TODAY.minusDays(1), TODAY, false)).size());
            assertTrue(rule.judge(new ProblemLedger.Context(TODAY.minusDays(1), TODAY, true)).isEmpty());
        }
    }

    @Nested
    class Art26NoAccountabilityForRectification {
        final NoAccountabilityForRectification rule = new NoAccountabilityForRectification(
                List.of("问责", "处分", "accountab"));

        @Test
        void art26EvidenceOfAccountabilityAloneClosesNothing() {
            List<Finding> f = rule.judge(new NoAccountabilityForRectification.Context(true,
                    List.of("对3人问责", "给予警告处分")));
            assertEquals(1, f.size());
            assertEquals(Severity.PROHIBITED, f.get(0).severity());
            assertEquals(List.of(26), f.get(0).articles());
        }

        @Test
        void art26OnePieceOfRealRectificationIsEnoughAndSendingBackIsFree() {
            assertTrue(rule.judge(new NoAccountabilityForRectification.Context(true,
                    List.of("对3人问责", "整改验收报告"))).isEmpty());
            assertTrue(rule.judge(new NoAccountabilityForRectification.Context(false,
                    List.of("对3人问责"))).isEmpty());
        }
    }
}
