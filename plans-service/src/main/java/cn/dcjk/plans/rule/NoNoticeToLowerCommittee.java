package cn.dcjk.plans.rule;

import cn.dcjk.common.rule.Facts;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;

import java.util.List;

/**
 * NO-NOTICE-TO-LOWER-COMMITTEE (article 8): 「不得向下级党委和政府及其办公室(厅)下发督查检查考核通知」.
 */
public final class NoNoticeToLowerCommittee implements Rule<ItemContext> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("NO-NOTICE-TO-LOWER-COMMITTEE", List.of(8),
            Severity.PROHIBITED, "部门不得向下级党委、政府及其办公厅（室）发督查检查考核通知",
            "A department sends no inspection notice to lower-level committees, governments or their offices");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(ItemContext c) {
        if (!c.organiserIsDepartment()) {
            return List.of();
        }
        List<String> wrong = c.noticeRecipients().stream()
                .filter(u -> u.kind.committeeOrGovernmentOrOffice() && u.lowerThan(c.organiser()))
                .map(u -> u.code).toList();
        return wrong.isEmpty() ? List.of() : List.of(finding(
                "部门不得向下级党委、政府及其办公厅（室）发通知：" + String.join("、", wrong),
                "A department may not notify lower-level committees, governments or their offices: " + String.join(", ", wrong),
                Facts.of("recipients", wrong)));
    }
}
