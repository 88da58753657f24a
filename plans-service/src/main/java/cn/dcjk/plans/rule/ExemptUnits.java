package cn.dcjk.plans.rule;

import cn.dcjk.common.rule.Facts;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.plans.plan.Category;
import cn.dcjk.plans.plan.PlanItem;
import cn.dcjk.plans.unit.Unit;
import cn.dcjk.plans.unit.UnitKind;
import cn.dcjk.plans.unit.UnitLevel;

import java.util.List;
import java.util.Set;

/**
 * EXEMPT-UNITS (article 29): 「受到省政府经济社会发展综合督查表扬的市、县(市、区)……在下一年度省政府经济社会发展
 * 综合督查中“免督查”。」 An exempt unit is not a target of that year's provincial comprehensive inspection.
 */
public final class ExemptUnits implements Rule<ItemContext> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("EXEMPT-UNITS", List.of(29),
            Severity.PROHIBITED, "在省政府综合督查中受表扬的单位，下一年度免予督查",
            "A unit commended in a year's provincial comprehensive inspection is exempt from the next year's");

    /** The provincial government's annual comprehensive inspection (articles 17, 29). */
    public static boolean provincialComprehensive(PlanItem item, Unit organiser) {
        return item.category == Category.COMPREHENSIVE && organiser.level == UnitLevel.PROVINCE
                && (organiser.kind == UnitKind.GOVERNMENT || organiser.kind == UnitKind.GOVERNMENT_OFFICE);
    }

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(ItemContext c) {
        if (!provincialComprehensive(c.item(), c.organiser()) || c.item().targetUnitCodes.isEmpty()) {
            return List.of();
        }
        Set<String> exempt = c.candidates().exempt(c.item().targetUnitCodes, c.item().year);
        return exempt.isEmpty() ? List.of() : List.of(finding(
                "以下单位 " + c.item().year + " 年免予督查，不得列为对象：" + String.join("、", exempt),
                "These units are exempt in " + c.item().year + " and may not be targets: " + String.join(", ", exempt),
                Facts.of("exemptTargets", exempt, "year", c.item().year)));
    }
}
