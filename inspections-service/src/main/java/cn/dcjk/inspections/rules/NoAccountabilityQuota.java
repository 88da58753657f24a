package cn.dcjk.inspections.rules;

import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.inspections.assessment.Indicator;
import cn.dcjk.inspections.assessment.IndicatorKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * NO-ACCOUNTABILITY-QUOTA (article 26): 「督查检查考核不能将是否问责、问责数量多少，作为评判落实效果的依据。
 * 不能“为问责而问责”，坚决杜绝以问责指标“博政绩”。」 No indicator counts or rewards accountability cases,
 * whether by its kind or by its name ({@code keywords}).
 */
public final class NoAccountabilityQuota implements Rule<TargetIndicators> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("NO-ACCOUNTABILITY-QUOTA", List.of(26),
            Severity.PROHIBITED, "不得以问责数量作为考核指标", "No indicator counts or rewards accountability cases");

    private final List<String> keywords;

    public NoAccountabilityQuota(List<String> keywords) {
        this.keywords = keywords.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(TargetIndicators t) {
        String targetType = t.targetType();
        List<Finding> out = new ArrayList<>();
        for (Indicator i : t.indicators()) {
            String name = i.name() == null ? "" : i.name().toLowerCase(Locale.ROOT);
            boolean byName = keywords.stream().anyMatch(name::contains);
            if (i.kind() == IndicatorKind.ACCOUNTABILITY_CASES || byName) {
                out.add(Finding.of(RULE, Severity.PROHIBITED,
                        "对象类型 " + targetType + " 的指标“" + i.name() + "”以问责为考核内容",
                        "Indicator '" + i.name() + "' of target type " + targetType + " counts accountability",
                        Map.of("targetType", targetType, "indicator", String.valueOf(i.name()),
                                "kind", String.valueOf(i.kind()))));
            }
        }
        return out;
    }
}
