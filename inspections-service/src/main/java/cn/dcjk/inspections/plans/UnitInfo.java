package cn.dcjk.inspections.plans;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.Set;

/** A unit of plans-service's directory, as much of it as this service needs. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnitInfo(String code, String name, String level, String kind, String branch, String regionCode,
        String parentCode, boolean retired) {

    private static final Set<String> OFFICES = Set.of("PARTY_OFFICE", "GOVERNMENT_OFFICE");

    /** 党委办公厅（室）或政府办公厅（室）. */
    public boolean office() {
        return OFFICES.contains(kind);
    }
}
