package cn.dcjk.accountability.rules;

import cn.dcjk.accountability.complaint.ComplaintStatus;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * COMPLAINT-OUTCOME (article 31): 「对各种告状信、检举信，经核实有问题的要依纪依法处理，没问题的要及时澄清、公开正名，
 * 对诬告陷害的要严肃追究责任」. Every letter ends verified — substantiated → handed to the
 * competent body; unfounded → cleared with a rehabilitation notice (正名); false accusation →
 * the accuser pursued. A letter open more than {@code overdueDays} days after receipt is overdue.
 */
public final class ComplaintOutcome implements Rule<ComplaintOutcome.Context> {

    /** The letter's state, the outcome asked for, and whether a competent body and a rehabilitation notice are given. */
    public record Context(ComplaintStatus current, ComplaintStatus outcome, boolean hasCompetentBody,
            boolean hasRehabilitation) {
    }

    public static final RuleDescriptor RULE = RuleDescriptor.of("COMPLAINT-OUTCOME", List.of(31),
            Severity.PROHIBITED, "举报件须核实办结：属实依纪依法处理，不实澄清正名，诬告陷害严肃追责",
            "Every complaint letter ends verified: substantiated → handled, unfounded → cleared publicly, false "
                    + "accusation → the accuser pursued");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(Context c) {
        ComplaintStatus current = c.current();
        ComplaintStatus outcome = c.outcome();
        boolean hasCompetentBody = c.hasCompetentBody();
        boolean hasRehabilitation = c.hasRehabilitation();
        List<Finding> out = new ArrayList<>();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("status", current.name());
        facts.put("outcome", outcome.name());
        if (current != ComplaintStatus.VERIFYING) {
            out.add(Finding.of(RULE, Severity.PROHIBITED, "举报件须先核实（VERIFYING）才能办结",
                    "A letter is concluded only after verification (VERIFYING)", facts));
        }
        if (outcome == ComplaintStatus.SUBSTANTIATED && !hasCompetentBody) {
            out.add(Finding.of(RULE, Severity.PROHIBITED, "经核实有问题的，须移交有管辖权的纪检监察机关或组织部门依纪依法处理",
                    "A substantiated letter is handed to the competent discipline body or organisation department",
                    facts));
        }
        if (outcome == ComplaintStatus.UNFOUNDED && !hasRehabilitation) {
            out.add(Finding.of(RULE, Severity.PROHIBITED, "经核实没有问题的，须及时澄清、公开正名（澄清正名通知）",
                    "An unfounded letter ends with a clarification: a rehabilitation notice", facts));
        }
        return out;
    }

    /** Days since receipt, counted in whole days; overdue when more than the limit. */
    public static boolean overdue(LocalDate receivedOn, LocalDate today, int overdueDays) {
        return ChronoUnit.DAYS.between(receivedOn, today) > overdueDays;
    }
}
