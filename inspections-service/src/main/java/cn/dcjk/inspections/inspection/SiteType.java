package cn.dcjk.inspections.inspection;

/** Where a visit goes: office (机关), construction site (工地), field (田间), enterprise (企业). */
public enum SiteType { OFFICE, CONSTRUCTION_SITE, FIELD, ENTERPRISE }
