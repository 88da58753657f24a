package cn.dcjk.common.rule;

import java.util.List;
import java.util.Map;

/**
 * BACKTRACING (article 32): 「对有令不行、有禁不止……对督查检查考核过程中滥用惩戒措施，不按照《中国共产党问责条例》和
 * 省委实施办法有关程序要求追责问责的；对在督查检查考核活动中滥用职权、刷“存在感”……的，实行责任倒查」. The abuses the
 * suite refuses are registered automatically, exactly once each, with their evidence. This rule
 * judges a refusal: it returns one RECORD finding (to register) when a blocking finding is of a
 * rule whose breach the article lists as an abuse, and nothing otherwise. It never refuses.
 *
 * <p>Every service judges its own refusals with it (plans-service: over-quota and over-frequency
 * attempts; inspections-service: field work without approval or outside it, visits without an
 * itinerary, reception violations; accountability-service: procedure shortcuts, direct demands),
 * so the list of abuses is in one place. The finding's facts name the abused rules and the
 * register's kind ({@code rules}, {@code kind}).
 */
public final class Backtracing implements Rule<List<Finding>> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("BACKTRACING", List.of(32), Severity.RECORD,
            "滥用督查检查考核的行为自动登记在册，每次一条，留存证据，倒查责任",
            "Abuses are registered automatically, exactly once each, with their evidence, for back-tracing");

    /**
     * The rules whose refused breach is an abuse of article 32 (有禁不止, 不按程序追责问责, 滥用职权), each
     * with the kind of the back-tracing register it is filed under; the first abused rule of a
     * refusal, in this order, gives the record its kind.
     */
    public static final Map<String, String> ABUSES = orderedAbuses();

    private static Map<String, String> orderedAbuses() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("NO-DIRECT-DEMAND", "DIRECT_DEMAND_REFUSED");
        m.put("LAWFUL-ROUTE", "DIRECT_DEMAND_REFUSED");
        m.put("PROCEDURE", "PROCEDURE_SHORTCUT");
        m.put("VISIT-FREQUENCY", "OVER_FREQUENCY");
        m.put("COMPREHENSIVE-CAP", "OVER_QUOTA");
        m.put("OBSERVATION-CAP", "OVER_QUOTA");
        m.put("APPROVED-ITEM-ONLY", "FIELD_WORK_OUTSIDE_APPROVAL");
        m.put("ON-SITE-AS-APPROVED", "FIELD_WORK_OUTSIDE_APPROVAL");
        m.put("FULL-PROCESS-RECORD", "VISIT_WITHOUT_ITINERARY");
        m.put("RECEPTION-BURDEN", "RECEPTION_VIOLATION");
        return java.util.Collections.unmodifiableMap(m);
    }

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(List<Finding> refusal) {
        List<String> abuses = refusal.stream().filter(Finding::blocks).map(Finding::rule).filter(ABUSES::containsKey)
                .distinct().sorted(java.util.Comparator.comparingInt(Backtracing::rank)).toList();
        if (abuses.isEmpty()) {
            return List.of();
        }
        return List.of(finding("登记责任倒查：" + String.join("、", abuses),
                "Registered for back-tracing: " + String.join(", ", abuses),
                Facts.of("rules", abuses, "kind", ABUSES.get(abuses.get(0)))));
    }

    private static int rank(String rule) {
        return List.copyOf(ABUSES.keySet()).indexOf(rule);
    }
}
