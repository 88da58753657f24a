package cn.dcjk.plans.rule;

import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GRASSROOTS-REDUCTION (article 20): 「对县乡村和厂矿企业学校的督查检查考核事项要减少50%以上。」 Advisory on
 * each item; the organiser's standing against its baseline year is reported (statistics).
 */
public final class GrassrootsReduction implements Rule<ItemContext> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("GRASSROOTS-REDUCTION", List.of(20),
            Severity.ADVISORY, "面向县乡村和厂矿企业、学校的督查检查考核事项较基准年减少50%以上",
            "Items aimed at the grassroots fall by at least half against the baseline year");

    /** The organiser's standing: this year's grassroots items against the baseline. */
    public static Map<String, Object> standing(Candidates candidates, String organiser, int year, int baselineYear,
            double target, long extra) {
        long now = candidates.grassrootsItems(organiser, year) + extra;
        Integer base = candidates.recordedBaseline(organiser, baselineYear)
                .orElse((int) candidates.grassrootsItems(organiser, baselineYear));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("organiser", organiser);
        m.put("year", year);
        m.put("items", now);
        m.put("baselineYear", baselineYear);
        m.put("baselineItems", base);
        if (base > 0) {
            double reduction = 1.0 - (double) now / base;
            m.put("reduction", ItemMeasures.round(reduction));
            m.put("target", target);
            m.put("meetsTarget", reduction >= target);
        } else {
            m.put("meetsTarget", null);
        }
        return m;
    }

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(ItemContext c) {
        if (!c.item().grassroots) {
            return List.of();
        }
        long siblings = c.earlierSiblings().stream().filter(s -> s.grassroots).count() + 1;
        Map<String, Object> s = standing(c.candidates(), c.item().organiserUnitCode, c.item().year,
                c.parameters().baselineYear(), c.parameters().grassrootsReduction(), siblings);
        if (!Boolean.FALSE.equals(s.get("meetsTarget"))) {
            return List.of();
        }
        return List.of(finding(
                "面向基层事项 " + s.get("items") + " 项，基准年 " + s.get("baselineYear") + " 为 " + s.get("baselineItems")
                        + " 项，减幅 " + s.get("reduction") + "，未达 " + s.get("target"),
                s.get("items") + " grassroots items against " + s.get("baselineItems") + " in " + s.get("baselineYear")
                        + ": reduction " + s.get("reduction") + ", below the target " + s.get("target"), s));
    }
}
