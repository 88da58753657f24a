package cn.dcjk.plans.rule;

import cn.dcjk.common.rule.Facts;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.plans.plan.PlanType;

import java.util.ArrayList;
import java.util.List;

/**
 * NO-SELF-SET-ITEMS (article 6): 「除党委和政府统一部署、依法依规开展的督查检查考核外，各级党委和政府部门
 * 不得自行设置以下级党委和政府为对象的督查检查考核项目，不得在部门文件中自行规定全域性督查检查考核事项，
 * 确需开展的要一事一报。」
 */
public final class NoSelfSetItems implements Rule<ItemContext> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("NO-SELF-SET-ITEMS", List.of(6),
            Severity.PROHIBITED, "部门不得自行设置面向下级党委政府的督查检查考核事项",
            "A department sets no item on lower-level committees or governments without a legal basis");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(ItemContext c) {
        if (!c.organiserIsDepartment()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        List<String> lower = c.lowerCommitteesOrGovernmentsTargeted();
        if (!lower.isEmpty() && (c.item().legalBasis == null || c.item().legalBasis.isBlank())) {
            out.add(finding("部门面向下级党委、政府的事项须有依据（法律法规或党中央、国务院及省委、省政府文件）",
                    "A department's item on lower-level party committees or governments needs a legal basis",
                    Facts.of("targets", lower, "field", "legalBasis")));
        }
        if (c.item().regionWide && c.plan().type == PlanType.ANNUAL) {
            out.add(finding("部门不得在本部门文件中自行设置全域性事项，须单独报批（一事一报）",
                    "A department does not write region-wide items into its own plan; each is its own request",
                    Facts.of("regionWide", true, "planType", c.plan().type.name())));
        }
        return out;
    }
}
