package cn.dcjk.plans.unit.importing;

import cn.dcjk.common.unit.RegionCode;
import cn.dcjk.plans.unit.UnitInput;
import cn.dcjk.plans.unit.UnitLevel;
import cn.dcjk.plans.unit.UnitView;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tree an import would leave: the file's rows over the directory as it is. A row is sound when
 * its parent is known and active (in the directory or an accepted row of the file), its region lies
 * within the parent's, the parent is not of a lower level, and following parents ends at a root
 * (the province) rather than going round.
 */
final class Hierarchy {

    private static final int VISITING = -2;
    private static final int CYCLE = -1;

    private final List<UnitInput> rows;
    private final boolean[] ok;
    private final Map<String, Integer> byCode;
    private final Map<String, UnitView> existing;
    private final Map<String, Integer> depths = new HashMap<>();
    private final Map<Integer, Optional<UnitImport.Rejected>> checked = new HashMap<>();

    Hierarchy(List<UnitInput> rows, boolean[] ok, Map<String, Integer> byCode, Map<String, UnitView> existing) {
        this.rows = rows;
        this.ok = ok;
        this.byCode = byCode;
        this.existing = existing;
    }

    /** Null when a unit of the level may have the region code; else what is wrong. */
    static String levelMatchesRegion(UnitLevel level, String region) {
        boolean fits = switch (level) {
            case PROVINCE -> region.length() == 6 && region.endsWith("0000");
            case CITY -> region.length() == 6 && region.endsWith("00") && !region.endsWith("0000");
            case COUNTY -> region.length() == 6 && !region.endsWith("00");
            case TOWNSHIP -> region.length() == 9;
            case VILLAGE -> region.length() == 12;
        };
        return fits ? null : "a " + level + " unit's region has " + switch (level) {
            case PROVINCE -> "6 digits ending in 0000";
            case CITY -> "6 digits ending in 00 (not 0000)";
            case COUNTY -> "6 digits not ending in 00";
            case TOWNSHIP -> "9 digits";
            case VILLAGE -> "12 digits";
        };
    }

    /** Empty when row {@code i} is sound (its fields were checked already). */
    Optional<UnitImport.Rejected> check(int i) {
        Optional<UnitImport.Rejected> done = checked.get(i);
        if (done != null) {
            return done;
        }
        checked.put(i, Optional.empty()); // a cycle through the file is reported by depth() below
        Optional<UnitImport.Rejected> result = judge(i);
        checked.put(i, result);
        return result;
    }

    private Optional<UnitImport.Rejected> judge(int i) {
        UnitInput in = rows.get(i);
        String p = in.parentCode();
        if (p == null) {
            return in.level() == UnitLevel.PROVINCE ? Optional.empty()
                    : reject(i, "parentCode", "only a PROVINCE unit may be without a parent");
        }
        if (p.equals(in.code())) {
            return reject(i, "parentCode", "a unit cannot be its own parent");
        }
        String parentRegion;
        UnitLevel parentLevel;
        Integer j = byCode.get(p);
        if (j != null) {
            if (!ok[j] || check(j).isPresent()) {
                return reject(i, "parentCode", "its parent rows[" + j + "] was rejected");
            }
            parentRegion = rows.get(j).regionCode();
            parentLevel = rows.get(j).level();
        } else {
            UnitView parent = existing.get(p);
            if (parent == null) {
                return reject(i, "parentCode", "unknown unit code " + p + " (neither in the directory nor in the file)");
            }
            if (parent.retired()) {
                return reject(i, "parentCode", "the parent " + p + " is retired");
            }
            parentRegion = parent.regionCode();
            parentLevel = parent.level();
        }
        if (!new RegionCode(in.regionCode()).within(new RegionCode(parentRegion))) {
            return reject(i, "regionCode", "must lie within the parent's region " + parentRegion);
        }
        if (parentLevel.ordinal() > in.level().ordinal()) {
            return reject(i, "parentCode", "the parent is of a lower level (" + parentLevel + ") than the unit (" + in.level() + ")");
        }
        if (depth(in.code()) < 0) {
            return reject(i, "parentCode", "following parents from " + in.code() + " goes round in a cycle");
        }
        return Optional.empty();
    }

    private Optional<UnitImport.Rejected> reject(int i, String field, String message) {
        return Optional.of(new UnitImport.Rejected(i, rows.get(i).code(), "rows[" + i + "]." + field, message));
    }

    /** Steps from the unit to its root in the tree the import would leave; negative on a cycle. */
    int depth(UnitInput in) {
        return depth(in.code());
    }

    private int depth(String code) {
        Integer known = depths.get(code);
        if (known != null) {
            return known == VISITING ? CYCLE : known;
        }
        depths.put(code, VISITING);
        String parent = parentOf(code);
        int d;
        if (parent == null) {
            d = 0;
        } else {
            int up = depth(parent);
            d = up < 0 ? CYCLE : up + 1;
        }
        depths.put(code, d);
        return d;
    }

    private String parentOf(String code) {
        Integer i = byCode.get(code);
        if (i != null) {
            return rows.get(i).parentCode();
        }
        UnitView u = existing.get(code);
        return u == null ? null : u.parentCode();
    }
}
