package cn.dcjk.common.directory;

import cn.dcjk.common.unit.RegionCode;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.Set;

/**
 * A unit of plans-service's directory (GET /api/v1/units/{code}) as every other part of the suite
 * reads it. Unknown fields are ignored: the directory may add some. "Lower than" is the one
 * reading of the suite: the unit's region lies strictly inside the other's ({@link RegionCode}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnitInfo(String code, String name, String nameEn, String level, String kind, String branch,
        String regionCode, String parentCode, boolean retired) {

    private static final Set<String> OFFICES = Set.of("PARTY_OFFICE", "GOVERNMENT_OFFICE");
    private static final Set<String> ACCOUNTABILITY_BODIES = Set.of("PARTY_COMMITTEE", "GOVERNMENT",
            "DISCIPLINE_COMMISSION", "ORGANIZATION_DEPARTMENT");

    /** 党委办公厅（室）或政府办公厅（室）. */
    public boolean office() {
        return OFFICES.contains(kind);
    }

    /** 纪检监察机关 or 组织部门: the bodies competent to hold cadres accountable (articles 25, 27). */
    public boolean competentBody() {
        return "DISCIPLINE_COMMISSION".equals(kind) || "ORGANIZATION_DEPARTMENT".equals(kind);
    }

    /** Party committees, governments, discipline bodies, organisation departments (article 27's addressees). */
    public boolean accountabilityBody() {
        return ACCOUNTABILITY_BODIES.contains(kind);
    }

    /** Counties, townships, villages, enterprises and schools (基层, article 20's reading). */
    public boolean grassroots() {
        return "COUNTY".equals(level) || "TOWNSHIP".equals(level) || "VILLAGE".equals(level)
                || "ENTERPRISE".equals(kind) || "SCHOOL".equals(kind);
    }

    /** Whether this unit is of a lower level than the other: its region lies strictly inside the other's. */
    public boolean lowerThan(UnitInfo other) {
        return RegionCode.strictlyInside(regionCode, other.regionCode());
    }
}
