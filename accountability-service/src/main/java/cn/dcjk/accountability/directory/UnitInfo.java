package cn.dcjk.accountability.directory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A unit as plans-service describes it (GET /api/v1/units/{code}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnitInfo(String code, String name, String level, String kind, String branch, String regionCode,
        String parentCode, boolean retired) {

    /** 纪检监察机关 or 组织部门: the bodies competent to hold cadres accountable. */
    public boolean competentBody() {
        return "DISCIPLINE_COMMISSION".equals(kind) || "ORGANIZATION_DEPARTMENT".equals(kind);
    }

    /** Counties, townships, villages, enterprises and schools (基层, article 20's reading). */
    public boolean grassroots() {
        return "COUNTY".equals(level) || "TOWNSHIP".equals(level) || "VILLAGE".equals(level)
                || "ENTERPRISE".equals(kind) || "SCHOOL".equals(kind);
    }
}
