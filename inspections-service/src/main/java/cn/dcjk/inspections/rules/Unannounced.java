package cn.dcjk.inspections.rules;

import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;

import java.util.List;

/**
 * UNANNOUNCED (article 15, 不打招呼、不听汇报、不用陪同接待、直奔基层、直插现场): the inspected
 * unit sees an unannounced inspection, its itinerary and its targets only once a visit to it has started.
 */
public final class Unannounced {

    public static final RuleDescriptor RULE = RuleDescriptor.of("UNANNOUNCED", List.of(15), Severity.RECORD,
            "暗访（不打招呼）的行程和对象在实地开始前对被检查单位保密",
            "An unannounced inspection is hidden from the inspected unit until the visit starts");

    public boolean visibleToInspectedUnit(boolean unannounced, boolean visitStarted) {
        return !unannounced || visitStarted;
    }
}
