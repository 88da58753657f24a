package cn.dcjk.accountability.rules;

import cn.dcjk.accountability.referral.ReferralKind;
import cn.dcjk.common.channel.WriteChannel;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;

import java.util.List;

/**
 * NO-DIRECT-DEMAND (article 27): 「严禁上一级督查检查考核组直接向下一级党委和政府、纪检监察机关和组织部门、党政
 * 班子成员提出问责建议、问责要求；不得要求下一级纪检监察机关和组织部门在督查检查考核活动中同步启动问责机制。」
 *
 * <p>This service's rule in the one shape, on a referral's kind: a team never demands accountability
 * (问责要求) and never asks a body to start accountability during the inspection (同步启动问责机制),
 * whoever the recipient. The judgement is the suite's one rule, {@link cn.dcjk.common.channel.NoDirectDemand},
 * shared with the gateway; the recipients side is judged on every write by {@code ChannelGuard}.
 */
public final class NoDirectDemand implements Rule<NoDirectDemand.Context> {

    public static final RuleDescriptor RULE = cn.dcjk.common.channel.NoDirectDemand.RULE;

    /** What the team asks for. */
    public record Context(ReferralKind kind) {
    }

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(Context c) {
        return new cn.dcjk.common.channel.NoDirectDemand().judge(new cn.dcjk.common.channel.NoDirectDemand.Context(true,
                "-", WriteChannel.ACCOUNTABILITY, List.of(), false, c.kind() == null ? null : c.kind().name()));
    }
}
