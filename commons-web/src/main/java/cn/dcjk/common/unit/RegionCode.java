package cn.dcjk.common.unit;

import java.util.regex.Pattern;

/**
 * An administrative division code: 6 digits (GB/T 2260: province 370000, city 370100, county 370102),
 * extended by 3 digits for a township and 3 more for a village. "Lower level than" is strict
 * containment of regions: Lixia (370102) lies inside Jinan (370100) inside Shandong (370000).
 */
public record RegionCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9]{6}([0-9]{3}([0-9]{3})?)?");

    public RegionCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a region code has 6, 9 or 12 digits");
        }
    }

    public static boolean valid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    /** The significant prefix: trailing zero pairs of the 6-digit part dropped (370100 → 3701). */
    public String prefix() {
        if (value.length() > 6) {
            return value;
        }
        String p = value;
        while (p.length() > 2 && p.endsWith("00")) {
            p = p.substring(0, p.length() - 2);
        }
        return p;
    }

    /** True when this region lies strictly inside {@code outer}. */
    public boolean strictlyInside(RegionCode outer) {
        String mine = prefix();
        String theirs = outer.prefix();
        return mine.length() > theirs.length() && mine.startsWith(theirs);
    }

    /** True when this region is {@code outer} or lies inside it. */
    public boolean within(RegionCode outer) {
        return prefix().startsWith(outer.prefix());
    }

    /** The significant prefix of a code, "" for none: for prefix queries (LIKE prefix%). */
    public static String prefix(String value) {
        return valid(value) ? new RegionCode(value).prefix() : "";
    }

    /** {@code inner} is {@code outer} or lies inside it; false when either is not a region code. */
    public static boolean within(String inner, String outer) {
        return valid(inner) && valid(outer) && new RegionCode(inner).within(new RegionCode(outer));
    }

    /** {@code inner} lies strictly inside {@code outer} (下级); false when either is not a region code. */
    public static boolean strictlyInside(String inner, String outer) {
        return valid(inner) && valid(outer) && new RegionCode(inner).strictlyInside(new RegionCode(outer));
    }
}
