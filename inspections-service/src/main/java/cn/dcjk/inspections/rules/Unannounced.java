package cn.dcjk.inspections.rules;

import cn.dcjk.common.rule.Facts;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;

import java.util.List;

/**
 * UNANNOUNCED (article 15): 「鼓励督查检查考核不打招呼、不发通知，一竿子插到底，摸实情、听真话。」 The inspected
 * unit sees an unannounced inspection, its itinerary and its targets only once a visit to it has
 * started. The rule records rather than refuses: its finding says the inspection is hidden.
 */
public final class Unannounced implements Rule<Unannounced.Context> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("UNANNOUNCED", List.of(15), Severity.RECORD,
            "暗访（不打招呼）的行程和对象在实地开始前对被检查单位保密",
            "An unannounced inspection is hidden from the inspected unit until the visit starts");

    public record Context(boolean unannounced, boolean visitStarted) {
    }

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(Context c) {
        if (!c.unannounced() || c.visitStarted()) {
            return List.of();
        }
        return List.of(finding("不打招呼的检查，实地开始前对被检查单位保密",
                "An unannounced inspection stays hidden from the inspected unit until its visit starts",
                Facts.of("unannounced", true, "visitStarted", false)));
    }

    public boolean visibleToInspectedUnit(boolean unannounced, boolean visitStarted) {
        return judge(new Context(unannounced, visitStarted)).isEmpty();
    }
}
