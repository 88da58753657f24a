package cn.dcjk.plans.rule;

import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.plans.plan.Category;

import java.util.List;

/**
 * COMPREHENSIVE-CAP (article 7): 「党委和政府部门开展的综合性督查检查考核原则上每年不超过1次。」
 * At most {@code comprehensiveCap} comprehensive items per organiser and year, in principle.
 */
public final class ComprehensiveCap extends YearlyCap {

    public static final RuleDescriptor RULE = RuleDescriptor.of("COMPREHENSIVE-CAP", List.of(7),
            Severity.PRINCIPLE, "每个部门每年原则上只搞1次综合性督查检查考核",
            "At most one comprehensive item per organiser and year, in principle");

    public ComprehensiveCap() {
        super(Category.COMPREHENSIVE, "综合性", "comprehensive");
    }

    @Override
    int cap(PlanRuleParameters p) {
        return p.comprehensiveCap();
    }

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }
}
