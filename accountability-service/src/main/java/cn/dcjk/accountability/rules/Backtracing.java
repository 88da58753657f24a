package cn.dcjk.accountability.rules;

import cn.dcjk.common.rule.Facts;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;

import java.util.List;
import java.util.Set;

/**
 * BACKTRACING (article 32): 「对有令不行、有禁不止……对督查检查考核过程中滥用惩戒措施，不按照《中国共产党问责条例》和
 * 省委实施办法有关程序要求追责问责的；对在督查检查考核活动中滥用职权、刷“存在感”……的，实行责任倒查」. The abuses the
 * suite refuses are registered automatically, exactly once each, with their evidence. This rule
 * judges a refusal: it returns one RECORD finding (to register) when a blocking finding is of a
 * rule whose breach the article lists as an abuse, and nothing otherwise. It never refuses.
 */
public final class Backtracing implements Rule<List<Finding>> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("BACKTRACING", List.of(32), Severity.RECORD,
            "滥用督查检查考核的行为自动登记在册，每次一条，留存证据，倒查责任",
            "Abuses are registered automatically, exactly once each, with their evidence, for back-tracing");

    /** The rules whose refused breach is an abuse of article 32 (有禁不止, 不按程序追责问责, 滥用职权). */
    public static final Set<String> ABUSES = Set.of("NO-DIRECT-DEMAND", "LAWFUL-ROUTE", "PROCEDURE",
            "VISIT-FREQUENCY", "COMPREHENSIVE-CAP", "OBSERVATION-CAP", "APPROVED-ITEM-ONLY", "FULL-PROCESS-RECORD",
            "ON-SITE-AS-APPROVED", "RECEPTION-BURDEN");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(List<Finding> refusal) {
        List<String> abuses = refusal.stream().filter(Finding::blocks).map(Finding::rule).filter(ABUSES::contains)
                .distinct().toList();
        if (abuses.isEmpty()) {
            return List.of();
        }
        return List.of(finding("登记责任倒查：" + String.join("、", abuses),
                "Registered for back-tracing: " + String.join(", ", abuses), Facts.of("rules", abuses)));
    }
}
