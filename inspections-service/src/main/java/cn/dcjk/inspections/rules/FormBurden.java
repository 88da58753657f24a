package cn.dcjk.inspections.rules;

import cn.dcjk.common.rule.Facts;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.inspections.inspection.Burden;

import java.util.List;

/**
 * FORM-BURDEN (articles 14, 22). Art. 14: 「不能一味要求基层填表格报材料」; art. 22: 「对不必要的考试答题、
 * 问卷调查、网络投票和微信工作群等开展清理整顿」. Forms, materials, exams and quizzes (考试答题), surveys,
 * online votes and messaging groups asked of the grassroots are counted per visit, target and
 * month. Advisory: accepted, returned as a warning.
 */
public final class FormBurden implements Rule<Burden> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("FORM-BURDEN", List.of(14, 22), Severity.ADVISORY,
            "统计向基层索要的表格、材料、考试答题、问卷调查、网络投票和工作群，减轻基层负担",
            "Forms, materials, exams, surveys, online votes and messaging groups asked of the grassroots are counted");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(Burden b) {
        if (b == null || b.total() == 0) {
            return List.of();
        }
        return List.of(finding(
                "本次向基层索要表格 " + b.forms() + " 份、材料 " + b.materials() + " 份、考试答题 " + b.exams() + " 次、调查 "
                        + b.surveys() + " 项、网络投票 " + b.onlineVotes() + " 次、工作群 " + b.messagingGroups() + " 个，请尽量精简",
                "This visit asked for " + b.forms() + " forms, " + b.materials() + " materials, " + b.exams()
                        + " exams or quizzes, " + b.surveys() + " surveys, " + b.onlineVotes() + " online votes, "
                        + b.messagingGroups() + " messaging groups; keep them few",
                Facts.of("forms", b.forms(), "materials", b.materials(), "exams", b.exams(), "surveys", b.surveys(),
                        "onlineVotes", b.onlineVotes(), "messagingGroups", b.messagingGroups())));
    }
}
