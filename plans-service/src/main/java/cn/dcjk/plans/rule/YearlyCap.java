package cn.dcjk.plans.rule;

import cn.dcjk.common.rule.Facts;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.plans.plan.Category;

import java.util.List;

/** What COMPREHENSIVE-CAP and OBSERVATION-CAP share: items of one category per organiser and year. */
abstract class YearlyCap implements Rule<ItemContext> {

    private final Category category;
    private final String zh;
    private final String en;

    YearlyCap(Category category, String zh, String en) {
        this.category = category;
        this.zh = zh;
        this.en = en;
    }

    abstract int cap(PlanRuleParameters p);

    @Override
    public List<Finding> judge(ItemContext c) {
        if (c.item().category != category) {
            return List.of();
        }
        long approved = c.candidates().approvedCount(c.item().organiserUnitCode, c.item().year, category, c.item().id);
        long siblings = c.earlierSiblings().stream().filter(i -> i.category == category).count();
        long count = approved + siblings + 1;
        int limit = cap(c.parameters());
        if (count <= limit) {
            return List.of();
        }
        return List.of(finding(
                c.item().organiserUnitCode + " 在 " + c.item().year + " 年将有 " + count + " 项" + zh + "事项，超过上限 " + limit,
                c.item().organiserUnitCode + " would have " + count + " " + en + " items in " + c.item().year
                        + ", over the cap of " + limit,
                Facts.of("organiser", c.item().organiserUnitCode, "year", c.item().year, "count", count, "cap", limit,
                        "alreadyApproved", approved)));
    }
}
