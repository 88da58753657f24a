package cn.dcjk.gateway.proxy;

import cn.dcjk.common.problem.Problem;
import cn.dcjk.common.request.ProblemResponses;
import cn.dcjk.gateway.auth.CallerIdentity;
import cn.dcjk.gateway.policy.ChannelPolicy;
import cn.dcjk.gateway.policy.Decision;
import cn.dcjk.gateway.policy.DecisionLog;
import cn.dcjk.gateway.route.RateLimiter;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Refusals made before the policy runs (a target or header that could be read two ways, a body
 * over the limit) go to the decision log like the policy's own, under REQUEST-AMBIGUOUS, with the
 * request id and the reason. An address that floods them is slowed by the rate limiter first, so
 * the log cannot be flooded.
 */
@ApplicationScoped
public class Refusals {

    @Inject
    DecisionLog log;

    private volatile RateLimiter limiter;

    void limiter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    public void ambiguous(RoutingContext rc, CallerIdentity caller, String route, int status, String zh, String en) {
        String address = rc.request().remoteAddress() == null ? "?" : rc.request().remoteAddress().hostAddress();
        long wait = limiter == null ? 0 : limiter.acquire("address:" + address);
        if (wait > 0) {
            rc.response().putHeader("Retry-After", String.valueOf(wait));
            answer(rc, 429, "rate-limited", "请求过于频繁", "Too many requests", "请于 " + wait + " 秒后重试",
                    "Retry in " + wait + " s");
            return;
        }
        boolean english = ProblemResponses.english(rc);
        log.record(Decision.of(rc, caller, route, ChannelPolicy.AMBIGUOUS, Decision.Outcome.DENY, en, null))
                .onComplete(ar -> {
                    Problem p = new Problem(status == 413 ? "payload-too-large" : status == 405 ? "method-not-allowed"
                            : "ambiguous-request", status == 413 ? (english ? "Payload too large" : "请求体过大")
                            : english ? "Ambiguous request" : "请求有歧义", status, english ? en : zh);
                    p.with("rule", ChannelPolicy.AMBIGUOUS);
                    if (ar.succeeded()) {
                        p.with("decisionId", ar.result().id());
                    }
                    closeAfter(rc);
                    ProblemResponses.write(rc, p);
                });
    }

    /** Answers a refusal; on HTTP/1.x a body that was not read closes the connection after the answer. */
    static void answer(RoutingContext rc, int status, String slug, String titleZh, String titleEn, String zh,
            String en) {
        closeAfter(rc);
        ProblemResponses.write(rc, status, slug, titleZh, titleEn, zh, en);
    }

    private static void closeAfter(RoutingContext rc) {
        if (!rc.request().isEnded() && rc.request().version() != HttpVersion.HTTP_2 && !rc.response().headWritten()) {
            rc.response().putHeader("Connection", "close");
        }
        if (!rc.request().isEnded()) {
            rc.request().resume();
        }
    }
}
