package cn.dcjk.accountability.rules;

import cn.dcjk.common.directory.UnitInfo;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.unit.RegionCode;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LAWFUL-ROUTE (articles 25, 27). Art. 25: 「上一级督查检查考核组，在工作中发现需要对下一级党员领导干部问责的，
 * 要严格按照《中国共产党问责条例》和省委实施办法有关程序要求实施问责。」 Art. 27: 「严禁上一级督查检查考核组直接向
 * 下一级党委和政府、纪检监察机关和组织部门、党政班子成员提出问责建议、问责要求」.
 *
 * <p>Two steps of one route. {@link Referral}: an inspection team reports a need for accountability
 * to its own dispatching unit (派出单位) and to no one else. {@link HandOn}: that unit hands it on only
 * to the body competent for the cadre — a discipline inspection and supervision commission or an
 * organisation department whose region contains the subject's unit.
 */
public final class LawfulRoute implements Rule<LawfulRoute.Context> {

    /** What the rule judges: the team's referral, or the dispatching unit's hand-on. */
    public sealed interface Context permits Referral, HandOn {
    }

    /** A team refers a matter to a recipient. */
    public record Referral(String dispatchingUnitCode, String recipientUnitCode) implements Context {
    }

    /** The dispatching unit (or a complaint handler) hands a matter on to a body, for cadres of these units. */
    public record HandOn(UnitInfo body, List<UnitInfo> subjectUnits) implements Context {
    }

    public static final RuleDescriptor RULE = RuleDescriptor.of("LAWFUL-ROUTE", List.of(25, 27),
            Severity.PROHIBITED, "督查检查考核组只向本组派出单位报告问责事项，由其按问责条例程序移交有管辖权的机关",
            "An inspection team reports accountability matters only to its own dispatching unit, which hands them "
                    + "on to the competent body through the accountability regulations' procedure");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(Context c) {
        if (c instanceof Referral r) {
            return referral(r.dispatchingUnitCode(), r.recipientUnitCode());
        }
        HandOn h = (HandOn) c;
        return handOn(h.body(), h.subjectUnits());
    }

    private List<Finding> referral(String dispatchingUnitCode, String recipientUnitCode) {
        if (dispatchingUnitCode != null && dispatchingUnitCode.equals(recipientUnitCode)) {
            return List.of();
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("recipientUnitCode", String.valueOf(recipientUnitCode));
        facts.put("lawfulRecipient", String.valueOf(dispatchingUnitCode));
        return List.of(finding(
                "督查检查考核组不得向 " + recipientUnitCode + " 移送问题或提出问责建议；依第二十七条，只能报告本组派出单位 "
                        + dispatchingUnitCode + "，由其依程序移交有管辖权的纪检监察机关或组织部门",
                "An inspection team may not refer matters or suggest accountability to " + recipientUnitCode
                        + "; under article 27 it reports only to its dispatching unit " + dispatchingUnitCode
                        + ", which hands the matter on to the competent body",
                facts));
    }

    private List<Finding> handOn(UnitInfo body, List<UnitInfo> subjectUnits) {
        List<Finding> out = new ArrayList<>();
        if (!body.competentBody()) {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("competentUnitCode", body.code());
            facts.put("kind", String.valueOf(body.kind()));
            out.add(finding(
                    body.code() + " 不是纪检监察机关或组织部门，不能受理问责移交",
                    body.code() + " is neither a discipline commission nor an organisation department", facts));
            return out;
        }
        for (UnitInfo u : subjectUnits) {
            if (!RegionCode.within(u.regionCode(), body.regionCode())) {
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("competentUnitCode", body.code());
                facts.put("subjectUnitCode", u.code());
                facts.put("subjectRegionCode", u.regionCode());
                facts.put("competentRegionCode", body.regionCode());
                out.add(finding(
                        body.code() + " 对 " + u.code() + " 的干部没有管辖权（不在其辖区内）",
                        body.code() + " is not competent for cadres of " + u.code() + " (outside its region)", facts));
            }
        }
        return out;
    }
}
