package cn.dcjk.inspections.rules;

import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.common.rule.Verdict;
import cn.dcjk.inspections.assessment.Indicator;
import cn.dcjk.inspections.assessment.IndicatorKind;
import cn.dcjk.inspections.inspection.Burden;
import cn.dcjk.inspections.inspection.InspectionService;
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
                false);
    }

    @Nested
    class ApprovedItemOnlyRule {
        final ApprovedItemOnly rule = new ApprovedItemOnly();
        final Approval current = approval("CURRENT", TODAY.minusDays(10), TODAY.plusDays(10), List.of("A", "B"));

        @Test
        void allowsAGenuineCurrentItemByTheOrganiserOrCoOrganiserWithinItsPeriod() {
            assertTrue(rule.evaluate("DCJK-1", Optional.of(current), "370000-D-ENV", TODAY.minusDays(10),
                    TODAY.plusDays(10), List.of("A")).isEmpty());
            assertTrue(rule.evaluate("DCJK-1", Optional.of(current), "370000-D-EDU", TODAY, TODAY,
                    List.of("B")).isEmpty());
        }

        @Test
        void refusesUnknownExpiredForeignOutOfPeriodAndUnapprovedTargets() {
            assertEquals("APPROVED-ITEM-ONLY", rule.evaluate("X", Optional.empty(), "370000-D-ENV", TODAY, TODAY,
                    List.of()).get(0).rule());
            Approval expired = approval("EXPIRED", TODAY.minusDays(10), TODAY.plusDays(10), List.of("A"));
            assertFalse(Verdict.of(rule.evaluate("DCJK-1", Optional.of(expired), "370000-D-ENV", TODAY, TODAY,
                    List.of("A"))).allows());
            assertFalse(Verdict.of(rule.evaluate("DCJK-1", Optional.of(current), "370100-GOV", TODAY, TODAY,
                    List.of("A"))).allows());
            assertFalse(Verdict.of(rule.evaluate("DCJK-1", Optional.of(current), "370000-D-ENV", TODAY,
                    TODAY.plusDays(11), List.of("A"))).allows());
            assertFalse(Verdict.of(rule.evaluate("DCJK-1", Optional.of(current), "370000-D-ENV", TODAY, TODAY,
                    List.of("C"))).allows());
            assertEquals(Severity.PROHIBITED, rule.evaluate("X", Optional.empty(), "u", TODAY, TODAY, List.of())
                    .get(0).severity());
        }
    }

    @Nested
    class FullProcessRecordRule {
        @Test
        void aVisitNeedsItsItinerary() {
            FullProcessRecord rule = new FullProcessRecord();
            assertTrue(rule.visit(true, "A", 1L).isEmpty());
            List<Finding> refused = rule.visit(false, "A", null);
            assertEquals("FULL-PROCESS-RECORD", refused.get(0).rule());
            assertTrue(refused.get(0).blocks());
        }
    }

    @Nested
    class SampleAtMostThirdRule {
        final SampleAtMostThird rule = new SampleAtMostThird(3);

        @Test
        void exactlyAThirdPassesOneMoreIsRefused() {
            assertTrue(rule.evaluate(30, 10, false, null).isEmpty());
            assertTrue(rule.evaluate(31, 10, false, null).isEmpty());
            Finding f = rule.evaluate(30, 11, false, null).get(0);
            assertEquals(Severity.PRINCIPLE, f.severity());
            assertTrue(f.blocks());
        }

        @Test
        void roundsDown() {
            assertEquals(2, rule.max(8));
            assertFalse(Verdict.of(rule.evaluate(8, 3, false, null)).allows());
        }

        @Test
        void theApprovedExceptionCoversUpToItsSizeAndIsRecorded() {
            List<Finding> granted = rule.evaluate(30, 15, true, 15);
            assertEquals(1, granted.size());
            assertEquals(Boolean.TRUE, granted.get(0).exceptionGranted());
            assertFalse(granted.get(0).blocks());
            assertTrue(rule.evaluate(30, 16, true, 15).get(0).blocks());
            assertTrue(rule.evaluate(30, 15, false, 15).get(0).blocks());
        }

        @Test
        void theDrawIsReproducibleFromItsSeed() {
            List<String> population = IntStream.range(0, 30).mapToObj(i -> "U" + i).toList();
            List<String> a = InspectionService.draw(population, 42L, 10);
            assertEquals(a, InspectionService.draw(reversed(population), 42L, 10));
            assertEquals(10, a.stream().distinct().count());
            assertNotEquals(a, InspectionService.draw(population, 43L, 10));
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

        Reception reception(List<Reception.Escort> escorts, boolean border, List<Reception.Briefing> briefings,
                boolean leaders, boolean overall, String reason) {
            return new Reception(escorts, border, briefings, leaders, overall, reason);
        }

        @Test
        void aPlainReceptionPasses() {
            assertTrue(rule.evaluate(reception(List.of(new Reception.Escort("370102-D-ENV", "COUNTY", false)), false,
                    List.of(new Reception.Briefing(Reception.BriefingKind.WORK, 40)), false, false, null)).isEmpty());
        }

        @Test
        void counterpartLayeredBorderAndLargeBriefingsAreProhibited() {
            List<Finding> f = rule.evaluate(reception(List.of(new Reception.Escort("370100-D-ENV", "CITY", true),
                            new Reception.Escort("370102-D-ENV", "COUNTY", false)), true,
                    List.of(new Reception.Briefing(Reception.BriefingKind.COMPREHENSIVE, 21)), false, false, null));
            assertEquals(List.of("COUNTERPART_ESCORT", "LAYERED_ESCORT", "BORDER_WELCOME", "LARGE_BRIEFING"),
                    f.stream().map(x -> x.facts().get("violation")).toList());
            assertTrue(f.stream().allMatch(x -> x.severity() == Severity.PROHIBITED && x.blocks()));
        }

        @Test
        void aBriefingOfExactlyTheLimitPasses() {
            assertTrue(rule.evaluate(reception(List.of(), false,
                    List.of(new Reception.Briefing(Reception.BriefingKind.FULL, 20)), false, false, null)).isEmpty());
        }

        @Test
        void principalLeadersNeedARecordedReasonOfOverallImportance() {
            Finding without = rule.evaluate(reception(List.of(), false, List.of(), true, false, null)).get(0);
            assertEquals(Severity.PRINCIPLE, without.severity());
            assertTrue(without.blocks());
            Finding claimedNoReason = rule.evaluate(reception(List.of(), false, List.of(), true, true, " ")).get(0);
            assertTrue(claimedNoReason.blocks());
            Finding with = rule.evaluate(reception(List.of(), false, List.of(), true, true,
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
            assertTrue(rule.evaluate(new Burden(0, 0, 0, 0, 0)).isEmpty());
            Finding f = rule.evaluate(new Burden(3, 1, 0, 1, 2)).get(0);
            assertEquals(Severity.ADVISORY, f.severity());
            assertFalse(f.blocks());
            assertEquals(3, f.facts().get("forms"));
        }
    }

    static Indicator ind(String name, IndicatorKind kind, String weight) {
        return new Indicator(name, kind, new BigDecimal(weight));
    }

    @Nested
    class ResultsNotTracesRule {
        final ResultsNotTraces rule = new ResultsNotTraces(new BigDecimal("0.20"));

        @Test
        void exactlyTwentyPercentOfTracesPasses() {
            assertTrue(rule.evaluate("COUNTY", List.of(ind("实绩", IndicatorKind.WORK_RESULTS, "0.80"),
                    ind("会议", IndicatorKind.MEETINGS_HELD, "0.10"),
                    ind("发文", IndicatorKind.DOCUMENTS_ISSUED, "0.10"))).isEmpty());
        }

        @Test
        void moreThanTwentyPercentTogetherIsRefused() {
            List<Finding> f = rule.evaluate("COUNTY", List.of(ind("实绩", IndicatorKind.WORK_RESULTS, "0.79"),
                    ind("会议", IndicatorKind.MEETINGS_HELD, "0.10"), ind("发文", IndicatorKind.DOCUMENTS_ISSUED, "0.05"),
                    ind("台账", IndicatorKind.PAPERWORK_VOLUME, "0.06")));
            assertEquals("RESULTS-NOT-TRACES", f.get(0).rule());
            assertTrue(f.get(0).blocks());
        }
    }

    @Nested
    class NoAccountabilityQuotaRule {
        final NoAccountabilityQuota rule = new NoAccountabilityQuota(List.of("问责", "accountability"));

        @Test
        void refusesByKindAndByName() {
            assertTrue(rule.evaluate("T", List.of(ind("群众满意度", IndicatorKind.PUBLIC_SATISFACTION, "1"))).isEmpty());
            assertEquals(1, rule.evaluate("T", List.of(ind("案件数", IndicatorKind.ACCOUNTABILITY_CASES, "0.1"))).size());
            assertEquals(1, rule.evaluate("T", List.of(ind("问责人数", IndicatorKind.OTHER, "0.1"))).size());
            assertEquals(1, rule.evaluate("T", List.of(ind("Accountability rate", IndicatorKind.OTHER, "0.1"))).size());
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
        @Test
        void onlyTargetsOfTheProvincialComprehensiveInspectionNextYear() {
            CommendationExempts rule = new CommendationExempts();
            assertTrue(rule.evaluate(true, true, "370102-GOV").isEmpty());
            assertFalse(Verdict.of(rule.evaluate(false, true, "370102-GOV")).allows());
            assertFalse(Verdict.of(rule.evaluate(true, false, "370102-GOV")).allows());
            assertEquals(2027, rule.exemptionYear(2026));
        }
    }
}
