package cn.dcjk.plans.unit;

/** A unit as the API shows it. */
public record UnitView(String code, String name, String nameEn, UnitLevel level, UnitKind kind, Branch branch,
        String regionCode, String parentCode, boolean retired) {

    public static UnitView of(Unit u) {
        return new UnitView(u.code, u.name, u.nameEn, u.level, u.kind, u.branch, u.regionCode, u.parentCode, u.retired);
    }
}
