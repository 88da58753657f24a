package cn.dcjk.inspections.rules;

import cn.dcjk.common.rule.Facts;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;

import java.time.LocalDate;
import java.util.List;

/**
 * PROBLEM-LEDGER (articles 18, 19). Art. 18: 「按照“谁督查检查考核、谁负责督促整改”要求，对督查检查考核中发现的
 * 问题要列出清单、建立台账，狠抓整改落实」; art. 19: 「对督查检查考核中发现的问题，要以适当方式进行反馈」. Each
 * finding has an owner, a deadline, feedback to the inspected unit, rectification evidence and a
 * verified close. Open findings show a light: red when overdue, yellow from {@code yellowDays} days
 * before the deadline to the deadline itself, else green; the rule's finding records an overdue one.
 */
public final class ProblemLedger implements Rule<ProblemLedger.Context> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("PROBLEM-LEDGER", List.of(18, 19), Severity.RECORD,
            "问题建立台账：责任方、整改时限、反馈、整改佐证、核验销号",
            "Each finding: owner, deadline, feedback, rectification evidence, verified close");

    public enum Light { GREEN, YELLOW, RED }

    public record Context(LocalDate deadline, LocalDate today, boolean closed) {
    }

    private final int yellowDays;

    public ProblemLedger(int yellowDays) {
        this.yellowDays = yellowDays;
    }

    public int yellowDays() {
        return yellowDays;
    }

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    /** An overdue open finding is recorded as such. */
    @Override
    public List<Finding> judge(Context c) {
        if (light(c.deadline(), c.today(), c.closed()) != Light.RED) {
            return List.of();
        }
        return List.of(finding("整改已逾期（期限 " + c.deadline() + "）", "Rectification is overdue (deadline "
                + c.deadline() + ")", Facts.of("deadline", c.deadline().toString(), "light", Light.RED.name())));
    }

    /** The light of an open finding on {@code today}; null for a closed one. */
    public Light light(LocalDate deadline, LocalDate today, boolean closed) {
        if (closed) {
            return null;
        }
        if (today.isAfter(deadline)) {
            return Light.RED;
        }
        return today.plusDays(yellowDays).isBefore(deadline) ? Light.GREEN : Light.YELLOW;
    }
}
