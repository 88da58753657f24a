package cn.dcjk.inspections.rules;

import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.inspections.assessment.Indicator;
import cn.dcjk.inspections.assessment.IndicatorKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * NO-ACCOUNTABILITY-QUOTA (article 26, 不得把问责作为考核指标): no indicator counts or rewards
 * accountability cases, whether by its kind or by its name ({keywords}).
 */
public final class NoAccountabilityQuota {

    public static final RuleDescriptor RULE = RuleDescriptor.of("NO-ACCOUNTABILITY-QUOTA", List.of(26),
            Severity.PROHIBITED, "不得以问责数量作为考核指标", "No indicator counts or rewards accountability cases");

    private final List<String> keywords;

    public NoAccountabilityQuota(List<String> keywords) {
        this.keywords = keywords.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
    }

    public List<Finding> evaluate(String targetType, List<Indicator> indicators) {
        List<Finding> out = new ArrayList<>();
        for (Indicator i : indicators) {
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
