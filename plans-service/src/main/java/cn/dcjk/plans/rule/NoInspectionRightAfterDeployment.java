package cn.dcjk.plans.rule;

import cn.dcjk.common.rule.Facts;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.plans.plan.PlanItem;

import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * NO-INSPECTION-RIGHT-AFTER-DEPLOYMENT (article 14): 「不能工作刚安排就督查检查、刚部署就进行考核」.
 * 刚部署 is read as fewer than {@code deploymentGapDays} days between deployment and the start.
 */
public final class NoInspectionRightAfterDeployment implements Rule<ItemContext> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("NO-INSPECTION-RIGHT-AFTER-DEPLOYMENT", List.of(14),
            Severity.PROHIBITED, "不能工作刚安排就督查检查、刚部署就进行考核",
            "An item does not start right after the work it checks was deployed");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(ItemContext c) {
        PlanItem i = c.item();
        if (i.workDeployedOn == null) {
            return List.of();
        }
        long days = ChronoUnit.DAYS.between(i.workDeployedOn, i.periodStart);
        int min = c.parameters().deploymentGapDays();
        return days >= min ? List.of() : List.of(finding(
                "工作于 " + i.workDeployedOn + " 部署，" + days + " 天后即开始检查，不足 " + min + " 天",
                "The work was deployed on " + i.workDeployedOn + "; the item starts " + days + " days later, fewer than " + min,
                Facts.of("workDeployedOn", i.workDeployedOn.toString(), "periodStart", i.periodStart.toString(),
                        "days", days, "minimumDays", min)));
    }
}
