package cn.dcjk.inspections.rules;

import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.inspections.assessment.Indicator;
import cn.dcjk.inspections.assessment.IndicatorKind;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * RESULTS-NOT-TRACES (article 14, 重实绩不重留痕): meetings held, documents issued and paperwork
 * volume together weigh at most {max-weight} (20%) of a scheme, per target type; exactly 20% passes.
 */
public final class ResultsNotTraces {

    public static final RuleDescriptor RULE = RuleDescriptor.of("RESULTS-NOT-TRACES", List.of(14),
            Severity.PROHIBITED, "不把开会发文、留痕多少作为主要考核依据",
            "Meetings held, documents issued and paperwork are not the main criteria");

    private final BigDecimal maxWeight;

    public ResultsNotTraces(BigDecimal maxWeight) {
        this.maxWeight = maxWeight;
    }

    public List<Finding> evaluate(String targetType, List<Indicator> indicators) {
        BigDecimal traces = indicators.stream().filter(i -> i.kind() != null && i.kind().trace())
                .map(Indicator::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (traces.compareTo(maxWeight) <= 0) {
            return List.of();
        }
        return List.of(Finding.of(RULE, Severity.PROHIBITED,
                "对象类型 " + targetType + "：开会、发文、留痕类指标权重合计 " + pct(traces) + "，超过 " + pct(maxWeight),
                "Target type " + targetType + ": meetings, documents and paperwork weigh " + pct(traces)
                        + " together, more than " + pct(maxWeight),
                Map.of("targetType", targetType, "traceWeight", traces, "maxWeight", maxWeight,
                        "kinds", List.of(IndicatorKind.MEETINGS_HELD, IndicatorKind.DOCUMENTS_ISSUED,
                                IndicatorKind.PAPERWORK_VOLUME))));
    }

    private static String pct(BigDecimal w) {
        return w.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
