package cn.dcjk.plans.rule;

import cn.dcjk.common.rule.Facts;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;

import java.util.List;

/**
 * LEADER-RANK (article 23): 「督查检查考核组长的确定，应立足任务性质和工作实效，不宜片面追求高级别。」
 * Advisory: the highest rank the organiser's level can send is flagged for confirmation.
 */
public final class LeaderRank implements Rule<ItemContext> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("LEADER-RANK", List.of(23), Severity.ADVISORY,
            "根据工作需要确定督查组组长职级，不搞高规格", "The team leader's rank fits the task, not as high as possible");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(ItemContext c) {
        cn.dcjk.plans.plan.LeaderRank rank = c.item().teamLeaderRank;
        if (rank == null) {
            return List.of();
        }
        cn.dcjk.plans.plan.LeaderRank top = switch (c.organiser().level) {
            case PROVINCE -> cn.dcjk.plans.plan.LeaderRank.PROVINCIAL_MINISTERIAL;
            case CITY -> cn.dcjk.plans.plan.LeaderRank.BUREAU;
            case COUNTY -> cn.dcjk.plans.plan.LeaderRank.DIVISION;
            default -> cn.dcjk.plans.plan.LeaderRank.SECTION;
        };
        return rank.ordinal() > top.ordinal() ? List.of() : List.of(finding(
                "组长职级为 " + rank + "，已是本级最高规格，请确认确有必要",
                "The team leader's rank " + rank + " is the highest this level can send; confirm the task needs it",
                Facts.of("teamLeaderRank", rank.name(), "organiserLevel", c.organiser().level.name())));
    }
}
