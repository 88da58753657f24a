package cn.dcjk.inspections.rules;

import cn.dcjk.common.rule.Facts;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;

import java.util.List;

/**
 * FULL-PROCESS-RECORD (article 12): 「建立活动实施前报计划方案、实施中报具体行程、实施后报督查结果的全流程
 * 管理机制」. The scheme is filed by opening the inspection; this rule judges a visit: it rests on a
 * filed itinerary entry for the same unit.
 */
public final class FullProcessRecord implements Rule<FullProcessRecord.Context> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("FULL-PROCESS-RECORD", List.of(12),
            Severity.PROHIBITED, "事前报方案、事中报行程、事后报结果，全程记录",
            "Scheme before, itinerary before each visit, results after");

    /** Whether the itinerary entry quoted is filed for this inspection and unit. */
    public record Context(boolean itineraryFiled, String unitCode, Long itineraryEntryId) {
    }

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(Context c) {
        if (c.itineraryFiled()) {
            return List.of();
        }
        return List.of(finding("未报行程不得开展实地督查检查：请先报备对 " + c.unitCode() + " 的行程",
                "No visit without a filed itinerary entry: file the itinerary for " + c.unitCode() + " first",
                Facts.of("unitCode", c.unitCode(), "itineraryEntryId", c.itineraryEntryId())));
    }
}
