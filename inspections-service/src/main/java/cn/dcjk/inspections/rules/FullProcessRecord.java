package cn.dcjk.inspections.rules;

import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;

import java.util.List;
import java.util.Map;

/**
 * FULL-PROCESS-RECORD (article 12, 全程记录): the scheme before, the itinerary before each visit,
 * the results after. The scheme is filed by opening the inspection; this policy judges a visit.
 */
public final class FullProcessRecord {

    public static final RuleDescriptor RULE = RuleDescriptor.of("FULL-PROCESS-RECORD", List.of(12),
            Severity.PROHIBITED, "事前报方案、事中报行程、事后报结果，全程记录",
            "Scheme before, itinerary before each visit, results after");

    /** A visit must rest on a filed itinerary entry for the same unit. */
    public List<Finding> visit(boolean itineraryFiled, String unitCode, Long itineraryEntryId) {
        if (itineraryFiled) {
            return List.of();
        }
        Map<String, Object> facts = new java.util.LinkedHashMap<>();
        facts.put("unitCode", unitCode);
        facts.put("itineraryEntryId", itineraryEntryId);
        return List.of(Finding.of(RULE, Severity.PROHIBITED,
                "未报行程不得开展实地督查检查：请先报备对 " + unitCode + " 的行程",
                "No visit without a filed itinerary entry: file the itinerary for " + unitCode + " first", facts));
    }
}
