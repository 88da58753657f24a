package cn.dcjk.gateway.proxy;

import cn.dcjk.common.request.CanonicalTarget;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;

import java.util.List;

/**
 * The route template an HTTP metric is labelled with: the first three segments as they are
 * ({@code /api/v1/units}), every later segment that holds a digit as {@code {id}}. One series per
 * route, not per object.
 */
final class Templates {

    private static final String KEY = "UrlPathTemplate";

    private Templates() {
    }

    static String of(CanonicalTarget target) {
        List<String> segments = target.segments();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < segments.size() && i < 8; i++) {
            String s = segments.get(i);
            b.append('/').append(i >= 3 && (hasDigit(s) || s.length() > 40) ? "{id}" : s);
        }
        return b.isEmpty() ? "/" : b.toString();
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("deprecation")
    static void label(HttpServerRequest req, CanonicalTarget target) {
        if (req instanceof HttpServerRequestInternal internal) {
            internal.context().putLocal(KEY, of(target));
        }
    }
}
