package cn.dcjk.common.data.version;

import cn.dcjk.common.problem.Problems;

/**
 * ETag / If-Match on updates: the ETag is the row's optimistic version. An update without If-Match
 * is refused with 428 (RFC 6585), one whose If-Match names another version with 412 (RFC 9110),
 * before anything is written. Callers check the caller's right to the object first, so neither
 * answer reveals an object or its version to someone who may not act on it.
 */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** Passes when If-Match is * or names the current version; 428 without it, 412 when stale. */
    public static void check(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Problems.preconditionRequired();
        }
        if (ifMatch.trim().equals("*")) {
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
