package cn.dcjk.plans.unit;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** A region's significant prefix (GB/T 2260 digits) as the ranges and neighbours an index probes. */
public final class RegionPrefix {

    private RegionPrefix() {
    }

    /**
     * The digits after the prefix's whole range: "3709" → "3710", so {@code >= prefix and < successor} is
     * {@code LIKE prefix%} as a range an index can probe, in any collation (digits compare alike in all).
     */
    public static String successor(String prefix) {
        if (prefix.isEmpty()) {
            return "~";
        }
        String next = new BigInteger(prefix).add(BigInteger.ONE).toString();
        return next.length() > prefix.length() ? prefix + "~" : "0".repeat(prefix.length() - next.length()) + next;
    }

    /** The prefix and every region above it, nearest first: "370102001" → 370102001, 370102, 3701, 37. */
    public static List<String> andAbove(String prefix) {
        List<String> around = new ArrayList<>();
        for (int len = prefix.length(); len >= 2; len -= (len > 6 ? 3 : 2)) {
            around.add(prefix.substring(0, len));
        }
        return around;
    }
}
