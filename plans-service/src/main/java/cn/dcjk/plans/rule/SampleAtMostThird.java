package cn.dcjk.plans.rule;

import cn.dcjk.common.rule.Facts;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.plans.plan.PlanItem;

import java.util.List;

/**
 * SAMPLE-AT-MOST-THIRD (article 10): 「确需实地开展的，应当以抽查为主，每个项目的被抽查对象，原则上不超过总数的
 * 三分之一。」 An on-site item declares its sampling; the sample is at most population / {@code sampleDivisor},
 * rounded down.
 */
public final class SampleAtMostThird implements Rule<ItemContext> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("SAMPLE-AT-MOST-THIRD", List.of(10),
            Severity.PRINCIPLE, "现场督查检查考核原则上采取抽查方式，抽查对象不超过总数的三分之一",
            "On-site work samples, at most a third of the total, in principle");

    /** The largest sample a population allows: a third (the divisor), rounded down. */
    public static int maxSample(int population, int divisor) {
        return population / divisor;
    }

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(ItemContext c) {
        PlanItem i = c.item();
        if (!i.onSite) {
            return List.of();
        }
        if (i.samplingPopulation == null || i.samplingSize == null) {
            return List.of(finding("现场活动须说明抽查方案（总数和抽查数）",
                    "On-site work declares its sampling (population and sample size)", Facts.of("field", "sampling")));
        }
        int max = maxSample(i.samplingPopulation, c.parameters().sampleDivisor());
        return i.samplingSize <= max ? List.of() : List.of(finding(
                "抽查 " + i.samplingSize + " 个，超过总数 " + i.samplingPopulation + " 的三分之一（最多 " + max + " 个）",
                "A sample of " + i.samplingSize + " exceeds a third of " + i.samplingPopulation + " (at most " + max + ")",
                Facts.of("population", i.samplingPopulation, "sampleSize", i.samplingSize, "maxSample", max)));
    }
}
