package cn.dcjk.inspections.rules;

import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;

import java.time.LocalDate;
import java.util.List;

/**
 * PROBLEM-LEDGER (articles 18, 19, 问题台账): each finding has an owner, a deadline, feedback to the
 * inspected unit, rectification evidence and a verified close. Open findings show a light: red when
 * overdue, yellow from {yellow-days} days before the deadline to the deadline itself, else green.
 */
public final class ProblemLedger {

    public static final RuleDescriptor RULE = RuleDescriptor.of("PROBLEM-LEDGER", List.of(18, 19), Severity.RECORD,
            "问题建立台账：责任方、整改时限、反馈、整改佐证、核验销号",
            "Each finding: owner, deadline, feedback, rectification evidence, verified close");

    public enum Light { GREEN, YELLOW, RED }

    private final int yellowDays;

    public ProblemLedger(int yellowDays) {
        this.yellowDays = yellowDays;
    }

    public int yellowDays() {
        return yellowDays;
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
