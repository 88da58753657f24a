package cn.dcjk.plans.rule;

import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.plans.calendar.NoMeetingMonth;
import cn.dcjk.plans.plan.ActingName;
import cn.dcjk.plans.plan.Category;
import cn.dcjk.plans.plan.LeaderRank;
import cn.dcjk.plans.plan.Plan;
import cn.dcjk.plans.plan.PlanItem;
import cn.dcjk.plans.plan.PlanStatus;
import cn.dcjk.plans.plan.PlanType;
import cn.dcjk.plans.unit.Branch;
import cn.dcjk.plans.unit.Unit;
import cn.dcjk.plans.unit.UnitKind;
import cn.dcjk.plans.unit.UnitLevel;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each plan rule by itself: allowed, refused, and the boundary. The stored items a rule compares
 * with come from an in-memory {@link Candidates}; the SQL behind it is exercised by the REST tests.
 */
class PlanRulesTest {

    static final Unit PROVINCE_ENV = unit("370000-D-ENV", UnitLevel.PROVINCE, UnitKind.DEPARTMENT, "370000");
    static final Unit PROVINCE_GOV = unit("370000-GOV", UnitLevel.PROVINCE, UnitKind.GOVERNMENT, "370000");
    static final Unit PROVINCE_CB = unit("370000-CB-SAFETY", UnitLevel.PROVINCE, UnitKind.COORDINATION_BODY, "370000");
    static final Unit COUNTY_GOV = unit("370102-GOV", UnitLevel.COUNTY, UnitKind.GOVERNMENT, "370102");
    static final Unit COUNTY_GO = unit("370102-GO", UnitLevel.COUNTY, UnitKind.GOVERNMENT_OFFICE, "370102");
    static final Unit COUNTY_ENV = unit("370102-D-ENV", UnitLevel.COUNTY, UnitKind.DEPARTMENT, "370102");
    static final Unit COUNTY_ENV2 = unit("370211-D-ENV", UnitLevel.COUNTY, UnitKind.DEPARTMENT, "370211");

    static Unit unit(String code, UnitLevel level, UnitKind kind, String region) {
        Unit u = new Unit();
        u.code = code;
        u.level = level;
        u.kind = kind;
        u.regionCode = region;
        u.branch = Branch.GOVERNMENT;
        u.name = code;
        return u;
    }

    /** Stored items and registries as plain collections. */
    static final class Store implements Candidates {
        final List<PlanItem> approved = new ArrayList<>();
        final List<NoMeetingMonth> months = new ArrayList<>();
        final Map<String, Integer> exempt = new HashMap<>();
        final Map<String, Integer> baselines = new HashMap<>();

        @Override
        public long approvedCount(String organiser, int year, Category category, Long excludeItemId) {
            return approved.stream().filter(i -> i.organiserUnitCode.equals(organiser) && i.year == year
                    && i.category == category).count();
        }

        @Override
        public List<PlanItem> nearby(PlanItem item, int gapDays) {
            return approved;
        }

        @Override
        public List<PlanItem> visitsTo(Collection<String> unitCodes, LocalDate from, LocalDate to, Long excludeItemId) {
            return approved.stream().filter(i -> i.onSite && i.targetUnitCodes.stream().anyMatch(unitCodes::contains)).toList();
        }

        @Override
        public Set<String> exempt(Collection<String> unitCodes, int year) {
            Set<String> s = new java.util.HashSet<>();
            unitCodes.stream().filter(u -> Integer.valueOf(year).equals(exempt.get(u))).forEach(s::add);
            return s;
        }

        @Override
        public List<NoMeetingMonth> noMeetingMonths(int fromYear, int toYear) {
            return months;
        }

        @Override
        public long grassrootsItems(String organiser, int year) {
            return approved.stream().filter(i -> i.grassroots && i.year == year).count();
        }

        @Override
        public Optional<Integer> recordedBaseline(String organiser, int year) {
            return Optional.ofNullable(baselines.get(organiser + "/" + year));
        }
    }

    static final PlanRuleParameters DEFAULTS = new PlanRuleParameters() {
        public String submissionDeadline() { return "01-31"; }
        public int comprehensiveCap() { return 1; }
        public int observationCap() { return 2; }
        public double similarityThreshold() { return 0.6; }
        public int seriesGapDays() { return 30; }
        public int sampleDivisor() { return 3; }
        public int deploymentGapDays() { return 60; }
        public List<String> foldedTopics() { return List.of("安全生产|work safety", "乡村振兴|rural revitalisation"); }
        public double grassrootsReduction() { return 0.5; }
        public int baselineYear() { return 2018; }
        public int urgentValidityDays() { return 90; }
        public int visitsPerDay() { return 1; }
        public int visitsPerWeek() { return 2; }
        public int visitsPerMonth() { return 3; }
    };

    static long ids = 100;

    static PlanItem item(Category category) {
        PlanItem i = new PlanItem();
        i.id = ids++;
        i.title = "生态环境专项检查";
        i.category = category;
        i.activityWord = "检查";
        i.organiserUnitCode = PROVINCE_ENV.code;
        i.actingName = ActingName.OWN;
        i.targetUnitCodes = new ArrayList<>(List.of(COUNTY_ENV.code));
        i.targetRegionPrefix = "370102";
        i.periodStart = LocalDate.of(2027, 5, 10);
        i.periodEnd = LocalDate.of(2027, 5, 20);
        i.year = 2027;
        i.topics = new ArrayList<>(List.of("大气污染防治"));
        return i;
    }

    static Plan plan(PlanType type) {
        Plan p = new Plan();
        p.id = 1L;
        p.type = type;
        p.year = 2027;
        p.organiserUnitCode = PROVINCE_ENV.code;
        p.status = PlanStatus.DRAFT;
        return p;
    }

    static List<Finding> check(ItemPolicy policy, PlanItem item, Store store) {
        return check(policy, item, plan(PlanType.ANNUAL), store, Stage.SUBMISSION, LocalDate.of(2026, 12, 1), List.of(),
                PROVINCE_ENV);
    }

    static List<Finding> check(ItemPolicy policy, PlanItem item, Plan plan, Store store, Stage stage, LocalDate today,
            List<PlanItem> earlier, Unit organiser) {
        Map<String, Unit> units = new HashMap<>();
        for (Unit u : List.of(PROVINCE_ENV, PROVINCE_GOV, PROVINCE_CB, COUNTY_GOV, COUNTY_GO, COUNTY_ENV, COUNTY_ENV2)) {
            units.put(u.code, u);
        }
        return policy.check(new ItemContext(item, plan, organiser, units, earlier, stage, today, DEFAULTS, store));
    }

    static void refused(List<Finding> findings, String rule, Severity severity) {
        assertEquals(1, findings.size(), () -> "expected one finding, got " + findings);
        assertEquals(rule, findings.get(0).rule());
        assertEquals(severity, findings.get(0).severity());
        assertFalse(findings.get(0).articles().isEmpty());
        assertFalse(findings.get(0).message().isBlank());
        assertFalse(findings.get(0).messageEn().isBlank());
    }

    @Nested
    class AnnualPlanRequired {
        @Test
        void aSingleMatterRequestWithOneItemPasses() {
            assertTrue(check(PlanRules.ANNUAL_PLAN_REQUIRED, item(Category.SPECIAL), plan(PlanType.SINGLE_MATTER),
                    new Store(), Stage.SUBMISSION, LocalDate.of(2026, 12, 1), List.of(), PROVINCE_ENV).isEmpty());
        }

        @Test
        void aSecondItemInASingleMatterRequestIsRefused() {
            refused(check(PlanRules.ANNUAL_PLAN_REQUIRED, item(Category.SPECIAL), plan(PlanType.SINGLE_MATTER),
                    new Store(), Stage.SUBMISSION, LocalDate.of(2026, 12, 1), List.of(item(Category.SPECIAL)),
                    PROVINCE_ENV), "ANNUAL-PLAN-REQUIRED", Severity.PROHIBITED);
        }

        @Test
        void anAnnualPlanHoldsMany() {
            assertTrue(check(PlanRules.ANNUAL_PLAN_REQUIRED, item(Category.SPECIAL), plan(PlanType.ANNUAL), new Store(),
                    Stage.SUBMISSION, LocalDate.of(2026, 12, 1), List.of(item(Category.SPECIAL)), PROVINCE_ENV).isEmpty());
        }
    }

    @Nested
    class SubmissionWindow {
        List<Finding> on(LocalDate day) {
            return check(PlanRules.PLAN_SUBMISSION_WINDOW, item(Category.SPECIAL), plan(PlanType.ANNUAL), new Store(),
                    Stage.SUBMISSION, day, List.of(), PROVINCE_ENV);
        }

        @Test
        void theYearBeforeIsOnTime() {
            assertTrue(on(LocalDate.of(2026, 11, 27)).isEmpty());
        }

        @Test
        void theLastDayOfJanuaryIsTheBoundary() {
            assertTrue(on(LocalDate.of(2027, 1, 31)).isEmpty());
            refused(on(LocalDate.of(2027, 2, 1)), "PLAN-SUBMISSION-WINDOW", Severity.PRINCIPLE);
        }

        @Test
        void singleMatterRequestsComeAtAnyTime() {
            assertTrue(check(PlanRules.PLAN_SUBMISSION_WINDOW, item(Category.SPECIAL), plan(PlanType.SINGLE_MATTER),
                    new Store(), Stage.SUBMISSION, LocalDate.of(2027, 8, 1), List.of(), PROVINCE_ENV).isEmpty());
        }
    }

    @Nested
    class NoSelfSetItems {
        @Test
        void aDepartmentWithALegalBasisMayTargetLowerGovernments() {
            PlanItem i = item(Category.SPECIAL);
            i.targetUnitCodes = new ArrayList<>(List.of(COUNTY_GOV.code));
            i.legalBasis = "国务院文件";
            assertTrue(check(PlanRules.NO_SELF_SET_ITEMS, i, new Store()).isEmpty());
        }

        @Test
        void withoutOneItIsRefused() {
            PlanItem i = item(Category.SPECIAL);
            i.targetUnitCodes = new ArrayList<>(List.of(COUNTY_GOV.code));
            refused(check(PlanRules.NO_SELF_SET_ITEMS, i, new Store()), "NO-SELF-SET-ITEMS", Severity.PROHIBITED);
        }

        @Test
        void targetingLowerDepartmentsNeedsNone() {
            assertTrue(check(PlanRules.NO_SELF_SET_ITEMS, item(Category.SPECIAL), new Store()).isEmpty());
        }

        @Test
        void aRegionWideItemIsItsOwnRequest() {
            PlanItem i = item(Category.SPECIAL);
            i.regionWide = true;
            refused(check(PlanRules.NO_SELF_SET_ITEMS, i, new Store()), "NO-SELF-SET-ITEMS", Severity.PROHIBITED);
            assertTrue(check(PlanRules.NO_SELF_SET_ITEMS, i, plan(PlanType.SINGLE_MATTER), new Store(), Stage.SUBMISSION,
                    LocalDate.of(2026, 12, 1), List.of(), PROVINCE_ENV).isEmpty());
        }
    }

    @Nested
    class Caps {
        @Test
        void oneComprehensiveItemPassesTheSecondIsRefused() {
            Store store = new Store();
            assertTrue(check(PlanRules.COMPREHENSIVE_CAP, item(Category.COMPREHENSIVE), store).isEmpty());
            store.approved.add(item(Category.COMPREHENSIVE));
            List<Finding> f = check(PlanRules.COMPREHENSIVE_CAP, item(Category.COMPREHENSIVE), store);
            refused(f, "COMPREHENSIVE-CAP", Severity.PRINCIPLE);
            assertEquals(2L, f.get(0).facts().get("count"));
            assertEquals(1, f.get(0).facts().get("cap"));
        }

        @Test
        void twoObservationItemsAreTheCap() {
            Store store = new Store();
            store.approved.add(item(Category.OBSERVATION_EVALUATION));
            assertTrue(check(PlanRules.OBSERVATION_CAP, item(Category.OBSERVATION_EVALUATION), store).isEmpty());
            store.approved.add(item(Category.OBSERVATION_EVALUATION));
            refused(check(PlanRules.OBSERVATION_CAP, item(Category.OBSERVATION_EVALUATION), store), "OBSERVATION-CAP",
                    Severity.PRINCIPLE);
        }

        @Test
        void earlierItemsOfTheSamePlanCount() {
            refused(check(PlanRules.COMPREHENSIVE_CAP, item(Category.COMPREHENSIVE), plan(PlanType.ANNUAL), new Store(),
                    Stage.SUBMISSION, LocalDate.of(2026, 12, 1), List.of(item(Category.COMPREHENSIVE)), PROVINCE_ENV),
                    "COMPREHENSIVE-CAP", Severity.PRINCIPLE);
        }
    }

    @Nested
    class SimilarItems {
        @Test
        void aHighlySimilarItemOnTheSamePlaceWithinThirtyDaysIsASeries() {
            Store store = new Store();
            PlanItem other = item(Category.SPECIAL);
            other.periodStart = LocalDate.of(2027, 6, 19);
            other.periodEnd = LocalDate.of(2027, 6, 25);
            store.approved.add(other);
            // 30 days after 2027-05-20 is 2027-06-19: the last day of the gap still counts
            List<Finding> f = check(PlanRules.NO_SIMILAR_SERIES, item(Category.SPECIAL), store);
            refused(f, "NO-SIMILAR-SERIES", Severity.PROHIBITED);
            assertEquals(other.id, f.get(0).facts().get("clashingItemId"));
            other.periodStart = LocalDate.of(2027, 6, 20);
            assertTrue(check(PlanRules.NO_SIMILAR_SERIES, item(Category.SPECIAL), store).isEmpty());
        }

        @Test
        void anotherPlaceIsNoSeries() {
            Store store = new Store();
            PlanItem other = item(Category.SPECIAL);
            other.targetUnitCodes = new ArrayList<>(List.of(COUNTY_ENV2.code));
            store.approved.add(other);
            assertTrue(check(PlanRules.NO_SIMILAR_SERIES, item(Category.SPECIAL), store).isEmpty());
        }

        @Test
        void similarityIsTheLargerOfTopicsAndTitles() {
            PlanItem a = item(Category.SPECIAL);
            PlanItem b = item(Category.SPECIAL);
            b.title = "完全不同的题目";
            b.topics = new ArrayList<>(List.of("大气污染防治"));
            assertEquals(1.0, PlanRules.similarity(a, b));
            b.topics = new ArrayList<>(List.of("教育"));
            assertTrue(PlanRules.similarity(a, b) < 0.6);
        }

        @Test
        void sharedTopicBelowTheThresholdIsProposedForMerging() {
            Store store = new Store();
            PlanItem other = item(Category.SPECIAL);
            other.title = "工业企业排放调查";
            other.organiserUnitCode = "370000-D-EM";
            other.topics = new ArrayList<>(List.of("大气污染防治", "安全生产", "应急", "危化品"));
            store.approved.add(other);
            List<Finding> f = check(PlanRules.MERGE_SIMILAR, item(Category.SPECIAL), store);
            refused(f, "MERGE-SIMILAR", Severity.ADVISORY);
            assertEquals(other.id, f.get(0).facts().get("mergeWithItemId"));
            assertTrue(((Collection<?>) f.get(0).facts().get("organisers")).contains("370000-D-EM"));
        }
    }

    @Nested
    class Banners {
        @Test
        void aDepartmentInItsOwnNameIsFine() {
            assertTrue(check(PlanRules.NO_BORROWED_BANNER, item(Category.SPECIAL), new Store()).isEmpty());
        }

        @Test
        void aDepartmentInTheGovernmentsNameIsRefused() {
            PlanItem i = item(Category.SPECIAL);
            i.actingName = ActingName.GOVERNMENT;
            refused(check(PlanRules.NO_BORROWED_BANNER, i, new Store()), "NO-BORROWED-BANNER", Severity.PROHIBITED);
            i.actingName = ActingName.COORDINATION_BODY;
            refused(check(PlanRules.NO_BORROWED_BANNER, i, new Store()), "NO-BORROWED-BANNER", Severity.PROHIBITED);
        }

        @Test
        void aCoordinationBodyNeedsARecordedApproval() {
            PlanItem i = item(Category.SPECIAL);
            i.actingName = ActingName.GOVERNMENT;
            Plan plan = plan(PlanType.ANNUAL);
            refused(check(PlanRules.NO_BORROWED_BANNER, i, plan, new Store(), Stage.SUBMISSION, LocalDate.of(2026, 12, 1),
                    List.of(), PROVINCE_CB), "NO-BORROWED-BANNER", Severity.PROHIBITED);
            i.actingApprovalReference = "鲁政办字〔2027〕1号";
            assertTrue(check(PlanRules.NO_BORROWED_BANNER, i, plan, new Store(), Stage.SUBMISSION,
                    LocalDate.of(2026, 12, 1), List.of(), PROVINCE_CB).isEmpty());
        }

        @Test
        void noticesToLowerGovernmentsAndTheirOfficesAreRefused() {
            PlanItem i = item(Category.SPECIAL);
            i.noticeRecipientUnitCodes = new ArrayList<>(List.of(COUNTY_ENV.code));
            assertTrue(check(PlanRules.NO_NOTICE_TO_LOWER_COMMITTEE, i, new Store()).isEmpty());
            i.noticeRecipientUnitCodes = new ArrayList<>(List.of(COUNTY_ENV.code, COUNTY_GO.code));
            List<Finding> f = check(PlanRules.NO_NOTICE_TO_LOWER_COMMITTEE, i, new Store());
            refused(f, "NO-NOTICE-TO-LOWER-COMMITTEE", Severity.PROHIBITED);
            assertEquals(List.of("370102-GO"), f.get(0).facts().get("recipients"));
        }
    }

    @Nested
    class OnSite {
        @Test
        void noMeetingMonthsTouchedByThePeriodAreFlagged() {
            Store store = new Store();
            NoMeetingMonth m = new NoMeetingMonth();
            m.year = 2027;
            m.month = 6;
            m.regionCode = "370000";
            store.months.add(m);
            PlanItem i = item(Category.SPECIAL);
            i.onSite = true;
            assertTrue(check(PlanRules.NO_MEETING_MONTH, i, store).isEmpty());
            i.periodEnd = LocalDate.of(2027, 6, 1);
            refused(check(PlanRules.NO_MEETING_MONTH, i, store), "NO-MEETING-MONTH", Severity.PRINCIPLE);
            m.regionCode = "370200";
            assertTrue(check(PlanRules.NO_MEETING_MONTH, i, store).isEmpty());
        }

        @Test
        void regionWideOnSiteNeedsAUnifiedDeployment() {
            PlanItem i = item(Category.SPECIAL);
            i.onSite = true;
            i.regionWide = true;
            refused(check(PlanRules.ON_SITE_REGION_WIDE, i, new Store()), "ON-SITE-REGION-WIDE", Severity.PROHIBITED);
            i.unifiedDeployment = true;
            assertTrue(check(PlanRules.ON_SITE_REGION_WIDE, i, new Store()).isEmpty());
        }

        @Test
        void exactlyAThirdIsAllowedOneMoreIsNot() {
            PlanItem i = item(Category.SPECIAL);
            i.onSite = true;
            i.samplingPopulation = 10;
            i.samplingSize = 3;
            assertTrue(check(PlanRules.SAMPLE_AT_MOST_THIRD, i, new Store()).isEmpty());
            i.samplingSize = 4;
            List<Finding> f = check(PlanRules.SAMPLE_AT_MOST_THIRD, i, new Store());
            refused(f, "SAMPLE-AT-MOST-THIRD", Severity.PRINCIPLE);
            assertEquals(3, f.get(0).facts().get("maxSample"));
            assertEquals(3, PlanRules.maxSample(9, 3));
            assertEquals(2, PlanRules.maxSample(8, 3));
        }

        @Test
        void onSiteWorkWithoutASamplingPlanIsFlagged() {
            PlanItem i = item(Category.SPECIAL);
            i.onSite = true;
            refused(check(PlanRules.SAMPLE_AT_MOST_THIRD, i, new Store()), "SAMPLE-AT-MOST-THIRD", Severity.PRINCIPLE);
        }

        @Test
        void constructionSiteVisitsAreFlaggedForTheirNecessity() {
            PlanItem i = item(Category.SPECIAL);
            assertTrue(check(PlanRules.CONSTRUCTION_SITE, i, new Store()).isEmpty());
            i.constructionSiteVisits = 1;
            refused(check(PlanRules.CONSTRUCTION_SITE, i, new Store()), "CONSTRUCTION-SITE", Severity.PRINCIPLE);
        }
    }

    @Nested
    class Guidance {
        @Test
        void researchIsNotTitledOrRunAsAnInspection() {
            PlanItem i = item(Category.RESEARCH_GUIDANCE);
            i.activityWord = "调研";
            i.title = "基层生态环境工作调研";
            assertTrue(check(PlanRules.GUIDANCE_IS_NOT_INSPECTION, i, new Store()).isEmpty());
            i.scores = true;
            refused(check(PlanRules.GUIDANCE_IS_NOT_INSPECTION, i, new Store()), "GUIDANCE-IS-NOT-INSPECTION",
                    Severity.PROHIBITED);
            i.scores = false;
            i.activityWord = "督导";
            refused(check(PlanRules.GUIDANCE_IS_NOT_INSPECTION, i, new Store()), "GUIDANCE-IS-NOT-INSPECTION",
                    Severity.PROHIBITED);
        }
    }

    @Nested
    class Deployment {
        @Test
        void sixtyDaysAfterDeploymentIsTheBoundary() {
            PlanItem i = item(Category.SPECIAL);
            i.workDeployedOn = i.periodStart.minusDays(60);
            assertTrue(check(PlanRules.NO_INSPECTION_RIGHT_AFTER_DEPLOYMENT, i, new Store()).isEmpty());
            i.workDeployedOn = i.periodStart.minusDays(59);
            List<Finding> f = check(PlanRules.NO_INSPECTION_RIGHT_AFTER_DEPLOYMENT, i, new Store());
            refused(f, "NO-INSPECTION-RIGHT-AFTER-DEPLOYMENT", Severity.PROHIBITED);
            assertEquals(59L, f.get(0).facts().get("days"));
        }
    }

    @Nested
    class Folded {
        @Test
        void provincialDepartmentsDoNotRunSpecialsOnFoldedTopics() {
            PlanItem i = item(Category.SPECIAL);
            assertTrue(check(PlanRules.FOLDED_INTO_COMPREHENSIVE, i, new Store()).isEmpty());
            i.topics = new ArrayList<>(List.of("Work Safety"));
            refused(check(PlanRules.FOLDED_INTO_COMPREHENSIVE, i, new Store()), "FOLDED-INTO-COMPREHENSIVE",
                    Severity.PRINCIPLE);
            i.category = Category.RESEARCH_GUIDANCE;
            assertTrue(check(PlanRules.FOLDED_INTO_COMPREHENSIVE, i, new Store()).isEmpty());
        }
    }

    @Nested
    class Grassroots {
        @Test
        void halfOfTheBaselineMeetsTheTargetMoreDoesNot() {
            Store store = new Store();
            store.baselines.put("370000-D-ENV/2018", 4);
            PlanItem i = item(Category.SPECIAL);
            i.grassroots = true;
            store.approved.add(grassroots());
            // 2 of 4: a reduction of exactly 50% meets it
            assertTrue(check(PlanRules.GRASSROOTS_REDUCTION, i, store).isEmpty());
            store.approved.add(grassroots());
            List<Finding> f = check(PlanRules.GRASSROOTS_REDUCTION, i, store);
            refused(f, "GRASSROOTS-REDUCTION", Severity.ADVISORY);
            assertEquals(false, f.get(0).facts().get("meetsTarget"));
        }

        PlanItem grassroots() {
            PlanItem g = item(Category.SPECIAL);
            g.grassroots = true;
            return g;
        }
    }

    @Nested
    class LeaderRankAndExemptions {
        @Test
        void theHighestRankOfTheLevelIsQuestioned() {
            PlanItem i = item(Category.SPECIAL);
            i.teamLeaderRank = LeaderRank.BUREAU;
            assertTrue(check(PlanRules.LEADER_RANK, i, new Store()).isEmpty());
            i.teamLeaderRank = LeaderRank.PROVINCIAL_MINISTERIAL;
            refused(check(PlanRules.LEADER_RANK, i, new Store()), "LEADER-RANK", Severity.ADVISORY);
        }

        @Test
        void exemptUnitsAreNoTargetsOfTheProvincialComprehensiveInspection() {
            Store store = new Store();
            store.exempt.put(COUNTY_GOV.code, 2027);
            PlanItem i = item(Category.COMPREHENSIVE);
            i.organiserUnitCode = PROVINCE_GOV.code;
            i.targetUnitCodes = new ArrayList<>(List.of(COUNTY_GOV.code));
            refused(check(PlanRules.EXEMPT_UNITS, i, plan(PlanType.ANNUAL), store, Stage.SUBMISSION,
                    LocalDate.of(2026, 12, 1), List.of(), PROVINCE_GOV), "EXEMPT-UNITS", Severity.PROHIBITED);
            store.exempt.put(COUNTY_GOV.code, 2026);
            assertTrue(check(PlanRules.EXEMPT_UNITS, i, plan(PlanType.ANNUAL), store, Stage.SUBMISSION,
                    LocalDate.of(2026, 12, 1), List.of(), PROVINCE_GOV).isEmpty());
            // a department's own inspection is not the provincial comprehensive one
            store.exempt.put(COUNTY_GOV.code, 2027);
            assertTrue(check(PlanRules.EXEMPT_UNITS, i, store).isEmpty());
        }
    }

    @Nested
    class VisitFrequency {
        PlanItem visit(LocalDate day) {
            PlanItem i = item(Category.SPECIAL);
            i.onSite = true;
            i.periodStart = day;
            i.periodEnd = day;
            return i;
        }

        @Test
        void aSecondVisitOnOneDayWarnsAtSubmissionAndRefusesAtApproval() {
            Store store = new Store();
            store.approved.add(visit(LocalDate.of(2027, 5, 10)));
            refused(check(PlanRules.VISIT_FREQUENCY, visit(LocalDate.of(2027, 5, 10)), store), "VISIT-FREQUENCY",
                    Severity.ADVISORY);
            refused(check(PlanRules.VISIT_FREQUENCY, visit(LocalDate.of(2027, 5, 10)), plan(PlanType.ANNUAL), store,
                    Stage.APPROVAL, LocalDate.of(2026, 12, 1), List.of(), PROVINCE_ENV), "VISIT-FREQUENCY",
                    Severity.PRINCIPLE);
            assertTrue(check(PlanRules.VISIT_FREQUENCY, visit(LocalDate.of(2027, 5, 11)), store).isEmpty());
        }

        @Test
        void twoAWeekAndThreeAMonthAreTheCaps() {
            Store store = new Store();
            store.approved.add(visit(LocalDate.of(2027, 5, 10)));
            store.approved.add(visit(LocalDate.of(2027, 5, 12)));
            // a third visit in the ISO week of 10-16 May
            refused(check(PlanRules.VISIT_FREQUENCY, visit(LocalDate.of(2027, 5, 14)), store), "VISIT-FREQUENCY",
                    Severity.ADVISORY);
            // the next week is fine: three in the month is the cap
            assertTrue(check(PlanRules.VISIT_FREQUENCY, visit(LocalDate.of(2027, 5, 17)), store).isEmpty());
            store.approved.add(visit(LocalDate.of(2027, 5, 18)));
            refused(check(PlanRules.VISIT_FREQUENCY, visit(LocalDate.of(2027, 5, 25)), store), "VISIT-FREQUENCY",
                    Severity.ADVISORY);
        }
    }

    @Nested
    class Judgement {
        @Test
        void principleBlocksWithoutJustificationPassesSubmissionWithOneAndApprovalOnlyWhenGranted() {
            Finding f = Finding.of(PlanRules.COMPREHENSIVE_CAP_RULE, Severity.PRINCIPLE, "z", "e", Map.of());
            assertTrue(PlanRulebook.blocks(PlanRulebook.judge(f, null, false, Stage.SUBMISSION), false, Stage.SUBMISSION));
            assertFalse(PlanRulebook.blocks(PlanRulebook.judge(f, "确有必要", false, Stage.SUBMISSION), true,
                    Stage.SUBMISSION));
            assertTrue(PlanRulebook.blocks(PlanRulebook.judge(f, "确有必要", false, Stage.APPROVAL), true, Stage.APPROVAL));
            assertFalse(PlanRulebook.blocks(PlanRulebook.judge(f, "确有必要", true, Stage.APPROVAL), true, Stage.APPROVAL));
            // a grant without a justification grants nothing
            assertTrue(PlanRulebook.blocks(PlanRulebook.judge(f, null, true, Stage.APPROVAL), false, Stage.APPROVAL));
        }

        @Test
        void prohibitedNeverPassesAdvisoryNeverBlocks() {
            Finding p = Finding.of(PlanRules.NO_SIMILAR_SERIES_RULE, Severity.PROHIBITED, "z", "e", Map.of());
            assertTrue(PlanRulebook.blocks(PlanRulebook.judge(p, "理由", true, Stage.APPROVAL), true, Stage.APPROVAL));
            Finding a = Finding.of(PlanRules.MERGE_SIMILAR_RULE, Severity.ADVISORY, "z", "e", Map.of());
            assertFalse(PlanRulebook.blocks(a, false, Stage.APPROVAL));
        }
    }
}
