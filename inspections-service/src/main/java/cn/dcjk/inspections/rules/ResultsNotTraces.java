package cn.dcjk.inspections.rules;

import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.inspections.assessment.Indicator;
import cn.dcjk.inspections.assessment.IndicatorKind;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * RESULTS-NOT-TRACES (article 14): 「必要的记录、台账要看，但主要看工作实绩，不得以是否召开会议、是否印发文件等
 * 作为评判是否抓落实的主要依据。……不能简单以留痕多少评判工作好坏」. Meetings held, documents issued and
 * paperwork volume together must not be the main criterion (主要依据) of a scheme, per target type:
 * their weight together is at most {@code maxWeight}. The text's meaning is the default, 0.5: more
 * than half would make them the main basis; an operator who reads 主要依据 more strictly sets a
 * lower cap (the suite used to read it as 0.2). Exactly the cap passes.
 */
public final class ResultsNotTraces implements Rule<TargetIndicators> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("RESULTS-NOT-TRACES", List.of(14),
            Severity.PROHIBITED, "不把开会发文、留痕多少作为主要考核依据",
            "Meetings held, documents issued and paperwork are not the main criteria");

    private final BigDecimal maxWeight;

    public ResultsNotTraces(BigDecimal maxWeight) {
        this.maxWeight = maxWeight;
    }

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(TargetIndicators t) {
        String targetType = t.targetType();
        List<Indicator> indicators = t.indicators();
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
