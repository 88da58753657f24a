package cn.dcjk.accountability.rules;

import cn.dcjk.accountability.referral.ReferralKind;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;

import java.util.List;
import java.util.Map;

/**
 * NO-DIRECT-DEMAND (article 27), the service's own enforcement (the gateway refuses the same with
 * 403 earlier): a team never demands accountability (问责要求) and never asks a body to start
 * accountability during the inspection (同步启动问责机制), whoever the recipient.
 */
public record NoDirectDemand(ReferralKind kind) {

    public static final RuleDescriptor RULE = RuleDescriptor.of("NO-DIRECT-DEMAND", List.of(27),
            Severity.PROHIBITED, "严禁上一级督查检查考核组直接提出问责建议、问责要求或要求同步启动问责",
            "No accountability suggestion or demand goes directly to lower-level bodies; no body is asked to "
                    + "start accountability during the inspection");

    public List<Finding> findings() {
        if (kind == ReferralKind.ACCOUNTABILITY_DEMAND) {
            return List.of(Finding.of(RULE, Severity.PROHIBITED,
                    "督查检查考核组不得提出问责要求（第二十七条）；发现问题可作为问题线索报告本组派出单位",
                    "An inspection team makes no accountability demand (article 27); report the problem clue to "
                            + "the dispatching unit instead", Map.of("kind", kind.name())));
        }
        if (kind == ReferralKind.START_ACCOUNTABILITY) {
            return List.of(Finding.of(RULE, Severity.PROHIBITED,
                    "不得要求下一级纪检监察机关和组织部门在督查检查考核活动中同步启动问责机制（第二十七条）",
                    "No lower-level body may be asked to start accountability during the inspection (article 27)",
                    Map.of("kind", kind.name())));
        }
        return List.of();
    }
}
