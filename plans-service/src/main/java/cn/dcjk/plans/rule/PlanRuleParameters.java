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

    /** NO-SIMILAR-SERIES: largest gap in days between two periods that still counts as a series. */
    @WithDefault("30")
    int seriesGapDays();

    /** SAMPLE-AT-MOST-THIRD: the sample is at most population / this, rounded down. */
    @WithDefault("3")
    int sampleDivisor();

    /** NO-INSPECTION-RIGHT-AFTER-DEPLOYMENT: days between deployment and the start (刚部署). */
    @WithDefault("60")
    int deploymentGapDays();

    /** FOLDED-INTO-COMPREHENSIVE: topics folded into the provincial comprehensive inspection (zh|en). */
    @WithDefault("金融风险|financial risk,脱贫攻坚|poverty alleviation,环境保护|environmental protection,"
            + "乡村振兴|rural revitalisation,安全生产|work safety,土地执法|land law enforcement")
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
