package cn.dcjk.accountability.rules;

import cn.dcjk.accountability.casework.CaseStatus;
import cn.dcjk.common.rule.Facts;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
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
 * PROCEDURE (article 25): 「规范问责程序……要严格按照《中国共产党问责条例》和省委实施办法有关程序要求实施问责」; art.
 * 32 names 「不按照……程序要求追责问责的」 among the abuses traced back. A case reaches a decision only through
 * its steps — opened by the competent body, investigated, the subject heard (陈述申辩), decided with
 * legal basis, notified — and an appeal is possible within {@code appealDays} days of the real
 * notification. The procedure cannot be rewritten: a step's date is never in the future and never
 * before the step it follows.
 */
public final class Procedure implements Rule<Procedure.Context> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("PROCEDURE", List.of(25),
            Severity.PROHIBITED, "问责须经立案、调查、听取陈述申辩、依据作出决定、送达，可以申诉；程序日期不得倒填",
            "A case reaches a decision only through its steps: opened, investigated, subject heard, decided with "
                    + "legal basis, notified; appeal possible; no step is dated before the one it follows or in the future");

    /**
     * @param stepDate         the date the step says it happened on (heardOn, notifiedOn), null when it happens now
     * @param previousStepDate the date of the step before it
     * @param notifiedOn       the recorded notification, the start of the appeal window
     */
    public record Context(CaseStatus current, CaseStatus requested, LocalDate stepDate, LocalDate previousStepDate,
            LocalDate notifiedOn, LocalDate today) {
    }

    private final int appealDays;

    public Procedure(int appealDays) {
        this.appealDays = appealDays;
    }

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

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(Context c) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("status", c.current().name());
        facts.put("requested", c.requested().name());
        if (!next(c.current()).contains(c.requested())) {
            facts.put("allowed", next(c.current()).stream().map(Enum::name).toList());
            facts.put("abuse", "PROCEDURE_SHORTCUT");
            return List.of(finding("问责程序不能跳过或重复：案件处于 " + c.current() + "，不能进入 " + c.requested(),
                    "No step of the procedure can be skipped or repeated: the case is " + c.current()
                            + ", it cannot go to " + c.requested(), facts));
        }
        if (c.stepDate() != null) {
            if (c.stepDate().isAfter(c.today())) {
                return List.of(finding("程序日期 " + c.stepDate() + " 晚于今天 " + c.today() + "，不能预填",
                        "The step's date " + c.stepDate() + " lies in the future", Facts.of("status", c.current().name(),
                                "requested", c.requested().name(), "stepDate", c.stepDate().toString(),
                                "today", c.today().toString(), "abuse", "PROCEDURE_DATE")));
            }
            if (c.previousStepDate() != null && c.stepDate().isBefore(c.previousStepDate())) {
                return List.of(finding("程序日期 " + c.stepDate() + " 早于上一步骤 " + c.previousStepDate() + "，不能倒填",
                        "The step's date " + c.stepDate() + " precedes the step before it (" + c.previousStepDate() + ")",
                        Facts.of("status", c.current().name(), "requested", c.requested().name(),
                                "stepDate", c.stepDate().toString(), "previousStepDate", c.previousStepDate().toString(),
                                "abuse", "PROCEDURE_DATE")));
            }
        }
        if (c.requested() == CaseStatus.APPEALED && c.notifiedOn() != null) {
            long days = ChronoUnit.DAYS.between(c.notifiedOn(), c.today());
            facts.put("notifiedOn", c.notifiedOn().toString());
            facts.put("daysSinceNotification", days);
            facts.put("appealDays", appealDays);
            if (days > appealDays) {
                return List.of(finding("申诉期已过：送达后第 " + days + " 天，申诉须在送达后 " + appealDays + " 日内提出",
                        "The appeal period has passed: day " + days + " after notification, appeals within "
                                + appealDays + " days", facts));
            }
        }
        return List.of();
    }
}
