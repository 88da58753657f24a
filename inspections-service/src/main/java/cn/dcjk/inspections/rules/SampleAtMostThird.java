package cn.dcjk.inspections.rules;

import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;

import java.util.List;
import java.util.Map;

/**
 * SAMPLE-AT-MOST-THIRD (article 10, 随机抽查): the system draws the sample, at most a third of the
 * population rounded down, unless the approver granted the exception up to an approved size.
 */
public final class SampleAtMostThird {

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

    /** Empty when within the cap; a granted PRINCIPLE finding when the approved exception covers it; else a refusal. */
    public List<Finding> evaluate(int population, int size, boolean exceptionGranted, Integer approvedMax) {
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
