package cn.dcjk.plans.rule;

import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.RuleDescriptor;

import java.util.List;

/** One rule of the plan rulebook, judging one item in its context. */
public interface ItemPolicy {

    RuleDescriptor rule();

    List<Finding> check(ItemContext c);
}
