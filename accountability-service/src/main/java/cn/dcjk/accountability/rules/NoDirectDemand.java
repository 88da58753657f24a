package cn.dcjk.accountability.rules;

import cn.dcjk.accountability.referral.ReferralKind;
import cn.dcjk.common.channel.WriteChannel;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.RuleDescriptor;

import java.util.List;

/**
 * NO-DIRECT-DEMAND (article 27) on a referral's kind: a team never demands accountability (问责要求)
 * and never asks a body to start accountability during the inspection (同步启动问责机制), whoever the
 * recipient. The one rule of the suite, {@link cn.dcjk.common.channel.NoDirectDemand}, shared with the
 * gateway, judges it.
 */
public record NoDirectDemand(ReferralKind kind) {

    public static final RuleDescriptor RULE = cn.dcjk.common.channel.NoDirectDemand.RULE;

    public List<Finding> findings() {
        return cn.dcjk.common.channel.NoDirectDemand.judge(new cn.dcjk.common.channel.NoDirectDemand.Context(true,
                "-", WriteChannel.ACCOUNTABILITY, List.of(), false, kind == null ? null : kind.name()));
    }
}
