package cn.dcjk.plans.rule;

import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.plans.plan.Category;

import java.util.List;

/**
 * OBSERVATION-CAP (article 7): 「观摩评比性质的督查检查考核原则上每年不超过2次。」
 * At most {@code observationCap} observation/evaluation items per organiser and year, in principle.
 */
public final class ObservationCap extends YearlyCap {

    public static final RuleDescriptor RULE = RuleDescriptor.of("OBSERVATION-CAP", List.of(7),
            Severity.PRINCIPLE, "观摩评比活动每年原则上不超过2次",
            "At most two observation/evaluation items per organiser and year, in principle");

    public ObservationCap() {
        super(Category.OBSERVATION_EVALUATION, "观摩评比", "observation/evaluation");
    }

    @Override
    int cap(PlanRuleParameters p) {
        return p.observationCap();
    }

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }
}
