package cn.dcjk.accountability.rules;

import cn.dcjk.accountability.referral.ReferralKind;
import cn.dcjk.common.rule.Facts;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;

import java.util.List;

/**
 * NO-DIRECT-DEMAND (article 27): 「严禁上一级督查检查考核组直接向下一级党委和政府、纪检监察机关和组织部门、党政
 * 班子成员提出问责建议、问责要求；不得要求下一级纪检监察机关和组织部门在督查检查考核活动中同步启动问责机制。」
 *
 * <p>The service's own enforcement, by what is asked (the gateway refuses the same with 403 earlier,
 * by whom it is addressed to): a team never demands accountability (问责要求) and never asks a body
 * to start accountability during the inspection (同步启动问责机制), whoever the recipient. The
 * recipient side is LAWFUL-ROUTE's. Seam: when the suite's shared NO-DIRECT-DEMAND rule lands in
 * commons, this class delegates its judgement to it with the same context and keeps this behaviour.
 */
public final class NoDirectDemand implements Rule<NoDirectDemand.Context> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("NO-DIRECT-DEMAND", List.of(27),
            Severity.PROHIBITED, "严禁上一级督查检查考核组直接提出问责建议、问责要求或要求同步启动问责",
            "No accountability suggestion or demand goes directly to lower-level bodies; no body is asked to "
                    + "start accountability during the inspection");

    /** What the team asks for. */
    public record Context(ReferralKind kind) {
    }

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(Context c) {
        if (c.kind() == ReferralKind.ACCOUNTABILITY_DEMAND) {
            return List.of(finding("督查检查考核组不得提出问责要求（第二十七条）；发现问题可作为问题线索报告本组派出单位",
                    "An inspection team makes no accountability demand (article 27); report the problem clue to "
                            + "the dispatching unit instead", Facts.of("kind", c.kind().name())));
        }
        if (c.kind() == ReferralKind.START_ACCOUNTABILITY) {
            return List.of(finding("不得要求下一级纪检监察机关和组织部门在督查检查考核活动中同步启动问责机制（第二十七条）",
                    "No lower-level body may be asked to start accountability during the inspection (article 27)",
                    Facts.of("kind", c.kind().name())));
        }
        return List.of();
    }
}
