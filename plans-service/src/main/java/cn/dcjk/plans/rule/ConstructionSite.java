package cn.dcjk.plans.rule;

import cn.dcjk.common.rule.Facts;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.plans.plan.PlanItem;

import java.util.List;

/**
 * CONSTRUCTION-SITE (article 10): 「严格控制到施工现场督查检查考核数量和频次，除确有必要外，原则上不组织到
 * 施工现场的督查检查考核活动，防止影响正常施工等问题的发生。」 An item planning construction-site visits
 * records their number and necessity, and the approver grants the exception explicitly; in the
 * field, inspections-service holds the visits to the approved number (ON-SITE-AS-APPROVED).
 */
public final class ConstructionSite implements Rule<ItemContext> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("CONSTRUCTION-SITE", List.of(10),
            Severity.PRINCIPLE, "除确有必要外，原则上不组织到施工现场的督查检查考核", "No construction-site visits unless truly necessary");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(ItemContext c) {
        PlanItem i = c.item();
        if (i.constructionSiteVisits == 0) {
            return List.of();
        }
        if (!i.onSite) {
            return List.of(finding(Severity.PROHIBITED, "非现场事项不能安排到施工现场",
                    "An item that is not on-site plans no construction-site visits",
                    Facts.of("constructionSiteVisits", i.constructionSiteVisits, "onSite", false)));
        }
        return List.of(finding("计划到施工现场 " + i.constructionSiteVisits + " 次，须写明必要性并经特批",
                i.constructionSiteVisits + " construction-site visits planned: the necessity must be recorded and granted",
                Facts.of("constructionSiteVisits", i.constructionSiteVisits, "necessity", i.constructionSiteNecessity)));
    }
}
