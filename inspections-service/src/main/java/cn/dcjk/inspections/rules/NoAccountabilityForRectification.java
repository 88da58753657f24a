package cn.dcjk.inspections.rules;

import cn.dcjk.common.rule.Facts;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;

import java.util.List;
import java.util.Locale;

/**
 * NO-ACCOUNTABILITY-FOR-RECTIFICATION (article 26): 「不能“以问责代替整改”」. A finding is closed only by its
 * verified rectification. A rectification report whose every piece of evidence is an accountability
 * measure (问责, 追责, 处分, 诫勉… — {@code keywords}) shows who was punished, not what was put right:
 * the inspecting side cannot close the finding on it and sends it back. The ledger has no other way
 * to close a finding, and accountability-service's cases never touch it.
 */
public final class NoAccountabilityForRectification implements Rule<NoAccountabilityForRectification.Context> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("NO-ACCOUNTABILITY-FOR-RECTIFICATION", List.of(26),
            Severity.PROHIBITED, "不能“以问责代替整改”：问题只能以核验通过的整改销号",
            "No accountability in place of rectification: a finding closes only on its verified rectification");

    /** Whether the inspecting side closes the finding, and the latest rectification report's evidence. */
    public record Context(boolean closing, List<String> evidence) {
    }

    private final List<String> keywords;

    public NoAccountabilityForRectification(List<String> keywords) {
        this.keywords = keywords.stream().map(k -> k.trim().toLowerCase(Locale.ROOT)).filter(k -> !k.isEmpty()).toList();
    }

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(Context c) {
        if (!c.closing() || c.evidence() == null || c.evidence().isEmpty()) {
            return List.of();
        }
        boolean onlyAccountability = c.evidence().stream()
                .allMatch(e -> keywords.stream().anyMatch(e.toLowerCase(Locale.ROOT)::contains));
        if (!onlyAccountability) {
            return List.of();
        }
        return List.of(finding("整改佐证只有问责情况，不能以问责代替整改；请退回，待报送整改措施和成效后再核验销号",
                "The rectification evidence shows only accountability; accountability does not replace rectification: "
                        + "send it back until the measures and their effect are reported",
                Facts.of("evidence", c.evidence(), "field", "outcome")));
    }
}
