package cn.dcjk.plans.rule;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/** The rulebook's parameters ({…} in RULEBOOK.md); operators change them without a rebuild. */
@ConfigMapping(prefix = "dcjk.rules")
public interface PlanRuleParameters {

    /** PLAN-SUBMISSION-WINDOW: the last day (MM-dd) of the plan's year to submit on time. */
    @WithDefault("01-31")
    String submissionDeadline();

    /** COMPREHENSIVE-CAP: comprehensive items per organiser and year. */
    @WithDefault("1")
    int comprehensiveCap();

    /** OBSERVATION-CAP: observation/evaluation items per organiser and year. */
    @WithDefault("2")
    int observationCap();

    /** NO-SIMILAR-SERIES: similarity from which two items count as a series. */
    @WithDefault("0.6")
    double similarityThreshold();

    /**
     * NO-SIMILAR-SERIES: largest gap in days between two periods that still counts as 「同一时段」.
     * The text's meaning is overlapping periods (0); a stricter reading counts periods this many days apart.
     */
    @WithDefault("0")
    int seriesGapDays();

    /**
     * NO-BORROWED-BANNER: article 9 forbids a department to act in a coordination body's name for
     * cross-department work (the default, false); true is the stricter reading: never in its name.
     */
    @WithDefault("false")
    boolean departmentNeverInCoordinationBodyName();

    /** SAMPLE-AT-MOST-THIRD: the sample is at most population / this, rounded down. */
    @WithDefault("3")
    int sampleDivisor();

    /** NO-INSPECTION-RIGHT-AFTER-DEPLOYMENT: days between deployment and the start (刚部署). */
    @WithDefault("60")
    int deploymentGapDays();

    /**
     * FOLDED-INTO-COMPREHENSIVE: the topics of article 17, one entry each, the article's word first and
     * then the names and abbreviations a person would recognise it by (separated by |).
     */
    @WithDefault("金融风险防范化解|防范化解金融风险|防范金融风险|化解金融风险|金融风险|非法集资|financial risk,"
            + "扶贫|脱贫|脱贫攻坚|精准扶贫|poverty alleviation,"
            + "环保|环境保护|生态环境|污染防治|环保督察|environmental protection,"
            + "乡村振兴|rural revitalisation|rural revitalization,"
            + "安全生产|生产安全|安全生产大检查|work safety,"
            + "土地执法|土地违法|违法用地|国土执法|土地卫片|land law enforcement")
    List<String> foldedTopics();

    /** GRASSROOTS-REDUCTION: the reduction aimed at against the baseline year. */
    @WithDefault("0.5")
    double grassrootsReduction();

    @WithDefault("2018")
    int baselineYear();

    /** Urgent (紧急突发) approvals lapse after this many days unless converted. */
    @WithDefault("90")
    int urgentValidityDays();

    /** VISIT-FREQUENCY (重复扎堆): on-site visits a unit may face per day, week, month. */
    @WithDefault("1")
    int visitsPerDay();

    @WithDefault("2")
    int visitsPerWeek();

    @WithDefault("3")
    int visitsPerMonth();
}
