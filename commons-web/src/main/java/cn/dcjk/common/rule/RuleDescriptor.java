package cn.dcjk.common.rule;

import java.util.List;
import java.util.Map;

/**
 * A rule as the rulebook lists it: name (e.g. COMPREHENSIVE-CAP), articles, severity as written
 * (e.g. "PRINCIPLE", "PROHIBITED + PRINCIPLE"), titles in Chinese and English, current parameters.
 */
public record RuleDescriptor(String name, List<Integer> articles, String severity, String titleZh, String titleEn,
        Map<String, Object> parameters, String service) {

    public RuleDescriptor {
        articles = List.copyOf(articles);
        parameters = parameters == null ? Map.of() : parameters;
    }

    public static RuleDescriptor of(String name, List<Integer> articles, Severity severity, String titleZh,
            String titleEn) {
        return new RuleDescriptor(name, articles, severity.name(), titleZh, titleEn, Map.of(), null);
    }

    public RuleDescriptor withParameters(Map<String, Object> parameters) {
        return new RuleDescriptor(name, articles, severity, titleZh, titleEn, parameters, service);
    }

    public RuleDescriptor inService(String service) {
        return new RuleDescriptor(name, articles, severity, titleZh, titleEn, parameters, service);
    }
}
