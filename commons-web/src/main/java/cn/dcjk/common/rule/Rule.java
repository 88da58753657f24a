package cn.dcjk.common.rule;

import java.util.List;

/**
 * One rule of the rulebook, in the one shape every service uses: a class named as its RULEBOOK.md
 * row (COMPREHENSIVE-CAP is {@code ComprehensiveCap}), its {@link #descriptor() descriptor} (name,
 * articles, severity as written, titles, parameters), the article's own words quoted in its Javadoc,
 * and one method judging a context and returning findings. An empty list allows; whether a finding
 * blocks is the finding's severity ({@link Finding#blocks()}), never the rule's caller's guess.
 *
 * <p>A rule is plain Java: it imports no persistence, HTTP or configuration types. What it needs to
 * know it finds in its context, which the service builds (stored rows, the directory's answers,
 * today's date). Parameters are given to its constructor.
 *
 * @param <C> what the rule judges: an item in its plan, a visit, an assessment scheme, a case step
 */
public interface Rule<C> {

    RuleDescriptor descriptor();

    /** The findings about the context; empty when the rule has nothing to say. */
    List<Finding> judge(C context);

    /** A finding of this rule at the given severity (a rule may speak at more than one, e.g. RECEPTION-BURDEN). */
    default Finding finding(Severity severity, String zh, String en, java.util.Map<String, Object> facts) {
        return Finding.of(descriptor(), severity, zh, en, facts);
    }

    /** A finding of this rule at its own severity. */
    default Finding finding(String zh, String en, java.util.Map<String, Object> facts) {
        return Finding.of(descriptor(), Severity.valueOf(descriptor().severity()), zh, en, facts);
    }
}
