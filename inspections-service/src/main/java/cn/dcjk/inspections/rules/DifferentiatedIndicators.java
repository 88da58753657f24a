package cn.dcjk.inspections.rules;

import cn.dcjk.common.rule.Facts;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.inspections.assessment.Indicator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DIFFERENTIATED-INDICATORS (article 13): 「科学合理设置指标，视内容区分督查检查考核对象，体现差异化要求，
 * 避免“一刀切”“一锅煮”。」 Advisory: a scheme that gives one set of indicators (the same names and
 * weights) to every kind of target, or that names a single kind for all, is flagged; the scheme
 * is accepted and the finding shows which kinds share one set.
 */
public final class DifferentiatedIndicators implements Rule<List<TargetIndicators>> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("DIFFERENTIATED-INDICATORS", List.of(13),
            Severity.ADVISORY, "视内容区分督查检查考核对象，体现差异化要求，避免“一刀切”“一锅煮”",
            "An assessment distinguishes its targets by kind: one indicator set for every kind is flagged");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(List<TargetIndicators> scheme) {
        if (scheme.size() == 1) {
            return List.of(finding("考核方案只有一类对象（" + scheme.get(0).targetType() + "），未区分对象设置指标",
                    "The scheme has a single kind of target (" + scheme.get(0).targetType()
                            + "): indicators are not differentiated by kind",
                    Facts.of("targetTypes", List.of(scheme.get(0).targetType()))));
        }
        Map<String, List<String>> bySet = new LinkedHashMap<>();
        for (TargetIndicators t : scheme) {
            bySet.computeIfAbsent(signature(t.indicators()), k -> new ArrayList<>()).add(t.targetType());
        }
        List<Finding> out = new ArrayList<>();
        for (List<String> same : bySet.values()) {
            if (same.size() > 1 && same.size() == scheme.size()) {
                out.add(finding("所有对象类型（" + String.join("、", same) + "）使用同一套指标和权重，“一刀切”",
                        "Every kind of target (" + String.join(", ", same) + ") has the same indicators and weights",
                        Facts.of("targetTypes", same)));
            }
        }
        return out;
    }

    /** The indicator set as names and weights, order aside. */
    static String signature(List<Indicator> indicators) {
        return indicators.stream().sorted(Comparator.comparing(Indicator::name))
                .map(i -> i.name() + "=" + i.weight().stripTrailingZeros().toPlainString())
                .reduce("", (a, b) -> a + "|" + b);
    }
}
