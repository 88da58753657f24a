package cn.dcjk.inspections.rules;

import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.inspections.inspection.Burden;

import java.util.List;
import java.util.Map;

/**
 * FORM-BURDEN (articles 14, 22): forms, materials, surveys, online votes and messaging groups asked
 * of the grassroots are counted per visit, target and month. Advisory: accepted, returned as a warning.
 */
public final class FormBurden {

    public static final RuleDescriptor RULE = RuleDescriptor.of("FORM-BURDEN", List.of(14, 22), Severity.ADVISORY,
            "统计向基层索要的表格、材料、调查、网络投票和工作群，减轻基层负担",
            "Forms, materials, surveys, online votes and messaging groups asked of the grassroots are counted");

    public List<Finding> evaluate(Burden b) {
        if (b == null || b.total() == 0) {
            return List.of();
        }
        return List.of(Finding.of(RULE, Severity.ADVISORY,
                "本次向基层索要表格 " + b.forms() + " 份、材料 " + b.materials() + " 份、调查 " + b.surveys()
                        + " 项、网络投票 " + b.onlineVotes() + " 次、工作群 " + b.messagingGroups() + " 个，请尽量精简",
                "This visit asked for " + b.forms() + " forms, " + b.materials() + " materials, " + b.surveys()
                        + " surveys, " + b.onlineVotes() + " online votes, " + b.messagingGroups()
                        + " messaging groups; keep them few",
                Map.of("forms", b.forms(), "materials", b.materials(), "surveys", b.surveys(),
                        "onlineVotes", b.onlineVotes(), "messagingGroups", b.messagingGroups())));
    }
}
