package cn.dcjk.inspections.rules;

import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * COMMENDATION-EXEMPTS (article 29): a unit commended in the provincial government's comprehensive
 * inspection is exempt from next year's; the commendation registers that exemption in plans-service.
 */
public final class CommendationExempts {

    public static final RuleDescriptor RULE = RuleDescriptor.of("COMMENDATION-EXEMPTS", List.of(29), Severity.RECORD,
            "省政府综合督查中受表扬的单位，次年免于综合督查", "A unit commended in the provincial comprehensive "
                    + "inspection is exempt from next year's");

    public int exemptionYear(int year) {
        return year + 1;
    }

    /** Commendations exist only in the provincial comprehensive inspection, and only for its targets. */
    public List<Finding> evaluate(boolean provincialComprehensive, boolean unitIsTarget, String unitCode) {
        List<Finding> out = new ArrayList<>();
        if (!provincialComprehensive) {
            out.add(Finding.of(RULE, Severity.PROHIBITED, "仅省政府年度综合督查可作出免督查表扬",
                    "Only the provincial government's comprehensive inspection commends with an exemption",
                    Map.of("unitCode", unitCode)));
        }
        if (!unitIsTarget) {
            out.add(Finding.of(RULE, Severity.PROHIBITED, "单位 " + unitCode + " 不是本次督查对象",
                    "Unit " + unitCode + " is not a target of this inspection", Map.of("unitCode", unitCode)));
        }
        return out;
    }
}
