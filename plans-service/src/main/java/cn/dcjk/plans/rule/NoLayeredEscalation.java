package cn.dcjk.plans.rule;

import cn.dcjk.common.rule.Facts;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.plans.plan.PlanItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * NO-LAYERED-ESCALATION (articles 7, 26). Art. 7: 「不得重复扎堆、层层加码」; art. 26: 「防止将“层层传导压力”
 * 异化为“问责层层加码”」. A lower level's item that implements an upper level's item (it names the upper
 * item's approval code) asks no more of those it inspects than the upper item does: no more visit
 * days, no larger share sampled, no more forms or materials, and no scoring, ranking or
 * accountability the upper item does not carry. The finding names the upper item.
 */
public final class NoLayeredEscalation implements Rule<ItemContext> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("NO-LAYERED-ESCALATION", List.of(7, 26),
            Severity.PROHIBITED, "落实上级督查检查考核事项不得层层加码",
            "An item implementing an upper level's item asks no more than the upper item does");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(ItemContext c) {
        PlanItem i = c.item();
        String code = i.implementsApprovalCode;
        if (code == null) {
            return List.of();
        }
        Optional<PlanItem> found = c.candidates().byApprovalCode(code);
        if (found.isEmpty() || !found.get().approved || found.get().withdrawn
                || found.get().organiserUnitCode.equals(i.organiserUnitCode)) {
            return List.of(finding("所落实的上级事项 " + code + " 不是有效的上级批准事项",
                    "The upper-level item " + code + " this item implements is not an approved item of another organiser",
                    Facts.of("implementsApprovalCode", code, "field", "implementsApprovalCode")));
        }
        PlanItem up = found.get();
        List<String> more = new ArrayList<>();
        if (i.plannedVisitDays().size() > up.plannedVisitDays().size()) {
            more.add("visitDays " + i.plannedVisitDays().size() + " > " + up.plannedVisitDays().size());
        }
        if (share(i) > share(up)) {
            more.add("sampleShare " + ItemMeasures.round(share(i)) + " > " + ItemMeasures.round(share(up)));
        }
        if (i.forms.size() > up.forms.size()) {
            more.add("forms " + i.forms.size() + " > " + up.forms.size());
        }
        if (i.materials.size() > up.materials.size()) {
            more.add("materials " + i.materials.size() + " > " + up.materials.size());
        }
        if (i.scores && !up.scores) {
            more.add("scores");
        }
        if (i.ranks && !up.ranks) {
            more.add("ranks");
        }
        if (i.mayLeadToAccountability && !up.mayLeadToAccountability) {
            more.add("mayLeadToAccountability");
        }
        if (more.isEmpty()) {
            return List.of();
        }
        return List.of(finding("落实上级事项 " + code + "（" + up.title + "）时层层加码：" + String.join("、", more),
                "Implementing the upper item " + code + " (" + up.title + ") asks more than it does: " + String.join(", ", more),
                Facts.of("upperItemId", up.id, "upperApprovalCode", code, "upperTitle", up.title, "escalations", more)));
    }

    /** The share of the population sampled; 0 for an item that is not on-site or declares no sampling. */
    static double share(PlanItem p) {
        if (!p.onSite || p.samplingPopulation == null || p.samplingSize == null || p.samplingPopulation == 0) {
            return 0;
        }
        return (double) p.samplingSize / p.samplingPopulation;
    }
}
