package cn.dcjk.gateway.policy;

import cn.dcjk.common.request.RequestIds;
import cn.dcjk.gateway.auth.CallerIdentity;
import io.vertx.ext.web.RoutingContext;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One decision of the gateway, allow or deny, as the decision log keeps it. */
public record Decision(String id, OffsetDateTime at, String requestId, String caller, String unitCode,
        String dispatchingUnitCode, String method, String route, String rule, Outcome outcome, String reason,
        String recipientUnitCode) {

    public enum Outcome {
        ALLOW, DENY
    }

    /** A decision about the request of {@code rc}; {@code route} is what the gateway read (canonical, or raw when unreadable). */
    public static Decision of(RoutingContext rc, CallerIdentity caller, String route, String rule, Outcome outcome,
            String reason, String recipient) {
        return of(rc, caller, route, rule, outcome, reason, recipient, null);
    }

    /**
     * As {@link #of(RoutingContext, CallerIdentity, String, String, Outcome, String, String)}; a deny of a
     * request that carries an Idempotency-Key takes its id from {@code retryKey} (the caller, the key, the
     * request's method, target and body), so a retry or a race of the same request is the same decision,
     * logged and reported for back-tracing once, and answered with the same decision id.
     */
    public static Decision of(RoutingContext rc, CallerIdentity caller, String route, String rule, Outcome outcome,
            String reason, String recipient, String retryKey) {
        Object requestId = rc.get(RequestIds.MDC_KEY);
        String id = outcome == Outcome.DENY && retryKey != null
                ? UUID.nameUUIDFromBytes(("decision\n" + rule + "\n" + retryKey)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString()
                : UUID.randomUUID().toString();
        return new Decision(id, OffsetDateTime.now(),
                requestId == null ? null : requestId.toString(), caller.name(), caller.unitCode(),
                caller.dispatchingUnitCode(), rc.request().method().name(), printable(route), rule, outcome, reason,
                recipient);
    }

    /** Anything a client sent, made safe to store and show: printable, at most 500 characters. */
    static String printable(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), 500));
        for (int i = 0; i < s.length() && b.length() < 500; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '?' : c);
        }
        return b.toString();
    }
}
