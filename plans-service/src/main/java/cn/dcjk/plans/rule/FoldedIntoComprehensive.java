package cn.dcjk.plans.rule;

import cn.dcjk.common.rule.Facts;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.plans.plan.Category;
import cn.dcjk.plans.plan.PlanItem;
import cn.dcjk.plans.unit.UnitLevel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * FOLDED-INTO-COMPREHENSIVE (article 17): 「将金融风险防范化解、扶贫、环保、乡村振兴、安全生产、土地执法督查检查
 * 等重点工作纳入省政府经济社会发展综合督查，由省政府统一组织，每年1次。纳入省政府经济社会发展综合督查的事项，
 * 相关省直部门原则上不得再自行组织开展专项督查检查考核。」
 *
 * <p>Two findings. (1) PRINCIPLE: a provincial department's special item on a folded topic. A topic
 * is recognised as a person would: by any of its names in {@code foldedTopics} (one entry per topic,
 * its names separated by |, the article's word first), found in the item's title or topics,
 * ignoring spaces and case: 脱贫 is 扶贫, 生态环境 is 环保, 防范化解金融风险 is 金融风险防范化解. 「等」
 * leaves the list open; operators add topics there. (2) PROHIBITED: the provincial government's
 * comprehensive inspection is held once a year (「每年1次」, not 原则上), so a second one in a year is refused.
 */
public final class FoldedIntoComprehensive implements Rule<ItemContext> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("FOLDED-INTO-COMPREHENSIVE", List.of(17),
            Severity.PRINCIPLE, "纳入省政府经济社会发展综合督查（每年1次）的事项，相关省直部门原则上不得再自行组织专项督查检查考核",
            "Provincial departments run no own special inspections on topics folded into the provincial "
                    + "comprehensive inspection, which is held once a year");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(ItemContext c) {
        PlanItem i = c.item();
        List<Finding> out = new ArrayList<>();
        if (ExemptUnits.provincialComprehensive(i, c.organiser())) {
            long held = c.candidates().approvedCount(i.organiserUnitCode, i.year, Category.COMPREHENSIVE, i.id)
                    + c.earlierSiblings().stream().filter(s -> s.category == Category.COMPREHENSIVE).count();
            if (held >= 1) {
                out.add(finding(Severity.PROHIBITED,
                        "省政府经济社会发展综合督查每年1次，" + i.year + " 年已有 " + held + " 次",
                        "The provincial comprehensive inspection is held once a year; " + i.year + " already has " + held,
                        Facts.of("year", i.year, "alreadyHeld", held, "perYear", 1)));
            }
            return out;
        }
        if (i.category != Category.SPECIAL || !c.organiserIsDepartment() || c.organiser().level != UnitLevel.PROVINCE) {
            return out;
        }
        Set<String> folded = foldedTopics(i, c.parameters().foldedTopics());
        if (!folded.isEmpty()) {
            out.add(finding("以下重点工作已纳入省政府经济社会发展综合督查，省直部门原则上不再单独开展专项督查检查考核："
                            + String.join("、", folded),
                    "These topics are folded into the provincial comprehensive inspection: " + String.join(", ", folded),
                    Facts.of("foldedTopics", List.copyOf(folded))));
        }
        return out;
    }

    /** The article's topics (their first name) that the item's title or topics speak of. */
    public static Set<String> foldedTopics(PlanItem item, List<String> configured) {
        List<String> texts = new ArrayList<>();
        texts.add(normal(item.title));
        item.topics.forEach(t -> texts.add(normal(t)));
        Set<String> found = new LinkedHashSet<>();
        for (String entry : configured) {
            String[] names = entry.split("\\|");
            for (String name : names) {
                String n = normal(name);
                if (!n.isEmpty() && texts.stream().anyMatch(t -> t.contains(n))) {
                    found.add(names[0].trim());
                    break;
                }
            }
        }
        return found;
    }

    static String normal(String s) {
        return s == null ? "" : s.replaceAll("[\\s\\p{Punct}（）《》“”、，。：·]", "").toLowerCase(Locale.ROOT);
    }
}
