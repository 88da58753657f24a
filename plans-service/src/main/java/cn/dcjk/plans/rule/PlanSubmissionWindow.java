package cn.dcjk.plans.rule;

import cn.dcjk.common.rule.Facts;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.plans.plan.PlanType;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/**
 * PLAN-SUBMISSION-WINDOW (article 5): 「拟开展的……督查检查考核事项，要提出年度计划，按归口管理原则，
 * 年初分别报本级党委办公室(厅)、政府办公室(厅)研究审核」. 「要」 is mandatory: an annual plan is submitted at
 * the start of the year, by {@code submissionDeadline} (MM-dd) of its year, or earlier in the year
 * before. A later need is not a late annual plan: it goes as a one-matter request (「仍需按程序报批」) or,
 * when urgent (紧急突发), on the urgent fast path; neither is held to the window.
 */
public final class PlanSubmissionWindow implements Rule<ItemContext> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("PLAN-SUBMISSION-WINDOW", List.of(5),
            Severity.PROHIBITED, "年度计划要于年初报送；之后的需要按一事一报或紧急事项报批",
            "The annual plan is submitted at the start of the year; later needs go as one-matter or urgent requests");

    /** Whether an annual plan of {@code year} submitted on {@code day} is on time. */
    public static boolean onTime(int year, LocalDate day, String deadline) {
        LocalDate last = MonthDay.parse("--" + deadline).atYear(year);
        return !day.isAfter(last);
    }

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(ItemContext c) {
        if (c.plan().type != PlanType.ANNUAL) {
            return List.of();
        }
        // at approval the day that counts is the day it was submitted; before, today
        LocalDate day = c.stage() == Stage.APPROVAL && c.plan().submittedAt != null
                ? c.plan().submittedAt.toLocalDate() : c.today();
        String deadline = c.parameters().submissionDeadline();
        if (onTime(c.plan().year, day, deadline)) {
            return List.of();
        }
        return List.of(finding(
                c.plan().year + " 年度计划应于 " + c.plan().year + "-" + deadline + " 前报送，报送日为 " + day
                        + "；年中新增事项请按一事一报（或紧急事项）报批",
                "The " + c.plan().year + " plan was due by " + c.plan().year + "-" + deadline + "; submitted " + day
                        + ". A need arising later goes as a one-matter (or urgent) request",
                Facts.of("year", c.plan().year, "deadline", c.plan().year + "-" + deadline, "submittedOn", day.toString(),
                        "instead", "SINGLE_MATTER")));
    }
}
