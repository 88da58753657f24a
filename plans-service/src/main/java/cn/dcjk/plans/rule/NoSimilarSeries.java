package cn.dcjk.plans.rule;

import cn.dcjk.common.rule.Facts;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.plans.plan.PlanItem;

import java.util.ArrayList;
import java.util.List;

/**
 * NO-SIMILAR-SERIES (article 8): 「不得在同一地方、同一时段内开展内容相似度、关联度高的系列性督查检查考核活动」.
 * Two items whose similarity reaches {@code similarityThreshold} and that touch the same place in
 * the same period are a series. 「同一时段」 read as the text says: overlapping periods
 * ({@code seriesGapDays} = 0); an operator who reads it more widely sets the gap in days that still
 * counts as the same period.
 */
public final class NoSimilarSeries implements Rule<ItemContext> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("NO-SIMILAR-SERIES", List.of(8),
            Severity.PROHIBITED, "不得在同一地方、同一时段内开展内容相似度、关联度高的系列性督查检查考核",
            "No two highly similar items touch the same place in the same period");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(ItemContext c) {
        List<Finding> out = new ArrayList<>();
        int gap = c.parameters().seriesGapDays();
        for (PlanItem other : ItemMeasures.nearbyOverlapping(c, gap)) {
            double similarity = ItemMeasures.similarity(c.item(), other);
            if (similarity >= c.parameters().similarityThreshold() && ItemMeasures.touchSamePlace(c.item(), other)) {
                long gapDays = ItemMeasures.gapDays(c.item(), other);
                double s = ItemMeasures.round(similarity);
                out.add(finding(
                        "与事项 " + other.id + "（" + other.title + "）内容高度相近（相似度 " + s
                                + "），对象重叠，时间" + (gapDays <= 0 ? "重叠" : "间隔 " + gapDays + " 天"),
                        "Highly similar to item " + other.id + " (" + other.title + "), similarity " + s
                                + ", same place, " + (gapDays <= 0 ? "overlapping periods" : gapDays + " days apart"),
                        Facts.of("clashingItemId", other.id, "clashingTitle", other.title, "clashingOrganiser",
                                other.organiserUnitCode, "similarity", s, "gapDays", Math.max(0, gapDays),
                                "maxGapDays", gap)));
            }
        }
        return out;
    }
}
