package cn.dcjk.accountability.rules;

import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;

import java.util.List;

/**
 * BACKTRACING (article 32): abuses — refused article-27 attempts, reception violations, visits
 * without itinerary, over-quota inspections — are registered with their evidence for
 * responsibility back-tracing. It records; it never refuses.
 */
public final class Backtracing {

    public static final RuleDescriptor RULE = RuleDescriptor.of("BACKTRACING", List.of(32), Severity.RECORD,
            "滥用督查检查考核的行为登记在册，留存证据，倒查责任",
            "Abuses are registered with their evidence for responsibility back-tracing");

    private Backtracing() {
    }
}
