package cn.dcjk.plans.rule;

import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.plans.calendar.NoMeetingMonth;
import cn.dcjk.plans.plan.ActingName;
import cn.dcjk.plans.plan.Category;
import cn.dcjk.plans.plan.LeaderRank;
import cn.dcjk.plans.plan.PlanItem;
import cn.dcjk.plans.plan.PlanType;
import cn.dcjk.common.unit.RegionCode;
import cn.dcjk.plans.unit.Unit;
import cn.dcjk.plans.unit.UnitKind;
import cn.dcjk.plans.unit.UnitLevel;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The plan rulebook (RULEBOOK.md, plans-service) in one place: each rule a named policy with its
 * name, articles and severity as the rulebook gives them, judging one item in its context.
 * PRINCIPLE findings carry what the organiser must justify and the approver may grant.
 */
public final class PlanRules {

    private PlanRules() {
    }

    static ItemPolicy policy(RuleDescriptor rule, Function<ItemContext, List<Finding>> check) {
        return new ItemPolicy() {
            @Override
            public RuleDescriptor rule() {
                return rule;
            }

            @Override
            public List<Finding> check(ItemContext c) {
                return check.apply(c);
            }
        };
    }

    static Map<String, Object> facts(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put((String) kv[i], kv[i + 1]);
            }
        }
        return m;
    }

    static List<Finding> one(RuleDescriptor r, Severity s, String zh, String en, Map<String, Object> facts) {
        return List.of(Finding.of(r, s, zh, en, facts));
    }

    static final Set<String> INSPECTION_WORDS = Set.of("督查", "检查", "巡查", "督察", "督导");

    // ---- article 5, 6 -----------------------------------------------------------------------

    public static final RuleDescriptor ANNUAL_PLAN_REQUIRED_RULE = RuleDescriptor.of("ANNUAL-PLAN-REQUIRED",
            List.of(5, 6), Severity.PROHIBITED, "实行年度计划和审批报备制度：计划外事项须一事一报",
            "Items run only within an approved and issued annual plan or an approved one-matter request");
    /** One matter, one report: a single-matter request carries exactly one item. */
    public static final ItemPolicy ANNUAL_PLAN_REQUIRED = policy(ANNUAL_PLAN_REQUIRED_RULE, c -> {
        if (c.plan().type == PlanType.SINGLE_MATTER && !c.earlierSiblings().isEmpty()) {
            return one(ANNUAL_PLAN_REQUIRED_RULE, Severity.PROHIBITED,
                    "一事一报：每个计划外事项须单独报批，本请求已含事项 " + c.earlierSiblings().get(0).id,
                    "One matter, one report: each out-of-plan item is its own request; this one already holds item "
                            + c.earlierSiblings().get(0).id, facts("planId", c.plan().id, "items", c.earlierSiblings().size() + 1));
        }
        return List.of();
    });

    public static final RuleDescriptor PLAN_SUBMISSION_WINDOW_RULE = RuleDescriptor.of("PLAN-SUBMISSION-WINDOW",
            List.of(5), Severity.PRINCIPLE, "年度计划原则上于年初报送", "The annual plan is submitted at the start of the year");

    /** Whether an annual plan of {@code year} submitted on {@code day} is on time. */
    public static boolean onTime(int year, LocalDate day, String deadline) {
        LocalDate last = MonthDay.parse("--" + deadline).atYear(year);
        return !day.isAfter(last);
    }

    public static final ItemPolicy PLAN_SUBMISSION_WINDOW = policy(PLAN_SUBMISSION_WINDOW_RULE, c -> {
        if (c.plan().type != PlanType.ANNUAL || c.stage() == Stage.APPROVAL && c.plan().submittedAt != null
                && onTime(c.plan().year, c.plan().submittedAt.toLocalDate(), c.parameters().submissionDeadline())) {
            return List.of();
        }
        LocalDate day = c.stage() == Stage.APPROVAL && c.plan().submittedAt != null
                ? c.plan().submittedAt.toLocalDate() : c.today();
        if (onTime(c.plan().year, day, c.parameters().submissionDeadline())) {
            return List.of();
        }
        return one(PLAN_SUBMISSION_WINDOW_RULE, Severity.PRINCIPLE,
                c.plan().year + " 年度计划应于 " + c.plan().year + "-" + c.parameters().submissionDeadline() + " 前报送，报送日为 " + day,
                "The " + c.plan().year + " plan was due by " + c.plan().year + "-" + c.parameters().submissionDeadline()
                        + "; submitted " + day,
                facts("year", c.plan().year, "deadline", c.plan().year + "-" + c.parameters().submissionDeadline(),
                        "submittedOn", day.toString()));
    });

    public static final RuleDescriptor NO_SELF_SET_ITEMS_RULE = RuleDescriptor.of("NO-SELF-SET-ITEMS", List.of(6),
            Severity.PROHIBITED, "部门不得自行设置面向下级党委政府的督查检查考核事项",
            "A department sets no item on lower-level committees or governments without a legal basis");
    public static final ItemPolicy NO_SELF_SET_ITEMS = policy(NO_SELF_SET_ITEMS_RULE, c -> {
        if (!c.organiserIsDepartment()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        List<String> lower = c.lowerCommitteesOrGovernmentsTargeted();
        if (!lower.isEmpty() && (c.item().legalBasis == null || c.item().legalBasis.isBlank())) {
            out.add(Finding.of(NO_SELF_SET_ITEMS_RULE, Severity.PROHIBITED,
                    "部门面向下级党委、政府的事项须有依据（法律法规或党中央、国务院及省委、省政府文件）",
                    "A department's item on lower-level party committees or governments needs a legal basis",
                    facts("targets", lower, "field", "legalBasis")));
        }
        if (c.item().regionWide && c.plan().type == PlanType.ANNUAL) {
            out.add(Finding.of(NO_SELF_SET_ITEMS_RULE, Severity.PROHIBITED,
                    "部门不得在本部门文件中自行设置全域性事项，须单独报批（一事一报）",
                    "A department does not write region-wide items into its own plan; each is its own request",
                    facts("regionWide", true, "planType", c.plan().type.name())));
        }
        return out;
    });

    // ---- article 7 ----------------------------------------------------------------------------

    public static final RuleDescriptor COMPREHENSIVE_CAP_RULE = RuleDescriptor.of("COMPREHENSIVE-CAP", List.of(7),
            Severity.PRINCIPLE, "每个部门每年原则上只搞1次综合性督查检查考核",
            "At most one comprehensive item per organiser and year, in principle");
    public static final ItemPolicy COMPREHENSIVE_CAP = cap(COMPREHENSIVE_CAP_RULE, Category.COMPREHENSIVE, "综合性",
            "comprehensive", c -> c.parameters().comprehensiveCap());

    public static final RuleDescriptor OBSERVATION_CAP_RULE = RuleDescriptor.of("OBSERVATION-CAP", List.of(7),
            Severity.PRINCIPLE, "观摩评比活动每年原则上不超过2次",
            "At most two observation/evaluation items per organiser and year, in principle");
    public static final ItemPolicy OBSERVATION_CAP = cap(OBSERVATION_CAP_RULE, Category.OBSERVATION_EVALUATION,
            "观摩评比", "observation/evaluation", c -> c.parameters().observationCap());

    static ItemPolicy cap(RuleDescriptor rule, Category category, String zh, String en,
            Function<ItemContext, Integer> cap) {
        return policy(rule, c -> {
            if (c.item().category != category) {
                return List.of();
            }
            long approved = c.candidates().approvedCount(c.item().organiserUnitCode, c.item().year, category, c.item().id);
            long siblings = c.earlierSiblings().stream().filter(i -> i.category == category).count();
            long count = approved + siblings + 1;
            int limit = cap.apply(c);
            if (count <= limit) {
                return List.of();
            }
            return one(rule, Severity.PRINCIPLE,
                    c.item().organiserUnitCode + " 在 " + c.item().year + " 年将有 " + count + " 项" + zh + "事项，超过上限 " + limit,
                    c.item().organiserUnitCode + " would have " + count + " " + en + " items in " + c.item().year
                            + ", over the cap of " + limit,
                    facts("organiser", c.item().organiserUnitCode, "year", c.item().year, "count", count, "cap", limit,
                            "alreadyApproved", approved));
        });
    }

    public static final RuleDescriptor MERGE_SIMILAR_RULE = RuleDescriptor.of("MERGE-SIMILAR", List.of(7),
            Severity.ADVISORY, "同类事项合并进行、联合开展", "Similar items are merged or run by joint teams");
    public static final ItemPolicy MERGE_SIMILAR = policy(MERGE_SIMILAR_RULE, c -> {
        List<Finding> out = new ArrayList<>();
        for (PlanItem other : nearbyOverlapping(c, 0)) {
            double similarity = similarity(c.item(), other);
            boolean sharedTopic = other.topics.stream().anyMatch(c.item().topics::contains);
            if (sharedTopic && similarity < c.parameters().similarityThreshold() && touchSamePlace(c.item(), other)) {
                Set<String> organisers = new java.util.TreeSet<>(List.of(c.item().organiserUnitCode, other.organiserUnitCode));
                out.add(Finding.of(MERGE_SIMILAR_RULE, Severity.ADVISORY,
                        "建议与事项 " + other.id + "（" + other.title + "）合并或组成联合工作组：" + String.join("、", organisers),
                        "Consider merging with item " + other.id + " (" + other.title + ") or a joint team of "
                                + String.join(", ", organisers),
                        facts("mergeWithItemId", other.id, "mergeWithTitle", other.title, "organisers", organisers,
                                "sharedTopics", other.topics.stream().filter(c.item().topics::contains).toList())));
            }
        }
        return out;
    });

    // ---- articles 8, 9 ------------------------------------------------------------------------

    public static final RuleDescriptor NO_BORROWED_BANNER_RULE = RuleDescriptor.of("NO-BORROWED-BANNER", List.of(8, 9),
            Severity.PROHIBITED, "部门不得以党委、政府名义开展督查检查考核",
            "A department acts only in its own name; a coordination body in the committee's or government's name "
                    + "only with a recorded approval");
    public static final ItemPolicy NO_BORROWED_BANNER = policy(NO_BORROWED_BANNER_RULE, c -> {
        ActingName name = c.item().actingName;
        UnitKind kind = c.organiser().kind;
        if (name == ActingName.OWN) {
            return List.of();
        }
        boolean committeeName = name == ActingName.PARTY_COMMITTEE || name == ActingName.GOVERNMENT;
        if (kind == UnitKind.DEPARTMENT && committeeName) {
            return one(NO_BORROWED_BANNER_RULE, Severity.PROHIBITED, "部门不得以党委、政府名义开展督查检查考核",
                    "A department may not act in the name of the party committee or government",
                    facts("organiserKind", kind.name(), "actingName", name.name()));
        }
        if (kind == UnitKind.DEPARTMENT && name == ActingName.COORDINATION_BODY) {
            return one(NO_BORROWED_BANNER_RULE, Severity.PROHIBITED, "部门不得以议事协调机构名义开展跨部门督查检查考核",
                    "A department may not act in a coordination body's name for cross-department work",
                    facts("organiserKind", kind.name(), "actingName", name.name(), "actingBody", c.item().actingBodyUnitCode));
        }
        if (kind == UnitKind.COORDINATION_BODY && committeeName
                && (c.item().actingApprovalReference == null || c.item().actingApprovalReference.isBlank())) {
            return one(NO_BORROWED_BANNER_RULE, Severity.PROHIBITED, "议事协调机构以党委、政府名义开展的，须经批准并注明批准文号",
                    "A coordination body acts in the committee's or government's name only with a recorded approval",
                    facts("organiserKind", kind.name(), "actingName", name.name(), "field", "actingApprovalReference"));
        }
        return List.of();
    });

    public static final RuleDescriptor NO_NOTICE_TO_LOWER_COMMITTEE_RULE = RuleDescriptor.of(
            "NO-NOTICE-TO-LOWER-COMMITTEE", List.of(8), Severity.PROHIBITED,
            "部门不得向下级党委、政府及其办公厅（室）发督查检查考核通知",
            "A department sends no inspection notice to lower-level committees, governments or their offices");
    public static final ItemPolicy NO_NOTICE_TO_LOWER_COMMITTEE = policy(NO_NOTICE_TO_LOWER_COMMITTEE_RULE, c -> {
        if (!c.organiserIsDepartment()) {
            return List.of();
        }
        List<String> wrong = c.noticeRecipients().stream()
                .filter(u -> u.kind.committeeOrGovernmentOrOffice() && u.lowerThan(c.organiser()))
                .map(u -> u.code).toList();
        return wrong.isEmpty() ? List.of() : one(NO_NOTICE_TO_LOWER_COMMITTEE_RULE, Severity.PROHIBITED,
                "部门不得向下级党委、政府及其办公厅（室）发通知：" + String.join("、", wrong),
                "A department may not notify lower-level committees, governments or their offices: " + String.join(", ", wrong),
                facts("recipients", wrong));
    });

    public static final RuleDescriptor NO_SIMILAR_SERIES_RULE = RuleDescriptor.of("NO-SIMILAR-SERIES", List.of(8),
            Severity.PROHIBITED, "内容相近或相关的事项不得在同一地方同期或短期内重复开展",
            "No two highly similar items touch the same place in overlapping or close periods");
    public static final ItemPolicy NO_SIMILAR_SERIES = policy(NO_SIMILAR_SERIES_RULE, c -> {
        List<Finding> out = new ArrayList<>();
        int gap = c.parameters().seriesGapDays();
        for (PlanItem other : nearbyOverlapping(c, gap)) {
            double similarity = similarity(c.item(), other);
            if (similarity >= c.parameters().similarityThreshold() && touchSamePlace(c.item(), other)) {
                long gapDays = gapDays(c.item(), other);
                out.add(Finding.of(NO_SIMILAR_SERIES_RULE, Severity.PROHIBITED,
                        "与事项 " + other.id + "（" + other.title + "）内容高度相近（相似度 " + round(similarity)
                                + "），对象重叠，时间" + (gapDays <= 0 ? "重叠" : "间隔 " + gapDays + " 天"),
                        "Highly similar to item " + other.id + " (" + other.title + "), similarity " + round(similarity)
                                + ", same place, " + (gapDays <= 0 ? "overlapping periods" : gapDays + " days apart"),
                        facts("clashingItemId", other.id, "clashingTitle", other.title, "clashingOrganiser",
                                other.organiserUnitCode, "similarity", round(similarity), "gapDays", Math.max(0, gapDays),
                                "maxGapDays", gap)));
            }
        }
        return out;
    });

    // ---- article 4 ----------------------------------------------------------------------------

    public static final RuleDescriptor NO_MEETING_MONTH_RULE = RuleDescriptor.of("NO-MEETING-MONTH", List.of(4),
            Severity.PRINCIPLE, "无会月原则上不开展现场督查检查考核活动", "No on-site activity in a no-meeting month, in principle");
    public static final ItemPolicy NO_MEETING_MONTH = policy(NO_MEETING_MONTH_RULE, c -> {
        PlanItem i = c.item();
        if (!i.onSite) {
            return List.of();
        }
        List<String> clashes = new ArrayList<>();
        for (NoMeetingMonth m : c.candidates().noMeetingMonths(i.periodStart.getYear(), i.periodEnd.getYear())) {
            YearMonth ym = YearMonth.of(m.year, m.month);
            boolean overlaps = !ym.atEndOfMonth().isBefore(i.periodStart) && !ym.atDay(1).isAfter(i.periodEnd);
            if (overlaps && regionsMeet(i.targetRegionPrefix, new RegionCode(m.regionCode).prefix())) {
                clashes.add(ym + "@" + m.regionCode);
            }
        }
        return clashes.isEmpty() ? List.of() : one(NO_MEETING_MONTH_RULE, Severity.PRINCIPLE,
                "现场活动期间含无会月：" + String.join("、", clashes),
                "The on-site period includes no-meeting months: " + String.join(", ", clashes),
                facts("noMeetingMonths", clashes, "periodStart", i.periodStart.toString(), "periodEnd", i.periodEnd.toString()));
    });

    // ---- article 10 ---------------------------------------------------------------------------

    public static final RuleDescriptor ON_SITE_REGION_WIDE_RULE = RuleDescriptor.of("ON-SITE-REGION-WIDE", List.of(10),
            Severity.PROHIBITED, "部门不得开展全域性现场督查检查考核，党委政府统一部署的除外",
            "A department holds no region-wide on-site activity unless the committee and government deployed it jointly");
    public static final ItemPolicy ON_SITE_REGION_WIDE = policy(ON_SITE_REGION_WIDE_RULE, c ->
            c.organiserIsDepartment() && c.item().onSite && c.item().regionWide && !c.item().unifiedDeployment
                    ? one(ON_SITE_REGION_WIDE_RULE, Severity.PROHIBITED, "部门不得开展全域性现场活动（非党委政府统一部署）",
                    "A department may not hold a region-wide on-site activity that is not a unified deployment",
                    facts("regionWide", true, "onSite", true, "unifiedDeployment", false))
                    : List.of());

    public static final RuleDescriptor SAMPLE_AT_MOST_THIRD_RULE = RuleDescriptor.of("SAMPLE-AT-MOST-THIRD", List.of(10),
            Severity.PRINCIPLE, "现场督查检查考核原则上采取抽查方式，抽查对象不超过总数的三分之一",
            "On-site work samples, at most a third of the total, in principle");

    /** The largest sample a population allows: a third (the divisor), rounded down. */
    public static int maxSample(int population, int divisor) {
        return population / divisor;
    }

    public static final ItemPolicy SAMPLE_AT_MOST_THIRD = policy(SAMPLE_AT_MOST_THIRD_RULE, c -> {
        PlanItem i = c.item();
        if (!i.onSite) {
            return List.of();
        }
        if (i.samplingPopulation == null || i.samplingSize == null) {
            return one(SAMPLE_AT_MOST_THIRD_RULE, Severity.PRINCIPLE, "现场活动须说明抽查方案（总数和抽查数）",
                    "On-site work declares its sampling (population and sample size)", facts("field", "sampling"));
        }
        int max = maxSample(i.samplingPopulation, c.parameters().sampleDivisor());
        return i.samplingSize <= max ? List.of() : one(SAMPLE_AT_MOST_THIRD_RULE, Severity.PRINCIPLE,
                "抽查 " + i.samplingSize + " 个，超过总数 " + i.samplingPopulation + " 的三分之一（最多 " + max + " 个）",
                "A sample of " + i.samplingSize + " exceeds a third of " + i.samplingPopulation + " (at most " + max + ")",
                facts("population", i.samplingPopulation, "sampleSize", i.samplingSize, "maxSample", max));
    });

    public static final RuleDescriptor CONSTRUCTION_SITE_RULE = RuleDescriptor.of("CONSTRUCTION-SITE", List.of(10),
            Severity.PRINCIPLE, "除确有必要外，不到施工现场", "No construction-site visits unless truly necessary");
    public static final ItemPolicy CONSTRUCTION_SITE = policy(CONSTRUCTION_SITE_RULE, c -> {
        PlanItem i = c.item();
        if (i.constructionSiteVisits == 0) {
            return List.of();
        }
        return one(CONSTRUCTION_SITE_RULE, Severity.PRINCIPLE,
                "计划到施工现场 " + i.constructionSiteVisits + " 次，须写明必要性并经特批",
                i.constructionSiteVisits + " construction-site visits planned: the necessity must be recorded and granted",
                facts("constructionSiteVisits", i.constructionSiteVisits, "necessity", i.constructionSiteNecessity));
    });

    // ---- article 11 ---------------------------------------------------------------------------

    public static final RuleDescriptor GUIDANCE_IS_NOT_INSPECTION_RULE = RuleDescriptor.of("GUIDANCE-IS-NOT-INSPECTION",
            List.of(11), Severity.PROHIBITED, "调研指导不得冠以督查检查名义，不得打分排名、追责问责",
            "Research and guidance is not titled or run as an inspection: no scoring, ranking or accountability");
    public static final ItemPolicy GUIDANCE_IS_NOT_INSPECTION = policy(GUIDANCE_IS_NOT_INSPECTION_RULE, c -> {
        PlanItem i = c.item();
        if (i.category != Category.RESEARCH_GUIDANCE) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        if (INSPECTION_WORDS.contains(i.activityWord)) {
            problems.add("activityWord=" + i.activityWord);
        }
        INSPECTION_WORDS.stream().filter(w -> i.title.contains(w)).forEach(w -> problems.add("title:" + w));
        if (i.scores) {
            problems.add("scores");
        }
        if (i.ranks) {
            problems.add("ranks");
        }
        if (i.mayLeadToAccountability) {
            problems.add("mayLeadToAccountability");
        }
        return problems.isEmpty() ? List.of() : one(GUIDANCE_IS_NOT_INSPECTION_RULE, Severity.PROHIBITED,
                "调研指导事项不得使用督查检查名义或打分、排名、问责；如需如此，请按督查检查考核事项报批：" + String.join("、", problems),
                "Research/guidance may not be named or run as an inspection (scoring, ranking, accountability); "
                        + "submit it as an inspection instead: " + String.join(", ", problems),
                facts("problems", problems));
    });

    // ---- article 14 ---------------------------------------------------------------------------

    public static final RuleDescriptor NO_INSPECTION_RIGHT_AFTER_DEPLOYMENT_RULE = RuleDescriptor.of(
            "NO-INSPECTION-RIGHT-AFTER-DEPLOYMENT", List.of(14), Severity.PROHIBITED, "不能刚部署就督查、刚部署就检查",
            "An item does not start right after the work it checks was deployed");
    public static final ItemPolicy NO_INSPECTION_RIGHT_AFTER_DEPLOYMENT = policy(NO_INSPECTION_RIGHT_AFTER_DEPLOYMENT_RULE, c -> {
        PlanItem i = c.item();
        if (i.workDeployedOn == null) {
            return List.of();
        }
        long days = ChronoUnit.DAYS.between(i.workDeployedOn, i.periodStart);
        int min = c.parameters().deploymentGapDays();
        return days >= min ? List.of() : one(NO_INSPECTION_RIGHT_AFTER_DEPLOYMENT_RULE, Severity.PROHIBITED,
                "工作于 " + i.workDeployedOn + " 部署，" + days + " 天后即开始检查，不足 " + min + " 天",
                "The work was deployed on " + i.workDeployedOn + "; the item starts " + days + " days later, fewer than " + min,
                facts("workDeployedOn", i.workDeployedOn.toString(), "periodStart", i.periodStart.toString(),
                        "days", days, "minimumDays", min));
    });

    // ---- article 17 ---------------------------------------------------------------------------

    public static final RuleDescriptor FOLDED_INTO_COMPREHENSIVE_RULE = RuleDescriptor.of("FOLDED-INTO-COMPREHENSIVE",
            List.of(17), Severity.PRINCIPLE, "纳入省政府年度综合督查的事项，省直部门原则上不再单独开展专项督查",
            "Provincial departments run no own special inspections on topics folded into the provincial comprehensive inspection");
    public static final ItemPolicy FOLDED_INTO_COMPREHENSIVE = policy(FOLDED_INTO_COMPREHENSIVE_RULE, c -> {
        PlanItem i = c.item();
        if (i.category != Category.SPECIAL || !c.organiserIsDepartment() || c.organiser().level != UnitLevel.PROVINCE) {
            return List.of();
        }
        List<String> folded = new ArrayList<>();
        for (String pair : c.parameters().foldedTopics()) {
            for (String name : pair.split("\\|")) {
                String n = name.trim().toLowerCase(Locale.ROOT);
                if (i.topics.stream().anyMatch(t -> t.trim().toLowerCase(Locale.ROOT).equals(n))) {
                    folded.add(pair.split("\\|")[0].trim());
                }
            }
        }
        return folded.isEmpty() ? List.of() : one(FOLDED_INTO_COMPREHENSIVE_RULE, Severity.PRINCIPLE,
                "以下专题已纳入省政府年度综合督查：" + String.join("、", folded),
                "These topics are folded into the provincial comprehensive inspection: " + String.join(", ", folded),
                facts("foldedTopics", folded));
    });

    // ---- article 20 ---------------------------------------------------------------------------

    public static final RuleDescriptor GRASSROOTS_REDUCTION_RULE = RuleDescriptor.of("GRASSROOTS-REDUCTION", List.of(20),
            Severity.ADVISORY, "面向县乡村和厂矿企业、学校的督查检查考核事项较基准年减少50%以上",
            "Items aimed at the grassroots fall by at least half against the baseline year");

    /** The organiser's standing: this year's grassroots items against the baseline, or null without a baseline. */
    public static Map<String, Object> standing(Candidates candidates, String organiser, int year, int baselineYear,
            double target, long extra) {
        long now = candidates.grassrootsItems(organiser, year) + extra;
        Integer base = candidates.recordedBaseline(organiser, baselineYear)
                .orElse((int) candidates.grassrootsItems(organiser, baselineYear));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("organiser", organiser);
        m.put("year", year);
        m.put("items", now);
        m.put("baselineYear", baselineYear);
        m.put("baselineItems", base);
        if (base > 0) {
            double reduction = 1.0 - (double) now / base;
            m.put("reduction", round(reduction));
            m.put("target", target);
            m.put("meetsTarget", reduction >= target);
        } else {
            m.put("meetsTarget", null);
        }
        return m;
    }

    public static final ItemPolicy GRASSROOTS_REDUCTION = policy(GRASSROOTS_REDUCTION_RULE, c -> {
        if (!c.item().grassroots) {
            return List.of();
        }
        long siblings = c.earlierSiblings().stream().filter(s -> s.grassroots).count() + 1;
        Map<String, Object> s = standing(c.candidates(), c.item().organiserUnitCode, c.item().year,
                c.parameters().baselineYear(), c.parameters().grassrootsReduction(), siblings);
        if (!Boolean.FALSE.equals(s.get("meetsTarget"))) {
            return List.of();
        }
        return one(GRASSROOTS_REDUCTION_RULE, Severity.ADVISORY,
                "面向基层事项 " + s.get("items") + " 项，基准年 " + s.get("baselineYear") + " 为 " + s.get("baselineItems")
                        + " 项，减幅 " + s.get("reduction") + "，未达 " + s.get("target"),
                s.get("items") + " grassroots items against " + s.get("baselineItems") + " in " + s.get("baselineYear")
                        + ": reduction " + s.get("reduction") + ", below the target " + s.get("target"), s);
    });

    // ---- article 23 ---------------------------------------------------------------------------

    public static final RuleDescriptor LEADER_RANK_RULE = RuleDescriptor.of("LEADER-RANK", List.of(23), Severity.ADVISORY,
            "根据工作需要确定督查组组长职级，不搞高规格", "The team leader's rank fits the task, not as high as possible");
    public static final ItemPolicy LEADER_RANK = policy(LEADER_RANK_RULE, c -> {
        LeaderRank rank = c.item().teamLeaderRank;
        if (rank == null) {
            return List.of();
        }
        // the highest rank a unit of the organiser's level can send
        LeaderRank top = switch (c.organiser().level) {
            case PROVINCE -> LeaderRank.PROVINCIAL_MINISTERIAL;
            case CITY -> LeaderRank.BUREAU;
            case COUNTY -> LeaderRank.DIVISION;
            default -> LeaderRank.SECTION;
        };
        return rank.ordinal() > top.ordinal() ? List.of() : one(LEADER_RANK_RULE, Severity.ADVISORY,
                "组长职级为 " + rank + "，已是本级最高规格，请确认确有必要",
                "The team leader's rank " + rank + " is the highest this level can send; confirm the task needs it",
                facts("teamLeaderRank", rank.name(), "organiserLevel", c.organiser().level.name()));
    });

    // ---- article 29 ---------------------------------------------------------------------------

    public static final RuleDescriptor EXEMPT_UNITS_RULE = RuleDescriptor.of("EXEMPT-UNITS", List.of(29),
            Severity.PROHIBITED, "在省政府综合督查中受表扬的单位，下一年度免予督查",
            "A unit commended in a year's provincial comprehensive inspection is exempt from the next year's");

    /** The provincial government's annual comprehensive inspection (article 29). */
    public static boolean provincialComprehensive(PlanItem item, Unit organiser) {
        return item.category == Category.COMPREHENSIVE && organiser.level == UnitLevel.PROVINCE
                && (organiser.kind == UnitKind.GOVERNMENT || organiser.kind == UnitKind.GOVERNMENT_OFFICE);
    }

    public static final ItemPolicy EXEMPT_UNITS = policy(EXEMPT_UNITS_RULE, c -> {
        if (!provincialComprehensive(c.item(), c.organiser()) || c.item().targetUnitCodes.isEmpty()) {
            return List.of();
        }
        Set<String> exempt = c.candidates().exempt(c.item().targetUnitCodes, c.item().year);
        return exempt.isEmpty() ? List.of() : one(EXEMPT_UNITS_RULE, Severity.PROHIBITED,
                "以下单位 " + c.item().year + " 年免予督查，不得列为对象：" + String.join("、", exempt),
                "These units are exempt in " + c.item().year + " and may not be targets: " + String.join(", ", exempt),
                facts("exemptTargets", exempt, "year", c.item().year));
    });

    // ---- article 7 (重复扎堆) -------------------------------------------------------------------

    public static final RuleDescriptor VISIT_FREQUENCY_RULE = RuleDescriptor.of("VISIT-FREQUENCY", List.of(7),
            Severity.PRINCIPLE, "避免对同一单位重复扎堆开展现场督查检查考核",
            "No unit faces on-site visits piled up: at most a set number a day, a week and a month");
    public static final ItemPolicy VISIT_FREQUENCY = policy(VISIT_FREQUENCY_RULE, c -> {
        PlanItem i = c.item();
        if (!i.onSite || i.targetUnitCodes.isEmpty()) {
            return List.of();
        }
        LocalDate from = i.plannedVisitDays().stream().min(LocalDate::compareTo).orElse(i.periodStart).withDayOfMonth(1);
        LocalDate last = i.plannedVisitDays().stream().max(LocalDate::compareTo).orElse(i.periodStart);
        LocalDate to = last.withDayOfMonth(last.lengthOfMonth());
        List<PlanItem> others = c.candidates().visitsTo(i.targetUnitCodes, from, to, i.id);
        List<Finding> out = new ArrayList<>();
        PlanRuleParameters p = c.parameters();
        for (String target : i.targetUnitCodes) {
            Map<LocalDate, Integer> perDay = new HashMap<>();
            Map<String, Integer> perWeek = new HashMap<>();
            Map<YearMonth, Integer> perMonth = new HashMap<>();
            List<PlanItem> all = new ArrayList<>();
            others.stream().filter(o -> o.targetUnitCodes.contains(target)).forEach(all::add);
            all.add(i);
            for (PlanItem o : all) {
                for (LocalDate d : o.plannedVisitDays()) {
                    perDay.merge(d, 1, Integer::sum);
                    perWeek.merge(d.get(IsoFields.WEEK_BASED_YEAR) + "-W" + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 1, Integer::sum);
                    perMonth.merge(YearMonth.from(d), 1, Integer::sum);
                }
            }
            Set<String> over = new java.util.TreeSet<>();
            for (LocalDate d : i.plannedVisitDays()) {
                String week = d.get(IsoFields.WEEK_BASED_YEAR) + "-W" + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                if (perDay.get(d) > p.visitsPerDay()) {
                    over.add("day " + d + ": " + perDay.get(d) + " > " + p.visitsPerDay());
                }
                if (perWeek.get(week) > p.visitsPerWeek()) {
                    over.add("week " + week + ": " + perWeek.get(week) + " > " + p.visitsPerWeek());
                }
                if (perMonth.get(YearMonth.from(d)) > p.visitsPerMonth()) {
                    over.add("month " + YearMonth.from(d) + ": " + perMonth.get(YearMonth.from(d)) + " > " + p.visitsPerMonth());
                }
            }
            if (!over.isEmpty()) {
                // a warning at submission, a PRINCIPLE refusal at approval (without an exception)
                Severity s = c.stage() == Stage.APPROVAL ? Severity.PRINCIPLE : Severity.ADVISORY;
                List<Long> clashing = others.stream().filter(o -> o.targetUnitCodes.contains(target)).map(o -> o.id).toList();
                out.add(Finding.of(VISIT_FREQUENCY_RULE, s, target + " 将被重复扎堆检查：" + String.join("；", over),
                        target + " would face too many on-site visits: " + String.join("; ", over),
                        facts("unit", target, "limits", over, "otherItems", clashing)));
            }
        }
        return out;
    });

    /** Every item policy, in the rulebook's order. */
    public static final List<ItemPolicy> ALL = List.of(ANNUAL_PLAN_REQUIRED, PLAN_SUBMISSION_WINDOW, NO_SELF_SET_ITEMS,
            COMPREHENSIVE_CAP, OBSERVATION_CAP, MERGE_SIMILAR, NO_BORROWED_BANNER, NO_NOTICE_TO_LOWER_COMMITTEE,
            NO_SIMILAR_SERIES, NO_MEETING_MONTH, ON_SITE_REGION_WIDE, SAMPLE_AT_MOST_THIRD, CONSTRUCTION_SITE,
            GUIDANCE_IS_NOT_INSPECTION, NO_INSPECTION_RIGHT_AFTER_DEPLOYMENT, FOLDED_INTO_COMPREHENSIVE,
            GRASSROOTS_REDUCTION, LEADER_RANK, EXEMPT_UNITS, VISIT_FREQUENCY);

    public static final RuleDescriptor POSITIVE_LIST_RULE = new RuleDescriptor("POSITIVE-LIST", List.of(21), "RECORD",
            "经批准的督查检查考核事项形成正面清单并向社会公开", "Approved items form the public positive list", Map.of(), null);

    // ---- shared measures ----------------------------------------------------------------------

    static List<PlanItem> nearbyOverlapping(ItemContext c, int gapDays) {
        return c.candidates().nearby(c.item(), gapDays).stream()
                .filter(o -> o.id == null || !o.id.equals(c.item().id))
                .filter(o -> gapDays(c.item(), o) <= gapDays)
                .toList();
    }

    /** Days between two periods; zero or negative when they overlap. */
    static long gapDays(PlanItem a, PlanItem b) {
        if (!a.periodEnd.isBefore(b.periodStart) && !b.periodEnd.isBefore(a.periodStart)) {
            return 0;
        }
        return a.periodEnd.isBefore(b.periodStart) ? ChronoUnit.DAYS.between(a.periodEnd, b.periodStart)
                : ChronoUnit.DAYS.between(b.periodEnd, a.periodStart);
    }

    /** The larger of the topics' and the titles' (character bigrams) Jaccard similarity. */
    public static double similarity(PlanItem a, PlanItem b) {
        return Math.max(jaccard(normalise(a.topics), normalise(b.topics)), jaccard(bigrams(a.title), bigrams(b.title)));
    }

    static Set<String> normalise(List<String> topics) {
        Set<String> s = new HashSet<>();
        topics.forEach(t -> s.add(t.trim().toLowerCase(Locale.ROOT)));
        return s;
    }

    static Set<String> bigrams(String title) {
        String t = title.replaceAll("[\\s\\p{Punct}（）《》“”、，。：]", "");
        Set<String> s = new HashSet<>();
        for (int k = 0; k + 1 < t.length(); k++) {
            s.add(t.substring(k, k + 2));
        }
        return s;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> inter = new HashSet<>(a);
        inter.retainAll(b);
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return (double) inter.size() / union.size();
    }

    /** Explicit targets meet when they share a unit; a scope meets whatever lies in or around its region. */
    static boolean touchSamePlace(PlanItem a, PlanItem b) {
        if (!a.targetUnitCodes.isEmpty() && !b.targetUnitCodes.isEmpty()) {
            return a.targetUnitCodes.stream().anyMatch(b.targetUnitCodes::contains);
        }
        return regionsMeet(a.targetRegionPrefix, b.targetRegionPrefix);
    }

    static boolean regionsMeet(String a, String b) {
        return a.startsWith(b) || b.startsWith(a);
    }

    static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
