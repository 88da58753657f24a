package cn.dcjk.common.data.webhook;

import cn.dcjk.common.problem.Problem;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/** Where a webhook may point: an absolute https URL of a public host (http and internal hosts only in development). */
public final class WebhookUrls {

    private WebhookUrls() {
    }

    /** An absolute http(s) URL; https to a public address unless insecure URLs are allowed (development). */
    public static String check(String text, boolean allowInsecure, List<Problem.FieldError> errors) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            errors.add(new Problem.FieldError("url", "not a URL"));
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            errors.add(new Problem.FieldError("url", "an absolute https URL"));
            return null;
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            errors.add(new Problem.FieldError("url", "no user information and no fragment"));
            return null;
        }
        if (!allowInsecure) {
            if (!scheme.equals("https")) {
                errors.add(new Problem.FieldError("url", "must use https"));
            } else if (internal(uri.getHost())) {
                errors.add(new Problem.FieldError("url", "must name a public host, not a loopback, private or link-local one"));
            }
        }
        return uri.toString();
    }

    public static boolean internal(String host) {
        String h = host.toLowerCase();
        if (h.equals("localhost") || h.endsWith(".localhost") || h.endsWith(".local") || h.endsWith(".internal")
                || h.endsWith(".svc") || h.contains(".svc.")) {
            return true;
        }
        boolean literal = h.startsWith("[") || h.chars().allMatch(c -> Character.isDigit(c) || c == '.');
        if (!literal) {
            return false;
        }
        try {
            InetAddress a = InetAddress.getByName(h.replace("[", "").replace("]", ""));
            return a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                    || a.isMulticastAddress() || (a.getAddress().length == 16 && (a.getAddress()[0] & 0xfe) == 0xfc);
        } catch (java.net.UnknownHostException e) {
            return true;
        }
    }
}
