package cn.dcjk.plans.rule;

import cn.dcjk.common.rule.Facts;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.plans.plan.PlanItem;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * VISIT-FREQUENCY (articles 7, 12). Art. 7: 「不得重复扎堆」; art. 12: 「着力避免名目繁多、频率过高、重复扎堆等
 * 问题」. A prohibition: per target unit, the on-site visits of all organisers together stay within
 * {@code visitsPerDay}, {@code visitsPerWeek} and {@code visitsPerMonth}; the finding names the other
 * items on that unit. Judged at submission and again at approval (others may have been approved since).
 */
public final class VisitFrequency implements Rule<ItemContext> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("VISIT-FREQUENCY", List.of(7, 12),
            Severity.PROHIBITED, "不得对同一单位重复扎堆开展实地督查检查考核",
            "No unit faces on-site visits piled up: at most a set number a day, a week and a month");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    static String week(LocalDate d) {
        return d.get(IsoFields.WEEK_BASED_YEAR) + "-W" + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    @Override
    public List<Finding> judge(ItemContext c) {
        PlanItem i = c.item();
        if (!i.onSite || i.targetUnitCodes.isEmpty()) {
            return List.of();
        }
        LocalDate from = i.plannedVisitDays().stream().min(LocalDate::compareTo).orElse(i.periodStart).withDayOfMonth(1);
        LocalDate last = i.plannedVisitDays().stream().max(LocalDate::compareTo).orElse(i.periodStart);
        LocalDate to = last.withDayOfMonth(last.lengthOfMonth());
        List<PlanItem> others = c.candidates().visitsTo(i.targetUnitCodes, from, to, i.id);
        List<Finding> out = new ArrayList<>();
        PlanRuleParameters p = c.parameters();
        for (String target : i.targetUnitCodes) {
            Map<LocalDate, Integer> perDay = new HashMap<>();
            Map<String, Integer> perWeek = new HashMap<>();
            Map<YearMonth, Integer> perMonth = new HashMap<>();
            List<PlanItem> all = new ArrayList<>();
            others.stream().filter(o -> o.targetUnitCodes.contains(target)).forEach(all::add);
            all.add(i);
            for (PlanItem o : all) {
                for (LocalDate d : o.plannedVisitDays()) {
                    perDay.merge(d, 1, Integer::sum);
                    perWeek.merge(week(d), 1, Integer::sum);
                    perMonth.merge(YearMonth.from(d), 1, Integer::sum);
                }
            }
            Set<String> over = new TreeSet<>();
            for (LocalDate d : i.plannedVisitDays()) {
                if (perDay.get(d) > p.visitsPerDay()) {
                    over.add("day " + d + ": " + perDay.get(d) + " > " + p.visitsPerDay());
                }
                if (perWeek.get(week(d)) > p.visitsPerWeek()) {
                    over.add("week " + week(d) + ": " + perWeek.get(week(d)) + " > " + p.visitsPerWeek());
                }
                if (perMonth.get(YearMonth.from(d)) > p.visitsPerMonth()) {
                    over.add("month " + YearMonth.from(d) + ": " + perMonth.get(YearMonth.from(d)) + " > " + p.visitsPerMonth());
                }
            }
            if (!over.isEmpty()) {
                List<Long> clashing = others.stream().filter(o -> o.targetUnitCodes.contains(target)).map(o -> o.id).toList();
                out.add(finding(target + " 将被重复扎堆检查：" + String.join("；", over),
                        target + " would face too many on-site visits: " + String.join("; ", over),
                        Facts.of("unit", target, "limits", List.copyOf(over), "otherItems", clashing)));
            }
        }
        return out;
    }
}
