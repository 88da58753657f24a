package cn.dcjk.inspections.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.math.BigDecimal;
import java.util.List;

/** The rules' parameters ({@code dcjk.rules.*}); RULEBOOK.md's values in {} are the defaults. */
@ConfigMapping(prefix = "dcjk.rules")
public interface RuleParameters {

    @WithName("sample-at-most-third.denominator")
    @WithDefault("3")
    int sampleDenominator();

    /**
     * RESULTS-NOT-TRACES: the largest weight meetings, documents and paperwork may have together. The
     * text (「不得…作为…主要依据」) means they are not the main basis: at most half (0.50, the default).
     * A stricter reading is a lower value (e.g. 0.20).
     */
    @WithName("results-not-traces.max-weight")
    @WithDefault("0.50")
    BigDecimal maxTraceWeight();

    @WithName("problem-ledger.yellow-days")
    @WithDefault("7")
    int yellowDays();

    @WithName("reception-burden.max-briefing-size")
    @WithDefault("20")
    int maxBriefingSize();

    /** NO-ACCOUNTABILITY-FOR-RECTIFICATION: words that mark a piece of evidence as an accountability measure. */
    @WithName("no-accountability-for-rectification.keywords")
    @WithDefault("问责,追责,处分,诫勉,免职,撤职,通报批评,accountab,disciplin")
    List<String> accountabilityMeasureKeywords();

    @WithName("no-accountability-quota.keywords")
    @WithDefault("问责,追责,accountability")
    List<String> accountabilityKeywords();
}
