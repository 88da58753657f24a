package cn.dcjk.plans.rule;

import cn.dcjk.common.rule.Facts;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.plans.plan.PlanItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * MERGE-SIMILAR (article 7): 「同类事项可合并进行，涉及多部门可联合组团」. Advisory: items sharing a
 * topic, touching the same place in overlapping periods, below the series threshold, are proposed
 * for merging or a joint team.
 */
public final class MergeSimilar implements Rule<ItemContext> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("MERGE-SIMILAR", List.of(7),
            Severity.ADVISORY, "同类事项合并进行、联合开展", "Similar items are merged or run by joint teams");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(ItemContext c) {
        List<Finding> out = new ArrayList<>();
        for (PlanItem other : ItemMeasures.nearbyOverlapping(c, 0)) {
            double similarity = ItemMeasures.similarity(c.item(), other);
            // topics compared as the similarity compares them (trimmed, case aside)
            Set<String> mine = ItemMeasures.normalise(c.item().topics);
            List<String> shared = other.topics.stream()
                    .filter(t -> mine.contains(t.trim().toLowerCase(java.util.Locale.ROOT))).toList();
            if (!shared.isEmpty() && similarity < c.parameters().similarityThreshold()
                    && ItemMeasures.touchSamePlace(c.item(), other)) {
                Set<String> organisers = new TreeSet<>(List.of(c.item().organiserUnitCode, other.organiserUnitCode));
                out.add(finding(
                        "建议与事项 " + other.id + "（" + other.title + "）合并或组成联合工作组：" + String.join("、", organisers),
                        "Consider merging with item " + other.id + " (" + other.title + ") or a joint team of "
                                + String.join(", ", organisers),
                        Facts.of("mergeWithItemId", other.id, "mergeWithTitle", other.title, "organisers", organisers,
                                "sharedTopics", shared)));
            }
        }
        return out;
    }
}
