package cn.dcjk.plans.rule;

import cn.dcjk.common.rule.Facts;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.plans.plan.PlanType;

import java.util.List;

/**
 * ANNUAL-PLAN-REQUIRED (articles 5, 6). Art. 5: 「实行年度计划和审批报备制度。……要提出年度计划……
 * 各级党委和政府的文件、会议要求开展相关督查检查考核的，具体组织实施仍需按程序报批。对紧急突发事项的督查检查，
 * 可以按程序报批后实施。」 Art. 6: 「确需开展的要一事一报。」 An item runs only within an approved and
 * issued annual plan or an approved one-matter request, and a one-matter request carries one matter.
 * (That an approved annual plan takes no more items is enforced where items are added.)
 */
public final class AnnualPlanRequired implements Rule<ItemContext> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("ANNUAL-PLAN-REQUIRED", List.of(5, 6),
            Severity.PROHIBITED, "实行年度计划和审批报备制度：计划外事项须一事一报",
            "Items run only within an approved and issued annual plan or an approved one-matter request");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(ItemContext c) {
        if (c.plan().type == PlanType.SINGLE_MATTER && !c.earlierSiblings().isEmpty()) {
            return List.of(finding("一事一报：每个计划外事项须单独报批，本请求已含事项 " + c.earlierSiblings().get(0).id,
                    "One matter, one report: each out-of-plan item is its own request; this one already holds item "
                            + c.earlierSiblings().get(0).id,
                    Facts.of("planId", c.plan().id, "items", c.earlierSiblings().size() + 1)));
        }
        return List.of();
    }
}
