package cn.dcjk.inspections.rules;

import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.inspections.plans.Approval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * APPROVED-ITEM-ONLY (articles 5, 12). Art. 5: 「实行年度计划和审批报备制度」, 「具体组织实施仍需按程序报批」;
 * art. 12: 「建立活动实施前报计划方案……的全流程管理机制」. Field work opens only for an item whose approval
 * code plans-service confirms as genuine and current, within the approved period, by a team
 * dispatched by the organiser or a co-organiser, aimed at approved targets.
 */
public final class ApprovedItemOnly implements Rule<ApprovedItemOnly.Context> {

    /** The approval code quoted, plans-service's answer (empty: unknown), who dispatches, the dates, the population, today. */
    public record Context(String code, Optional<Approval> answer, String dispatchingUnit, LocalDate start,
            LocalDate end, List<String> population, LocalDate today) {
    }

    public static final RuleDescriptor RULE = RuleDescriptor.of("APPROVED-ITEM-ONLY", List.of(5, 12),
            Severity.PROHIBITED, "只对经批准、已下达的事项开展督查检查考核",
            "Field work opens only for an approved, issued item");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(Context c) {
        String code = c.code();
        Optional<Approval> answer = c.answer();
        String dispatchingUnit = c.dispatchingUnit();
        LocalDate start = c.start();
        LocalDate end = c.end();
        List<String> population = c.population();
        List<Finding> out = new ArrayList<>();
        if (answer.isEmpty() || !answer.get().genuine()) {
            out.add(refuse("批准编号 " + code + " 不是真实有效的编号", "Approval code " + code + " is not genuine",
                    Map.of("approvalCode", code)));
            return out;
        }
        Approval a = answer.get();
        if (!a.current() || !"CURRENT".equals(a.status())) {
            out.add(refuse("批准编号 " + code + " 当前无效（" + a.status() + "）",
                    "Approval code " + code + " is not current (" + a.status() + ")",
                    Map.of("approvalCode", code, "status", String.valueOf(a.status()))));
        }
        if (a.validUntil() != null && c.today().isAfter(a.validUntil())) {
            out.add(refuse("批准编号已于 " + a.validUntil() + " 到期", "The approval expired on " + a.validUntil(),
                    Map.of("validUntil", a.validUntil().toString())));
        }
        if ((a.periodStart() != null && start.isBefore(a.periodStart()))
                || (a.periodEnd() != null && end.isAfter(a.periodEnd()))) {
            out.add(refuse("实施日期 " + start + "～" + end + " 超出批准期间 " + a.periodStart() + "～" + a.periodEnd(),
                    "Dates " + start + ".." + end + " lie outside the approved period " + a.periodStart() + ".."
                            + a.periodEnd(),
                    Map.of("periodStart", String.valueOf(a.periodStart()), "periodEnd", String.valueOf(a.periodEnd()))));
        }
        Set<String> organisers = new HashSet<>(a.coOrganisers());
        organisers.add(a.organiserUnitCode());
        if (dispatchingUnit == null || !organisers.contains(dispatchingUnit)) {
            out.add(refuse("派出单位 " + dispatchingUnit + " 不是该事项的牵头或协办单位",
                    "The dispatching unit " + dispatchingUnit + " is neither organiser nor co-organiser of the item",
                    Map.of("dispatchingUnitCode", String.valueOf(dispatchingUnit),
                            "organiserUnitCode", String.valueOf(a.organiserUnitCode()))));
        }
        // Named targets bind the inspection; a scope (levels in a region) is checked by plans-service.
        if (a.targetScope() == null && a.targetUnitCodes() != null && !a.targetUnitCodes().isEmpty()) {
            List<String> foreign = population.stream().filter(u -> !a.targetUnitCodes().contains(u)).toList();
            if (!foreign.isEmpty()) {
                out.add(refuse("对象 " + foreign + " 不在批准的对象范围内",
                        "Targets " + foreign + " are not among the approved targets",
                        Map.of("unapprovedTargets", foreign)));
            }
        }
        return out;
    }

    private static Finding refuse(String zh, String en, Map<String, Object> facts) {
        return Finding.of(RULE, Severity.PROHIBITED, zh, en, facts);
    }
}
