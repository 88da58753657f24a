package cn.dcjk.accountability.rules;

import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LAWFUL-ROUTE (articles 25, 27): an inspection team reports a need for accountability to its own
 * dispatching unit (派出单位) and to no one else; that unit hands it on to the competent body.
 */
public record LawfulRoute(String dispatchingUnitCode, String recipientUnitCode) {

    public static final RuleDescriptor RULE = RuleDescriptor.of("LAWFUL-ROUTE", List.of(25, 27),
            Severity.PROHIBITED, "督查检查考核组只向本组派出单位报告问责事项，由其按问责条例程序移交有管辖权的机关",
            "An inspection team reports accountability matters only to its own dispatching unit, which hands them "
                    + "on to the competent body through the accountability regulations' procedure");

    public List<Finding> findings() {
        if (dispatchingUnitCode != null && dispatchingUnitCode.equals(recipientUnitCode)) {
            return List.of();
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("recipientUnitCode", String.valueOf(recipientUnitCode));
        facts.put("lawfulRecipient", String.valueOf(dispatchingUnitCode));
        return List.of(Finding.of(RULE, Severity.PROHIBITED,
                "督查检查考核组不得向 " + recipientUnitCode + " 移送问题或提出问责建议；依第二十七条，只能报告本组派出单位 "
                        + dispatchingUnitCode + "，由其依程序移交有管辖权的纪检监察机关或组织部门",
                "An inspection team may not refer matters or suggest accountability to " + recipientUnitCode
                        + "; under article 27 it reports only to its dispatching unit " + dispatchingUnitCode
                        + ", which hands the matter on to the competent body",
                facts));
    }
}
