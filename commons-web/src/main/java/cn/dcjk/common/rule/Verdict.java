package cn.dcjk.common.rule;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The findings of a rule evaluation; it allows when no finding blocks. */
public record Verdict(List<Finding> findings) {

    public Verdict {
        findings = List.copyOf(findings);
    }

    public static Verdict of(Collection<Finding> findings) {
        return new Verdict(new ArrayList<>(findings));
    }

    public boolean allows() {
        return findings.stream().noneMatch(Finding::blocks);
    }

    public List<Finding> blocking() {
        return findings.stream().filter(Finding::blocks).toList();
    }

    /** Throws the 422 rule refusal when anything blocks. */
    public Verdict orRefuse() {
        if (!allows()) {
            throw new RuleRefusedException(findings);
        }
        return this;
    }
}
