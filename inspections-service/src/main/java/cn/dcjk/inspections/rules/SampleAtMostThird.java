package cn.dcjk.inspections.rules;

import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;

import java.util.List;
import java.util.Map;

/**
 * SAMPLE-AT-MOST-THIRD (article 10): 「确需实地开展的，应当以抽查为主，每个项目的被抽查对象，原则上不超过总数的
 * 三分之一。」 The system draws the sample, at most a third of the population rounded down, unless the
 * approver granted the exception up to an approved size.
 */
public final class SampleAtMostThird implements Rule<SampleAtMostThird.Context> {

    /** The population, the sample size asked for, and the exception as plans-service approved it. */
    public record Context(int population, int size, boolean exceptionGranted, Integer approvedMax) {
    }

    public static final RuleDescriptor RULE = RuleDescriptor.of("SAMPLE-AT-MOST-THIRD", List.of(10),
            Severity.PRINCIPLE, "实地督查检查原则上随机抽取，抽查对象不超过总数的三分之一",
            "The sample is drawn by the system, at most a third of the population");

    private final int denominator;

    public SampleAtMostThird(int denominator) {
        this.denominator = denominator;
    }

    public int max(int population) {
        return population / denominator;
    }

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    /** Empty when within the cap; a granted PRINCIPLE finding when the approved exception covers it; else a refusal. */
    @Override
    public List<Finding> judge(Context c) {
        int population = c.population();
        int size = c.size();
        boolean exceptionGranted = c.exceptionGranted();
        Integer approvedMax = c.approvedMax();
        int max = max(population);
        if (size <= max) {
            return List.of();
        }
        Map<String, Object> facts = Map.of("population", population, "requested", size, "max", max,
                "approvedMax", approvedMax == null ? 0 : approvedMax);
        Finding f = Finding.of(RULE, Severity.PRINCIPLE,
                "抽查 " + size + " 个超过总数 " + population + " 的三分之一（最多 " + max + " 个）",
                "A sample of " + size + " exceeds a third of " + population + " (at most " + max + ")", facts);
        if (exceptionGranted && approvedMax != null && size <= approvedMax) {
            return List.of(f.granted());
        }
        return List.of(f);
    }
}
