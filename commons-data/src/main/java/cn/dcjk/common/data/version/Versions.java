package cn.dcjk.common.data.version;

import cn.dcjk.common.problem.Problems;

/**
 * ETag / If-Match on updates: the ETag is the row's optimistic version; an If-Match that names
 * another version is refused with 409 before anything is written.
 */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** Passes when there is no If-Match, when it is *, or when it names the current version. */
    public static void check(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals(etag(current))) {
                return;
            }
        }
        throw Problems.staleVersion(ifMatch.trim(), etag(current));
    }
}
