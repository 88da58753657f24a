package cn.dcjk.common.request;

import cn.dcjk.common.problem.Problem;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/** Writes a problem body straight onto a Vert.x response, for refusals made before JAX-RS runs. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static boolean english(RoutingContext rc) {
        String lang = rc.request().getHeader("Accept-Language");
        return lang != null && lang.trim().toLowerCase().startsWith("en");
    }

    public static void write(RoutingContext rc, int status, String slug, String titleZh, String titleEn,
            String detailZh, String detailEn) {
        boolean en = english(rc);
        Problem p = new Problem(slug, en ? titleEn : titleZh, status, en ? detailEn : detailZh);
        write(rc, p);
    }

    public static void write(RoutingContext rc, Problem p) {
        if (rc.response().ended() || rc.response().headWritten()) {
            return;
        }
        Object id = rc.get(RequestIds.MDC_KEY);
        p.requestId = id == null ? null : id.toString();
        p.instance = rc.request().path();
        rc.response().setStatusCode(p.status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Json.encode(p));
    }
}
