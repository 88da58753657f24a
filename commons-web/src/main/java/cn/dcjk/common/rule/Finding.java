package cn.dcjk.common.rule;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * One finding of a verdict: the rule by its rulebook name, its articles, its severity, a message
 * in Chinese and English, and the facts that triggered it (ids, counts, dates).
 * {@code exceptionGranted} is true only for a PRINCIPLE finding the approving authority waived.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(String rule, List<Integer> articles, Severity severity, String message, String messageEn,
        Map<String, Object> facts, Boolean exceptionGranted) {

    public Finding {
        articles = List.copyOf(articles);
        facts = facts == null ? Map.of() : facts;
    }

    public static Finding of(RuleDescriptor rule, Severity severity, String zh, String en, Map<String, Object> facts) {
        return new Finding(rule.name(), rule.articles(), severity, zh, en, facts, null);
    }

    public Finding granted() {
        return new Finding(rule, articles, severity, message, messageEn, facts, Boolean.TRUE);
    }

    /** A finding blocks unless it is advisory, a record, or a PRINCIPLE finding whose exception was granted. */
    public boolean blocks() {
        return severity == Severity.PROHIBITED
                || (severity == Severity.PRINCIPLE && !Boolean.TRUE.equals(exceptionGranted));
    }
}
