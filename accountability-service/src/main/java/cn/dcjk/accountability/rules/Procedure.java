package cn.dcjk.accountability.rules;

import cn.dcjk.accountability.casework.CaseStatus;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PROCEDURE (article 25): a case reaches a decision only through its steps — opened by the
 * competent body, investigated, the subject heard (陈述申辩), decided with legal basis, notified —
 * and an appeal is possible within {@code appealDays} days of the notification.
 */
public record Procedure(CaseStatus current, CaseStatus requested, LocalDate notifiedOn, LocalDate today,
        int appealDays) {

    public static final RuleDescriptor RULE = RuleDescriptor.of("PROCEDURE", List.of(25),
            Severity.PROHIBITED, "问责须经立案、调查、听取陈述申辩、依据作出决定、送达，可以申诉",
            "A case reaches a decision only through its steps: opened, investigated, subject heard, decided with "
                    + "legal basis, notified; appeal possible");

    /** The steps that may follow each state; anything else skips or repeats a step. */
    public static Set<CaseStatus> next(CaseStatus from) {
        return switch (from) {
            case OPENED -> EnumSet.of(CaseStatus.INVESTIGATING);
            case INVESTIGATING -> EnumSet.of(CaseStatus.HEARD);
            case HEARD -> EnumSet.of(CaseStatus.DECIDED);
            case DECIDED -> EnumSet.of(CaseStatus.NOTIFIED);
            case NOTIFIED -> EnumSet.of(CaseStatus.CLOSED, CaseStatus.APPEALED);
            case CLOSED -> EnumSet.of(CaseStatus.APPEALED);
            case APPEALED -> EnumSet.of(CaseStatus.REVIEWED);
            case REVIEWED -> EnumSet.noneOf(CaseStatus.class);
        };
    }

    public List<Finding> findings() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("status", current.name());
        facts.put("requested", requested.name());
        if (!next(current).contains(requested)) {
            facts.put("allowed", next(current).stream().map(Enum::name).toList());
            return List.of(Finding.of(RULE, Severity.PROHIBITED,
                    "问责程序不能跳过或重复：案件处于 " + current + "，不能进入 " + requested,
                    "No step of the procedure can be skipped or repeated: the case is " + current + ", it cannot go to "
                            + requested, facts));
        }
        if (requested == CaseStatus.APPEALED) {
            long days = ChronoUnit.DAYS.between(notifiedOn, today);
            facts.put("notifiedOn", notifiedOn.toString());
            facts.put("daysSinceNotification", days);
            facts.put("appealDays", appealDays);
            if (days > appealDays) {
                return List.of(Finding.of(RULE, Severity.PROHIBITED,
                        "申诉期已过：送达后第 " + days + " 天，申诉须在送达后 " + appealDays + " 日内提出",
                        "The appeal period has passed: day " + days + " after notification, appeals within "
                                + appealDays + " days", facts));
            }
        }
        return List.of();
    }
}
