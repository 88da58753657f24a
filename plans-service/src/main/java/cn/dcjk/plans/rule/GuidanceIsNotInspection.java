package cn.dcjk.plans.rule;

import cn.dcjk.common.rule.Facts;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.plans.plan.Category;
import cn.dcjk.plans.plan.PlanItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * GUIDANCE-IS-NOT-INSPECTION (article 11): 「日常调研指导工作不能随意冠以督查、检查、巡查、督察、督导等名义。
 * 不得以强化监督、调研指导的名义，行督查检查考核、惩戒追责问责之实。严禁以专项行动、强化监督等方式进行变相的
 * 督查检查考核。」
 */
public final class GuidanceIsNotInspection implements Rule<ItemContext> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("GUIDANCE-IS-NOT-INSPECTION", List.of(11),
            Severity.PROHIBITED, "调研指导不得冠以督查检查名义，不得打分排名、追责问责",
            "Research and guidance is not titled or run as an inspection: no scoring, ranking or accountability");

    static final Set<String> INSPECTION_WORDS = Set.of("督查", "检查", "巡查", "督察", "督导");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(ItemContext c) {
        PlanItem i = c.item();
        if (i.category != Category.RESEARCH_GUIDANCE) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        if (INSPECTION_WORDS.contains(i.activityWord)) {
            problems.add("activityWord=" + i.activityWord);
        }
        INSPECTION_WORDS.stream().filter(w -> i.title.contains(w)).sorted().forEach(w -> problems.add("title:" + w));
        if (i.scores) {
            problems.add("scores");
        }
        if (i.ranks) {
            problems.add("ranks");
        }
        if (i.mayLeadToAccountability) {
            problems.add("mayLeadToAccountability");
        }
        return problems.isEmpty() ? List.of() : List.of(finding(
                "调研指导事项不得使用督查检查名义或打分、排名、问责；如需如此，请按督查检查考核事项报批：" + String.join("、", problems),
                "Research/guidance may not be named or run as an inspection (scoring, ranking, accountability); "
                        + "submit it as an inspection instead: " + String.join(", ", problems),
                Facts.of("problems", problems)));
    }
}
