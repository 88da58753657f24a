package cn.dcjk.accountability.directory;

/**
 * An administrative division code (GB/T 2260, 6 digits, extended by 3 for a township and 3 for a
 * village). "Lower level than" is strict containment: 370102 (Lixia) lies inside 370100 inside 370000.
 * The same reading as plans-service's; kept here because commons has no shared copy yet.
 */
public final class RegionCode {

    private RegionCode() {
    }

    /** The significant prefix: trailing zero pairs of the 6-digit part dropped (370100 → 3701). */
    public static String prefix(String value) {
        if (value == null) {
            return "";
        }
        if (value.length() > 6) {
            return value;
        }
        String p = value;
        while (p.length() > 2 && p.endsWith("00")) {
            p = p.substring(0, p.length() - 2);
        }
        return p;
    }

    /** {@code inner} is {@code outer} or lies inside it. */
    public static boolean within(String inner, String outer) {
        return inner != null && outer != null && prefix(inner).startsWith(prefix(outer));
    }

    /** {@code inner} lies strictly inside {@code outer} (下级). */
    public static boolean strictlyInside(String inner, String outer) {
        return within(inner, outer) && prefix(inner).length() > prefix(outer).length();
    }
}
