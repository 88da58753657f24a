package cn.dcjk.inspections.rules;

import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.inspections.inspection.Reception;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * RECEPTION-BURDEN (article 23): 「督查检查考核不得搞对口陪同、层层陪同、边界迎送……各类督查检查考核一律不搞
 * 大规模的党政综合汇报会、全面汇报会。除涉及全局性工作外，被督查检查考核单位的主要负责同志一般不参加汇报或陪同。」
 * PROHIBITED: counterpart escort (对口陪同), escort by layers
 * (层层陪同: escorts from more than one level), border welcome (边界迎送), large comprehensive or
 * full briefing meetings (大规模的党政综合汇报会、全面汇报会: more than {max-briefing-size} present).
 * PRINCIPLE (一般不): principal leaders join briefings or escort only for work of overall importance
 * (全局性工作), recorded with the reason; then the finding is recorded as a granted exception.
 * The reception is what happened, so it is recorded either way; blocking findings are violations.
 */
public final class ReceptionBurden implements Rule<Reception> {

    public static final RuleDescriptor RULE = new RuleDescriptor("RECEPTION-BURDEN", List.of(23),
            "PROHIBITED + PRINCIPLE", "不搞对口陪同、层层陪同、边界迎送和大规模汇报会；主要负责同志一般不参加汇报或陪同",
            "No counterpart or layered escorts, border welcomes or large briefings; principal leaders normally absent",
            Map.of(), null);

    private final int maxBriefingSize;

    public ReceptionBurden(int maxBriefingSize) {
        this.maxBriefingSize = maxBriefingSize;
    }

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(Reception r) {
        List<Finding> out = new ArrayList<>();
        if (r == null) {
            return out;
        }
        List<Reception.Escort> escorts = r.escorts() == null ? List.of() : r.escorts();
        long counterparts = escorts.stream().filter(Reception.Escort::counterpart).count();
        if (counterparts > 0) {
            out.add(prohibited("COUNTERPART_ESCORT", "对口陪同 " + counterparts + " 人",
                    counterparts + " counterpart escort(s)", Map.of("counterpartEscorts", counterparts)));
        }
        Set<String> levels = escorts.stream().map(Reception.Escort::level).collect(Collectors.toSet());
        if (levels.size() > 1) {
            out.add(prohibited("LAYERED_ESCORT", "层层陪同：陪同人员来自 " + levels.size() + " 个层级",
                    "Escort by layers: escorts from " + levels.size() + " levels", Map.of("levels", levels)));
        }
        if (r.borderWelcome()) {
            out.add(prohibited("BORDER_WELCOME", "边界迎送", "Border welcome or send-off", Map.of()));
        }
        for (Reception.Briefing b : r.briefings() == null ? List.<Reception.Briefing>of() : r.briefings()) {
            if (b.kind() != Reception.BriefingKind.WORK && b.participants() > maxBriefingSize) {
                out.add(prohibited("LARGE_BRIEFING", "大规模" + (b.kind() == Reception.BriefingKind.COMPREHENSIVE
                                ? "党政综合汇报会" : "全面汇报会") + "（" + b.participants() + " 人，上限 " + maxBriefingSize + "）",
                        "Large " + b.kind().name().toLowerCase() + " briefing (" + b.participants() + " present, at most "
                                + maxBriefingSize + ")",
                        Map.of("kind", b.kind().name(), "participants", b.participants(), "max", maxBriefingSize)));
            }
        }
        if (r.principalLeadersPresent()) {
            boolean reasoned = r.overallImportance() && r.principalLeadersReason() != null
                    && !r.principalLeadersReason().isBlank();
            Finding f = Finding.of(RULE, Severity.PRINCIPLE,
                    "被检查单位主要负责同志参加汇报或陪同" + (reasoned ? "（全局性工作：" + r.principalLeadersReason() + "）"
                            : "，且未载明涉及全局性工作的理由"),
                    "The inspected unit's principal leaders joined" + (reasoned
                            ? " (overall importance: " + r.principalLeadersReason() + ")"
                            : " without a recorded reason of overall importance"),
                    Map.of("violation", "PRINCIPAL_LEADERS", "reason", String.valueOf(r.principalLeadersReason())));
            out.add(reasoned ? f.granted() : f);
        }
        return out;
    }

    private static Finding prohibited(String violation, String zh, String en, Map<String, Object> facts) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(facts);
        all.put("violation", violation);
        return Finding.of(RULE, Severity.PROHIBITED, zh, en, all);
    }
}
