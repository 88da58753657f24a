package cn.dcjk.inspections.rules;

import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * COMMENDATION-EXEMPTS (article 29): 「对……受到省政府经济社会发展综合督查表扬的市、县(市、区)，……在下一年度
 * 省政府经济社会发展综合督查中“免督查”。」 A commendation exists only in the provincial comprehensive
 * inspection and only for its targets; it registers next year's exemption in plans-service.
 */
public final class CommendationExempts implements Rule<CommendationExempts.Context> {

    public record Context(boolean provincialComprehensive, boolean unitIsTarget, String unitCode) {
    }

    public static final RuleDescriptor RULE = RuleDescriptor.of("COMMENDATION-EXEMPTS", List.of(29), Severity.RECORD,
            "省政府综合督查中受表扬的单位，次年免于综合督查", "A unit commended in the provincial comprehensive "
                    + "inspection is exempt from next year's");

    public int exemptionYear(int year) {
        return year + 1;
    }

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    /** Commendations exist only in the provincial comprehensive inspection, and only for its targets. */
    @Override
    public List<Finding> judge(Context c) {
        String unitCode = c.unitCode();
        List<Finding> out = new ArrayList<>();
        if (!c.provincialComprehensive()) {
            out.add(Finding.of(RULE, Severity.PROHIBITED, "仅省政府年度综合督查可作出免督查表扬",
                    "Only the provincial government's comprehensive inspection commends with an exemption",
                    Map.of("unitCode", unitCode)));
        }
        if (!c.unitIsTarget()) {
            out.add(Finding.of(RULE, Severity.PROHIBITED, "单位 " + unitCode + " 不是本次督查对象",
                    "Unit " + unitCode + " is not a target of this inspection", Map.of("unitCode", unitCode)));
        }
        return out;
    }
}
