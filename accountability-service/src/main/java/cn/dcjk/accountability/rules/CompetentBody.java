package cn.dcjk.accountability.rules;

import cn.dcjk.common.unit.RegionCode;
import cn.dcjk.accountability.directory.UnitInfo;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The second half of LAWFUL-ROUTE (articles 25, 27): a matter reaches a body only as the body
 * competent for the cadre — a discipline inspection and supervision commission (纪检监察机关) or an
 * organisation department (组织部门) whose region contains the subject's unit (the same or a
 * higher level than the subject's unit).
 */
public record CompetentBody(UnitInfo body, List<UnitInfo> subjectUnits) {

    public List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        if (!body.competentBody()) {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("competentUnitCode", body.code());
            facts.put("kind", String.valueOf(body.kind()));
            out.add(Finding.of(LawfulRoute.RULE, Severity.PROHIBITED,
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
                out.add(Finding.of(LawfulRoute.RULE, Severity.PROHIBITED,
                        body.code() + " 对 " + u.code() + " 的干部没有管辖权（不在其辖区内）",
                        body.code() + " is not competent for cadres of " + u.code() + " (outside its region)", facts));
            }
        }
        return out;
    }
}
