package cn.dcjk.plans.unit;

/** What kind of body a unit is; the rules of articles 8 and 27 turn on it. */
public enum UnitKind {
    /** 党委. */
    PARTY_COMMITTEE,
    /** 政府. */
    GOVERNMENT,
    /** 党委办公厅（室）. */
    PARTY_OFFICE,
    /** 政府办公厅（室）. */
    GOVERNMENT_OFFICE,
    /** 部门. */
    DEPARTMENT,
    /** 议事协调机构. */
    COORDINATION_BODY,
    /** 纪检监察机关. */
    DISCIPLINE_COMMISSION,
    /** 组织部门. */
    ORGANIZATION_DEPARTMENT,
    ENTERPRISE,
    SCHOOL,
    OTHER;

    /** Party committees, governments and their offices: article 8 forbids departments to notify them. */
    public boolean committeeOrGovernmentOrOffice() {
        return this == PARTY_COMMITTEE || this == GOVERNMENT || this == PARTY_OFFICE || this == GOVERNMENT_OFFICE;
    }

    /** The bodies an upper team may not address accountability demands to (article 27). */
    public boolean accountabilityBody() {
        return this == PARTY_COMMITTEE || this == GOVERNMENT || this == DISCIPLINE_COMMISSION
                || this == ORGANIZATION_DEPARTMENT;
    }
}
