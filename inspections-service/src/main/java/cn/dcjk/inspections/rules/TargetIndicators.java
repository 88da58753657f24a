package cn.dcjk.inspections.rules;

import cn.dcjk.inspections.assessment.Indicator;

import java.util.List;

/** What the assessment rules judge: one kind of target of a scheme with its indicators. */
public record TargetIndicators(String targetType, List<Indicator> indicators) {
}
