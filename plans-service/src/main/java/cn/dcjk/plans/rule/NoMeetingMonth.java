package cn.dcjk.plans.rule;

import cn.dcjk.common.rule.Facts;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.common.unit.RegionCode;
import cn.dcjk.plans.plan.PlanItem;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * NO-MEETING-MONTH (article 4): 「“无会月”期间原则上不得开展实地督查检查考核活动。」
 */
public final class NoMeetingMonth implements Rule<ItemContext> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("NO-MEETING-MONTH", List.of(4),
            Severity.PRINCIPLE, "无会月原则上不开展现场督查检查考核活动", "No on-site activity in a no-meeting month, in principle");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(ItemContext c) {
        PlanItem i = c.item();
        if (!i.onSite) {
            return List.of();
        }
        List<String> clashes = new ArrayList<>();
        for (cn.dcjk.plans.calendar.NoMeetingMonth m : c.candidates().noMeetingMonths(i.periodStart.getYear(), i.periodEnd.getYear())) {
            YearMonth ym = YearMonth.of(m.year, m.month);
            boolean overlaps = !ym.atEndOfMonth().isBefore(i.periodStart) && !ym.atDay(1).isAfter(i.periodEnd);
            if (overlaps && ItemMeasures.regionsMeet(i.targetRegionPrefix, new RegionCode(m.regionCode).prefix())) {
                clashes.add(ym + "@" + m.regionCode);
            }
        }
        return clashes.isEmpty() ? List.of() : List.of(finding(
                "现场活动期间含无会月：" + String.join("、", clashes),
                "The on-site period includes no-meeting months: " + String.join(", ", clashes),
                Facts.of("noMeetingMonths", clashes, "periodStart", i.periodStart.toString(),
                        "periodEnd", i.periodEnd.toString())));
    }
}
