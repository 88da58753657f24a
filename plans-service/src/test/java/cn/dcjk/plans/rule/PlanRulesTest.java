package cn.dcjk.plans.rule;

import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.plans.calendar.NoMeetingMonth;
import cn.dcjk.plans.mandate.Mandate;
import cn.dcjk.plans.mandate.MandateKind;
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
    static class Store implements Candidates {
        final List<PlanItem> approved = new ArrayList<>();
        final List<NoMeetingMonth> months = new ArrayList<>();
        final Map<String, Integer> exempt = new HashMap<>();
        final Map<String, Integer> baselines = new HashMap<>();
        final Map<String, Mandate> mandates = new HashMap<>();

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

        @Override
        public Optional<PlanItem> byApprovalCode(String approvalCode) {
            return approved.stream().filter(i -> approvalCode.equals(i.approvalCode)).findFirst();
        }

        @Override
        public Optional<Mandate> mandate(String reference) {
            return Optional.ofNullable(mandates.get(reference));
        }

        Mandate record(MandateKind kind, String reference, Unit granting, String grantee, int year) {
            Mandate m = new Mandate();
            m.kind = kind;
            m.reference = reference;
            m.grantingUnitCode = granting.code;
            m.grantingUnitKind = granting.kind;
            m.grantingRegionCode = granting.regionCode;
            m.granteeUnitCode = grantee;
            m.year = year;
            mandates.put(reference, m);
            return m;
        }
    }

    /** The parameters at their defaults (the text's meaning); a test changes one to read the text more strictly. */
    static class Params implements PlanRuleParameters {
        int seriesGapDays = 0;
        boolean departmentNeverInCoordinationBodyName = false;
        public String submissionDeadline() { return "01-31"; }
        public int comprehensiveCap() { return 1; }
        public int observationCap() { return 2; }
        public double similarityThreshold() { return 0.6; }
        public int seriesGapDays() { return seriesGapDays; }
        public boolean departmentNeverInCoordinationBodyName() { return departmentNeverInCoordinationBodyName; }
        public int sampleDivisor() { return 3; }
        public int deploymentGapDays() { return 60; }
        public List<String> foldedTopics() {
            return List.of("金融风险防范化解|防范化解金融风险|金融风险", "扶贫|脱贫|脱贫攻坚", "环保|环境保护|生态环境",
                    "乡村振兴", "安全生产|生产安全|work safety", "土地执法|土地违法|违法用地");
        }
        public double grassrootsReduction() { return 0.5; }
        public int baselineYear() { return 2018; }
        public int urgentValidityDays() { return 90; }
        public int visitsPerDay() { return 1; }
        public int visitsPerWeek() { return 2; }
        public int visitsPerMonth() { return 3; }
    }

    static Params params = new Params();

    @org.junit.jupiter.api.BeforeEach
    void defaults() {
        params = new Params();
    }

    static long ids = 100;

    static PlanItem item(Category category) {
        PlanItem i = new PlanItem();
        i.id = ids++;
        i.title = "大气污染源专项检查";
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

    static List<Finding> check(Rule<ItemContext> rule, PlanItem item, Store store) {
        return check(rule, item, plan(PlanType.ANNUAL), store, Stage.SUBMISSION, LocalDate.of(2026, 12, 1), List.of(),
                PROVINCE_ENV);
    }

    static List<Finding> check(Rule<ItemContext> rule, PlanItem item, Plan plan, Store store, Stage stage, LocalDate today,
            List<PlanItem> earlier, Unit organiser) {
        Map<String, Unit> units = new HashMap<>();
        for (Unit u : List.of(PROVINCE_ENV, PROVINCE_GOV, PROVINCE_CB, COUNTY_GOV, COUNTY_GO, COUNTY_ENV, COUNTY_ENV2)) {
            units.put(u.code, u);
        }
        return rule.judge(new ItemContext(item, plan, organiser, units, earlier, stage, today, params, store));
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
    class Art5And6AnnualPlanRequired {
        @Test
        void aSingleMatterRequestWithOneItemPasses() {
            assertTrue(check(new cn.dcjk.plans.rule.AnnualPlanRequired(), item(Category.SPECIAL), plan(PlanType.SINGLE_MATTER),
                    new Store(), Stage.SUBMISSION, LocalDate.of(2026, 12, 1), List.of(), PROVINCE_ENV).isEmpty());
        }

        @Test
        void aSecondItemInASingleMatterRequestIsRefused() {
            refused(check(new cn.dcjk.plans.rule.AnnualPlanRequired(), item(Category.SPECIAL), plan(PlanType.SINGLE_MATTER),
                    new Store(), Stage.SUBMISSION, LocalDate.of(2026, 12, 1), List.of(item(Category.SPECIAL)),
                    PROVINCE_ENV), "ANNUAL-PLAN-REQUIRED", Severity.PROHIBITED);
        }

        @Test
        void anAnnualPlanHoldsMany() {
            assertTrue(check(new cn.dcjk.plans.rule.AnnualPlanRequired(), item(Category.SPECIAL), plan(PlanType.ANNUAL), new Store(),
                    Stage.SUBMISSION, LocalDate.of(2026, 12, 1), List.of(item(Category.SPECIAL)), PROVINCE_ENV).isEmpty());
        }
    }

    @Nested
    class Art5SubmissionWindow {
        List<Finding> on(LocalDate day) {
            return check(new cn.dcjk.plans.rule.PlanSubmissionWindow(), item(Category.SPECIAL), plan(PlanType.ANNUAL), new Store(),
                    Stage.SUBMISSION, day, List.of(), PROVINCE_ENV);
        }

        @Test
        void theYearBeforeIsOnTime() {
            assertTrue(on(LocalDate.of(2026, 11, 27)).isEmpty());
        }

        @Test
        void theLastDayOfJanuaryIsTheBoundary() {
            assertTrue(on(LocalDate.of(2027, 1, 31)).isEmpty());
            // 「要…年初…报」 is mandatory: a late annual plan is refused, whatever the justification
            refused(on(LocalDate.of(2027, 2, 1)), "PLAN-SUBMISSION-WINDOW", Severity.PROHIBITED);
            assertEquals("SINGLE_MATTER", on(LocalDate.of(2027, 2, 1)).get(0).facts().get("instead"));
        }

        @Test
        void singleMatterRequestsComeAtAnyTime() {
            assertTrue(check(new cn.dcjk.plans.rule.PlanSubmissionWindow(), item(Category.SPECIAL), plan(PlanType.SINGLE_MATTER),
                    new Store(), Stage.SUBMISSION, LocalDate.of(2027, 8, 1), List.of(), PROVINCE_ENV).isEmpty());
        }
    }

    @Nested
    class Art6NoSelfSetItems {
        @Test
        void aDepartmentWithALegalBasisMayTargetLowerGovernments() {
            PlanItem i = item(Category.SPECIAL);
            i.targetUnitCodes = new ArrayList<>(List.of(COUNTY_GOV.code));
            i.legalBasis = "国务院文件";
            assertTrue(check(new cn.dcjk.plans.rule.NoSelfSetItems(), i, new Store()).isEmpty());
        }

        @Test
        void withoutOneItIsRefused() {
            PlanItem i = item(Category.SPECIAL);
            i.targetUnitCodes = new ArrayList<>(List.of(COUNTY_GOV.code));
            refused(check(new cn.dcjk.plans.rule.NoSelfSetItems(), i, new Store()), "NO-SELF-SET-ITEMS", Severity.PROHIBITED);
        }

        @Test
        void targetingLowerDepartmentsNeedsNone() {
            assertTrue(check(new cn.dcjk.plans.rule.NoSelfSetItems(), item(Category.SPECIAL), new Store()).isEmpty());
        }

        @Test
        void aRegionWideItemIsItsOwnRequest() {
            PlanItem i = item(Category.SPECIAL);
            i.regionWide = true;
            refused(check(new cn.dcjk.plans.rule.NoSelfSetItems(), i, new Store()), "NO-SELF-SET-ITEMS", Severity.PROHIBITED);
            assertTrue(check(new cn.dcjk.plans.rule.NoSelfSetItems(), i, plan(PlanType.SINGLE_MATTER), new Store(), Stage.SUBMISSION,
                    LocalDate.of(2026, 12, 1), List.of(), PROVINCE_ENV).isEmpty());
        }
    }

    @Nested
    class Art7Caps {
        @Test
        void oneComprehensiveItemPassesTheSecondIsRefused() {
            Store store = new Store();
            assertTrue(check(new cn.dcjk.plans.rule.ComprehensiveCap(), item(Category.COMPREHENSIVE), store).isEmpty());
            store.approved.add(item(Category.COMPREHENSIVE));
            List<Finding> f = check(new cn.dcjk.plans.rule.ComprehensiveCap(), item(Category.COMPREHENSIVE), store);
            refused(f, "COMPREHENSIVE-CAP", Severity.PRINCIPLE);
            assertEquals(2L, f.get(0).facts().get("count"));
            assertEquals(1, f.get(0).facts().get("cap"));
        }

        @Test
        void twoObservationItemsAreTheCap() {
            Store store = new Store();
            store.approved.add(item(Category.OBSERVATION_EVALUATION));
            assertTrue(check(new cn.dcjk.plans.rule.ObservationCap(), item(Category.OBSERVATION_EVALUATION), store).isEmpty());
            store.approved.add(item(Category.OBSERVATION_EVALUATION));
            refused(check(new cn.dcjk.plans.rule.ObservationCap(), item(Category.OBSERVATION_EVALUATION), store), "OBSERVATION-CAP",
                    Severity.PRINCIPLE);
        }

        @Test
        void earlierItemsOfTheSamePlanCount() {
            refused(check(new cn.dcjk.plans.rule.ComprehensiveCap(), item(Category.COMPREHENSIVE), plan(PlanType.ANNUAL), new Store(),
                    Stage.SUBMISSION, LocalDate.of(2026, 12, 1), List.of(item(Category.COMPREHENSIVE)), PROVINCE_ENV),
                    "COMPREHENSIVE-CAP", Severity.PRINCIPLE);
        }
    }

    @Nested
    class Art7And8SimilarItems {
        @Test
        void art8SameTimePeriodMeansOverlappingPeriodsByDefault() {
            Store store = new Store();
            PlanItem other = item(Category.SPECIAL);
            other.periodStart = LocalDate.of(2027, 5, 20);
            other.periodEnd = LocalDate.of(2027, 5, 25);
            store.approved.add(other);
            // sharing the last day is the same period (同一时段)
            refused(check(new cn.dcjk.plans.rule.NoSimilarSeries(), item(Category.SPECIAL), store), "NO-SIMILAR-SERIES",
                    Severity.PROHIBITED);
            other.periodStart = LocalDate.of(2027, 5, 21);
            assertTrue(check(new cn.dcjk.plans.rule.NoSimilarSeries(), item(Category.SPECIAL), store).isEmpty());
        }

        @Test
        void art8AStricterReadingCountsAGapOfThirtyDays() {
            params.seriesGapDays = 30;
            Store store = new Store();
            PlanItem other = item(Category.SPECIAL);
            other.periodStart = LocalDate.of(2027, 6, 19);
            other.periodEnd = LocalDate.of(2027, 6, 25);
            store.approved.add(other);
            // 30 days after 2027-05-20 is 2027-06-19: the last day of the gap still counts
            List<Finding> f = check(new cn.dcjk.plans.rule.NoSimilarSeries(), item(Category.SPECIAL), store);
            refused(f, "NO-SIMILAR-SERIES", Severity.PROHIBITED);
            assertEquals(other.id, f.get(0).facts().get("clashingItemId"));
            other.periodStart = LocalDate.of(2027, 6, 20);
            assertTrue(check(new cn.dcjk.plans.rule.NoSimilarSeries(), item(Category.SPECIAL), store).isEmpty());
        }

        @Test
        void anotherPlaceIsNoSeries() {
            Store store = new Store();
            PlanItem other = item(Category.SPECIAL);
            other.targetUnitCodes = new ArrayList<>(List.of(COUNTY_ENV2.code));
            store.approved.add(other);
            assertTrue(check(new cn.dcjk.plans.rule.NoSimilarSeries(), item(Category.SPECIAL), store).isEmpty());
        }

        @Test
        void similarityIsTheLargerOfTopicsAndTitles() {
            PlanItem a = item(Category.SPECIAL);
            PlanItem b = item(Category.SPECIAL);
            b.title = "完全不同的题目";
            b.topics = new ArrayList<>(List.of("大气污染防治"));
            assertEquals(1.0, ItemMeasures.similarity(a, b));
            b.topics = new ArrayList<>(List.of("教育"));
            assertTrue(ItemMeasures.similarity(a, b) < 0.6);
        }

        @Test
        void sharedTopicBelowTheThresholdIsProposedForMerging() {
            Store store = new Store();
            PlanItem other = item(Category.SPECIAL);
            other.title = "工业企业排放调查";
            other.organiserUnitCode = "370000-D-EM";
            other.topics = new ArrayList<>(List.of("大气污染防治", "安全生产", "应急", "危化品"));
            store.approved.add(other);
            List<Finding> f = check(new cn.dcjk.plans.rule.MergeSimilar(), item(Category.SPECIAL), store);
            refused(f, "MERGE-SIMILAR", Severity.ADVISORY);
            assertEquals(other.id, f.get(0).facts().get("mergeWithItemId"));
            assertTrue(((Collection<?>) f.get(0).facts().get("organisers")).contains("370000-D-EM"));
        }

        @Test
        void aTopicSharedButForCaseAndSpacesIsShared() {
            Store store = new Store();
            PlanItem other = item(Category.SPECIAL);
            other.title = "工业企业排放调查";
            other.organiserUnitCode = "370000-D-EM";
            PlanItem mine = item(Category.SPECIAL);
            mine.topics = new ArrayList<>(List.of("VOCs 治理", "大气污染防治"));
            other.topics = new ArrayList<>(List.of(" vocs 治理", "应急", "危化品", "安全生产"));
            store.approved.add(other);
            List<Finding> f = check(new cn.dcjk.plans.rule.MergeSimilar(), mine, store);
            refused(f, "MERGE-SIMILAR", Severity.ADVISORY);
            assertEquals(List.of(" vocs 治理"), f.get(0).facts().get("sharedTopics"));
            other.topics = new ArrayList<>(List.of("VOC 治理", "应急", "危化品", "安全生产"));
            assertTrue(check(new cn.dcjk.plans.rule.MergeSimilar(), mine, store).isEmpty(), "a different topic is not shared");
        }
    }

    @Nested
    class Art8And9Banners {
        @Test
        void aDepartmentInItsOwnNameIsFine() {
            assertTrue(check(new cn.dcjk.plans.rule.NoBorrowedBanner(), item(Category.SPECIAL), new Store()).isEmpty());
        }

        @Test
        void aDepartmentInTheGovernmentsNameIsRefused() {
            PlanItem i = item(Category.SPECIAL);
            i.actingName = ActingName.GOVERNMENT;
            refused(check(new cn.dcjk.plans.rule.NoBorrowedBanner(), i, new Store()), "NO-BORROWED-BANNER", Severity.PROHIBITED);
        }

        @Test
        void art9ADepartmentInACoordinationBodysNameIsRefusedForCrossDepartmentWork() {
            PlanItem i = item(Category.SPECIAL);
            i.actingName = ActingName.COORDINATION_BODY;
            i.actingBodyUnitCode = PROVINCE_CB.code;
            // alone, in its own field: article 9 forbids only cross-department work under the body's name
            assertTrue(check(new cn.dcjk.plans.rule.NoBorrowedBanner(), i, new Store()).isEmpty());
            i.coOrganiserUnitCodes = new ArrayList<>(List.of("370000-D-EM"));
            refused(check(new cn.dcjk.plans.rule.NoBorrowedBanner(), i, new Store()), "NO-BORROWED-BANNER", Severity.PROHIBITED);
        }

        @Test
        void art9TheStricterReadingNeverLetsADepartmentUseTheBodysName() {
            params.departmentNeverInCoordinationBodyName = true;
            PlanItem i = item(Category.SPECIAL);
            i.actingName = ActingName.COORDINATION_BODY;
            i.actingBodyUnitCode = PROVINCE_CB.code;
            refused(check(new cn.dcjk.plans.rule.NoBorrowedBanner(), i, new Store()), "NO-BORROWED-BANNER", Severity.PROHIBITED);
        }

        @Test
        void aCoordinationBodyNeedsARecordedApproval() {
            PlanItem i = item(Category.SPECIAL);
            i.actingName = ActingName.GOVERNMENT;
            Plan plan = plan(PlanType.ANNUAL);
            refused(check(new cn.dcjk.plans.rule.NoBorrowedBanner(), i, plan, new Store(), Stage.SUBMISSION, LocalDate.of(2026, 12, 1),
                    List.of(), PROVINCE_CB), "NO-BORROWED-BANNER", Severity.PROHIBITED);
            i.actingApprovalReference = "鲁政办字〔2027〕1号";
            // the planner's word is not enough: the approval must be on record
            Store store = new Store();
            refused(check(new cn.dcjk.plans.rule.NoBorrowedBanner(), i, plan, store, Stage.SUBMISSION,
                    LocalDate.of(2026, 12, 1), List.of(), PROVINCE_CB), "NO-BORROWED-BANNER", Severity.PROHIBITED);
            // on record, but as the party committee's approval while the body acts in the government's name
            Unit committee = unit("370000-PC", UnitLevel.PROVINCE, UnitKind.PARTY_COMMITTEE, "370000");
            store.record(MandateKind.COORDINATION_BODY_APPROVAL, "鲁政办字〔2027〕1号", committee, PROVINCE_CB.code, 2027);
            refused(check(new cn.dcjk.plans.rule.NoBorrowedBanner(), i, plan, store, Stage.SUBMISSION,
                    LocalDate.of(2026, 12, 1), List.of(), PROVINCE_CB), "NO-BORROWED-BANNER", Severity.PROHIBITED);
            // for another body
            store.record(MandateKind.COORDINATION_BODY_APPROVAL, "鲁政办字〔2027〕1号", PROVINCE_GOV, "370000-CB-RURAL", 2027);
            refused(check(new cn.dcjk.plans.rule.NoBorrowedBanner(), i, plan, store, Stage.SUBMISSION,
                    LocalDate.of(2026, 12, 1), List.of(), PROVINCE_CB), "NO-BORROWED-BANNER", Severity.PROHIBITED);
            store.record(MandateKind.COORDINATION_BODY_APPROVAL, "鲁政办字〔2027〕1号", PROVINCE_GOV, PROVINCE_CB.code, 2027);
            assertTrue(check(new cn.dcjk.plans.rule.NoBorrowedBanner(), i, plan, store, Stage.SUBMISSION,
                    LocalDate.of(2026, 12, 1), List.of(), PROVINCE_CB).isEmpty());
        }

        @Test
        void noticesToLowerGovernmentsAndTheirOfficesAreRefused() {
            PlanItem i = item(Category.SPECIAL);
            i.noticeRecipientUnitCodes = new ArrayList<>(List.of(COUNTY_ENV.code));
            assertTrue(check(new cn.dcjk.plans.rule.NoNoticeToLowerCommittee(), i, new Store()).isEmpty());
            i.noticeRecipientUnitCodes = new ArrayList<>(List.of(COUNTY_ENV.code, COUNTY_GO.code));
            List<Finding> f = check(new cn.dcjk.plans.rule.NoNoticeToLowerCommittee(), i, new Store());
            refused(f, "NO-NOTICE-TO-LOWER-COMMITTEE", Severity.PROHIBITED);
            assertEquals(List.of("370102-GO"), f.get(0).facts().get("recipients"));
        }
    }

    @Nested
    class Art4And10OnSite {
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
            assertTrue(check(new cn.dcjk.plans.rule.NoMeetingMonth(), i, store).isEmpty());
            i.periodEnd = LocalDate.of(2027, 6, 1);
            refused(check(new cn.dcjk.plans.rule.NoMeetingMonth(), i, store), "NO-MEETING-MONTH", Severity.PRINCIPLE);
            m.regionCode = "370200";
            assertTrue(check(new cn.dcjk.plans.rule.NoMeetingMonth(), i, store).isEmpty());
        }

        @Test
        void regionWideOnSiteNeedsAUnifiedDeployment() {
            PlanItem i = item(Category.SPECIAL);
            i.onSite = true;
            i.regionWide = true;
            Store store = new Store();
            refused(check(new cn.dcjk.plans.rule.OnSiteRegionWide(), i, store), "ON-SITE-REGION-WIDE", Severity.PROHIBITED);
            // declared, not on record: refused
            i.unifiedDeployment = true;
            i.unifiedDeploymentReference = "鲁发〔2027〕5号";
            refused(check(new cn.dcjk.plans.rule.OnSiteRegionWide(), i, store), "ON-SITE-REGION-WIDE", Severity.PROHIBITED);
            // on record, but a city's deployment does not cover a provincial department
            store.record(MandateKind.UNIFIED_DEPLOYMENT, "鲁发〔2027〕5号",
                    unit("370100-PC", UnitLevel.CITY, UnitKind.PARTY_COMMITTEE, "370100"), null, 2027);
            refused(check(new cn.dcjk.plans.rule.OnSiteRegionWide(), i, store), "ON-SITE-REGION-WIDE", Severity.PROHIBITED);
            // a deployment of a later year does not cover this one
            store.record(MandateKind.UNIFIED_DEPLOYMENT, "鲁发〔2027〕5号", PROVINCE_GOV, null, 2028);
            refused(check(new cn.dcjk.plans.rule.OnSiteRegionWide(), i, store), "ON-SITE-REGION-WIDE", Severity.PROHIBITED);
            store.record(MandateKind.UNIFIED_DEPLOYMENT, "鲁发〔2027〕5号", PROVINCE_GOV, null, 2027);
            assertTrue(check(new cn.dcjk.plans.rule.OnSiteRegionWide(), i, store).isEmpty());
        }

        @Test
        void exactlyAThirdIsAllowedOneMoreIsNot() {
            PlanItem i = item(Category.SPECIAL);
            i.onSite = true;
            i.samplingPopulation = 10;
            i.samplingSize = 3;
            assertTrue(check(new cn.dcjk.plans.rule.SampleAtMostThird(), i, new Store()).isEmpty());
            i.samplingSize = 4;
            List<Finding> f = check(new cn.dcjk.plans.rule.SampleAtMostThird(), i, new Store());
            refused(f, "SAMPLE-AT-MOST-THIRD", Severity.PRINCIPLE);
            assertEquals(3, f.get(0).facts().get("maxSample"));
            assertEquals(3, cn.dcjk.plans.rule.SampleAtMostThird.maxSample(9, 3));
            assertEquals(2, cn.dcjk.plans.rule.SampleAtMostThird.maxSample(8, 3));
        }

        @Test
        void onSiteWorkWithoutASamplingPlanIsFlagged() {
            PlanItem i = item(Category.SPECIAL);
            i.onSite = true;
            refused(check(new cn.dcjk.plans.rule.SampleAtMostThird(), i, new Store()), "SAMPLE-AT-MOST-THIRD", Severity.PRINCIPLE);
        }

        @Test
        void constructionSiteVisitsAreFlaggedForTheirNecessity() {
            PlanItem i = item(Category.SPECIAL);
            i.onSite = true;
            assertTrue(check(new cn.dcjk.plans.rule.ConstructionSite(), i, new Store()).isEmpty());
            i.constructionSiteVisits = 1;
            refused(check(new cn.dcjk.plans.rule.ConstructionSite(), i, new Store()), "CONSTRUCTION-SITE", Severity.PRINCIPLE);
            // an item that is not on-site has no field work to take to a construction site
            i.onSite = false;
            refused(check(new cn.dcjk.plans.rule.ConstructionSite(), i, new Store()), "CONSTRUCTION-SITE", Severity.PROHIBITED);
        }
    }

    @Nested
    class Art11Guidance {
        @Test
        void researchIsNotTitledOrRunAsAnInspection() {
            PlanItem i = item(Category.RESEARCH_GUIDANCE);
            i.activityWord = "调研";
            i.title = "基层生态环境工作调研";
            assertTrue(check(new cn.dcjk.plans.rule.GuidanceIsNotInspection(), i, new Store()).isEmpty());
            i.scores = true;
            refused(check(new cn.dcjk.plans.rule.GuidanceIsNotInspection(), i, new Store()), "GUIDANCE-IS-NOT-INSPECTION",
                    Severity.PROHIBITED);
            i.scores = false;
            i.activityWord = "督导";
            refused(check(new cn.dcjk.plans.rule.GuidanceIsNotInspection(), i, new Store()), "GUIDANCE-IS-NOT-INSPECTION",
                    Severity.PROHIBITED);
        }
    }

    @Nested
    class Art14Deployment {
        @Test
        void sixtyDaysAfterDeploymentIsTheBoundary() {
            PlanItem i = item(Category.SPECIAL);
            i.workDeployedOn = i.periodStart.minusDays(60);
            assertTrue(check(new cn.dcjk.plans.rule.NoInspectionRightAfterDeployment(), i, new Store()).isEmpty());
            i.workDeployedOn = i.periodStart.minusDays(59);
            List<Finding> f = check(new cn.dcjk.plans.rule.NoInspectionRightAfterDeployment(), i, new Store());
            refused(f, "NO-INSPECTION-RIGHT-AFTER-DEPLOYMENT", Severity.PROHIBITED);
            assertEquals(59L, f.get(0).facts().get("days"));
        }
    }

    @Nested
    class Art17Folded {
        @Test
        void provincialDepartmentsDoNotRunSpecialsOnFoldedTopics() {
            PlanItem i = item(Category.SPECIAL);
            assertTrue(check(new cn.dcjk.plans.rule.FoldedIntoComprehensive(), i, new Store()).isEmpty());
            i.topics = new ArrayList<>(List.of("Work Safety"));
            refused(check(new cn.dcjk.plans.rule.FoldedIntoComprehensive(), i, new Store()), "FOLDED-INTO-COMPREHENSIVE",
                    Severity.PRINCIPLE);
            i.category = Category.RESEARCH_GUIDANCE;
            assertTrue(check(new cn.dcjk.plans.rule.FoldedIntoComprehensive(), i, new Store()).isEmpty());
        }

        @Test
        void art17TopicsAreRecognisedByTheirCommonNamesInTitlesAndTopics() {
            for (String title : List.of("2027年脱贫攻坚专项督查", "防范化解金融风险专项检查", "生态环境保护专项督查",
                    "土地违法案件专项检查", "安全生产大检查", "乡村振兴战略实施专项考核")) {
                PlanItem i = item(Category.SPECIAL);
                i.title = title;
                refused(check(new cn.dcjk.plans.rule.FoldedIntoComprehensive(), i, new Store()),
                        "FOLDED-INTO-COMPREHENSIVE", Severity.PRINCIPLE);
            }
            PlanItem i = item(Category.SPECIAL);
            i.topics = new ArrayList<>(List.of("脱贫 攻坚"));
            List<Finding> f = check(new cn.dcjk.plans.rule.FoldedIntoComprehensive(), i, new Store());
            assertEquals(List.of("扶贫"), f.get(0).facts().get("foldedTopics"));
            // a city's department is not a provincial department
            assertTrue(check(new cn.dcjk.plans.rule.FoldedIntoComprehensive(), i, plan(PlanType.ANNUAL), new Store(),
                    Stage.SUBMISSION, LocalDate.of(2026, 12, 1), List.of(),
                    unit("370100-D-ENV", UnitLevel.CITY, UnitKind.DEPARTMENT, "370100")).isEmpty());
        }

        @Test
        void art17TheProvincialComprehensiveInspectionIsOnceAYear() {
            PlanItem i = item(Category.COMPREHENSIVE);
            i.organiserUnitCode = PROVINCE_GOV.code;
            Store store = new Store();
            assertTrue(check(new cn.dcjk.plans.rule.FoldedIntoComprehensive(), i, plan(PlanType.ANNUAL), store,
                    Stage.SUBMISSION, LocalDate.of(2026, 12, 1), List.of(), PROVINCE_GOV).isEmpty());
            PlanItem first = item(Category.COMPREHENSIVE);
            first.organiserUnitCode = PROVINCE_GOV.code;
            store.approved.add(first);
            // 「每年1次」 is not 原则上: a second one is refused, no exception
            refused(check(new cn.dcjk.plans.rule.FoldedIntoComprehensive(), i, plan(PlanType.ANNUAL), store,
                    Stage.SUBMISSION, LocalDate.of(2026, 12, 1), List.of(), PROVINCE_GOV), "FOLDED-INTO-COMPREHENSIVE",
                    Severity.PROHIBITED);
        }
    }

    @Nested
    class Art20Grassroots {
        @Test
        void halfOfTheBaselineMeetsTheTargetMoreDoesNot() {
            Store store = new Store();
            store.baselines.put("370000-D-ENV/2018", 4);
            PlanItem i = item(Category.SPECIAL);
            i.grassroots = true;
            store.approved.add(grassroots());
            // 2 of 4: a reduction of exactly 50% meets it
            assertTrue(check(new cn.dcjk.plans.rule.GrassrootsReduction(), i, store).isEmpty());
            store.approved.add(grassroots());
            List<Finding> f = check(new cn.dcjk.plans.rule.GrassrootsReduction(), i, store);
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
    class Art23And29LeaderRankAndExemptions {
        @Test
        void theHighestRankOfTheLevelIsQuestioned() {
            PlanItem i = item(Category.SPECIAL);
            i.teamLeaderRank = LeaderRank.BUREAU;
            assertTrue(check(new cn.dcjk.plans.rule.LeaderRank(), i, new Store()).isEmpty());
            i.teamLeaderRank = LeaderRank.PROVINCIAL_MINISTERIAL;
            refused(check(new cn.dcjk.plans.rule.LeaderRank(), i, new Store()), "LEADER-RANK", Severity.ADVISORY);
        }

        @Test
        void exemptUnitsAreNoTargetsOfTheProvincialComprehensiveInspection() {
            Store store = new Store();
            store.exempt.put(COUNTY_GOV.code, 2027);
            PlanItem i = item(Category.COMPREHENSIVE);
            i.organiserUnitCode = PROVINCE_GOV.code;
            i.targetUnitCodes = new ArrayList<>(List.of(COUNTY_GOV.code));
            refused(check(new cn.dcjk.plans.rule.ExemptUnits(), i, plan(PlanType.ANNUAL), store, Stage.SUBMISSION,
                    LocalDate.of(2026, 12, 1), List.of(), PROVINCE_GOV), "EXEMPT-UNITS", Severity.PROHIBITED);
            store.exempt.put(COUNTY_GOV.code, 2026);
            assertTrue(check(new cn.dcjk.plans.rule.ExemptUnits(), i, plan(PlanType.ANNUAL), store, Stage.SUBMISSION,
                    LocalDate.of(2026, 12, 1), List.of(), PROVINCE_GOV).isEmpty());
            // a department's own inspection is not the provincial comprehensive one
            store.exempt.put(COUNTY_GOV.code, 2027);
            assertTrue(check(new cn.dcjk.plans.rule.ExemptUnits(), i, store).isEmpty());
        }
    }

    @Nested
    class Art7And12VisitFrequency {
        PlanItem visit(LocalDate day) {
            PlanItem i = item(Category.SPECIAL);
            i.onSite = true;
            i.periodStart = day;
            i.periodEnd = day;
            return i;
        }

        @Test
        void art7ASecondVisitOnOneDayIsRefusedAtSubmissionAndAtApproval() {
            Store store = new Store();
            store.approved.add(visit(LocalDate.of(2027, 5, 10)));
            refused(check(new cn.dcjk.plans.rule.VisitFrequency(), visit(LocalDate.of(2027, 5, 10)), store), "VISIT-FREQUENCY",
                    Severity.PROHIBITED);
            refused(check(new cn.dcjk.plans.rule.VisitFrequency(), visit(LocalDate.of(2027, 5, 10)), plan(PlanType.ANNUAL), store,
                    Stage.APPROVAL, LocalDate.of(2026, 12, 1), List.of(), PROVINCE_ENV), "VISIT-FREQUENCY",
                    Severity.PROHIBITED);
            assertTrue(check(new cn.dcjk.plans.rule.VisitFrequency(), visit(LocalDate.of(2027, 5, 11)), store).isEmpty());
        }

        @Test
        void twoAWeekAndThreeAMonthAreTheCaps() {
            Store store = new Store();
            store.approved.add(visit(LocalDate.of(2027, 5, 10)));
            store.approved.add(visit(LocalDate.of(2027, 5, 12)));
            // a third visit in the ISO week of 10-16 May
            refused(check(new cn.dcjk.plans.rule.VisitFrequency(), visit(LocalDate.of(2027, 5, 14)), store), "VISIT-FREQUENCY",
                    Severity.PROHIBITED);
            // the next week is fine: three in the month is the cap
            assertTrue(check(new cn.dcjk.plans.rule.VisitFrequency(), visit(LocalDate.of(2027, 5, 17)), store).isEmpty());
            store.approved.add(visit(LocalDate.of(2027, 5, 18)));
            refused(check(new cn.dcjk.plans.rule.VisitFrequency(), visit(LocalDate.of(2027, 5, 25)), store), "VISIT-FREQUENCY",
                    Severity.PROHIBITED);
        }
    }

    @Nested
    class Art7And26LayeredEscalation {
        PlanItem upper() {
            PlanItem u = item(Category.SPECIAL);
            u.organiserUnitCode = "370000-D-EM";
            u.approvalCode = "DCJK-2027-0001";
            u.approved = true;
            u.onSite = true;
            u.samplingPopulation = 9;
            u.samplingSize = 3;
            u.visitDates = new ArrayList<>(List.of(LocalDate.of(2027, 5, 11), LocalDate.of(2027, 5, 12)));
            u.forms = new ArrayList<>(List.of("自查表"));
            return u;
        }

        PlanItem lower() {
            PlanItem l = item(Category.SPECIAL);
            l.organiserUnitCode = "370100-D-EM";
            l.implementsApprovalCode = "DCJK-2027-0001";
            l.onSite = true;
            l.samplingPopulation = 9;
            l.samplingSize = 3;
            l.visitDates = new ArrayList<>(List.of(LocalDate.of(2027, 5, 13), LocalDate.of(2027, 5, 14)));
            l.forms = new ArrayList<>(List.of("自查表"));
            return l;
        }

        @Test
        void art7AskingAsMuchAsTheUpperItemIsNoEscalation() {
            Store store = new Store();
            store.approved.add(upper());
            assertTrue(check(new cn.dcjk.plans.rule.NoLayeredEscalation(), lower(), store).isEmpty());
        }

        @Test
        void art7OneMoreVisitDayFormOrSampledShareIsEscalation() {
            Store store = new Store();
            store.approved.add(upper());
            PlanItem l = lower();
            l.visitDates.add(LocalDate.of(2027, 5, 15));
            List<Finding> f = check(new cn.dcjk.plans.rule.NoLayeredEscalation(), l, store);
            refused(f, "NO-LAYERED-ESCALATION", Severity.PROHIBITED);
            assertEquals("DCJK-2027-0001", f.get(0).facts().get("upperApprovalCode"));
            l = lower();
            l.forms.add("台账");
            refused(check(new cn.dcjk.plans.rule.NoLayeredEscalation(), l, store), "NO-LAYERED-ESCALATION",
                    Severity.PROHIBITED);
            l = lower();
            l.samplingSize = 4;
            l.samplingPopulation = 10;
            refused(check(new cn.dcjk.plans.rule.NoLayeredEscalation(), l, store), "NO-LAYERED-ESCALATION",
                    Severity.PROHIBITED);
        }

        @Test
        void art26AccountabilityTheUpperItemDoesNotCarryIsEscalation() {
            Store store = new Store();
            store.approved.add(upper());
            PlanItem l = lower();
            l.mayLeadToAccountability = true;
            List<Finding> f = check(new cn.dcjk.plans.rule.NoLayeredEscalation(), l, store);
            refused(f, "NO-LAYERED-ESCALATION", Severity.PROHIBITED);
            assertEquals(List.of("mayLeadToAccountability"), f.get(0).facts().get("escalations"));
        }

        @Test
        void art7AnUnknownOrOwnUpperItemIsRefused() {
            Store store = new Store();
            refused(check(new cn.dcjk.plans.rule.NoLayeredEscalation(), lower(), store), "NO-LAYERED-ESCALATION",
                    Severity.PROHIBITED);
            PlanItem own = upper();
            own.organiserUnitCode = "370100-D-EM";
            store.approved.add(own);
            refused(check(new cn.dcjk.plans.rule.NoLayeredEscalation(), lower(), store), "NO-LAYERED-ESCALATION",
                    Severity.PROHIBITED);
        }
    }

    @Nested
    class Judgement {
        @Test
        void principleBlocksWithoutJustificationPassesSubmissionWithOneAndApprovalOnlyWhenGranted() {
            Finding f = Finding.of(cn.dcjk.plans.rule.ComprehensiveCap.RULE, Severity.PRINCIPLE, "z", "e", Map.of());
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
            Finding p = Finding.of(cn.dcjk.plans.rule.NoSimilarSeries.RULE, Severity.PROHIBITED, "z", "e", Map.of());
            assertTrue(PlanRulebook.blocks(PlanRulebook.judge(p, "理由", true, Stage.APPROVAL), true, Stage.APPROVAL));
            Finding a = Finding.of(cn.dcjk.plans.rule.MergeSimilar.RULE, Severity.ADVISORY, "z", "e", Map.of());
            assertFalse(PlanRulebook.blocks(a, false, Stage.APPROVAL));
        }
    }
}
