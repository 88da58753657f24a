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
        Object requestId = rc.get(RequestIds.MDC_KEY);
        return new Decision(UUID.randomUUID().toString(), OffsetDateTime.now(),
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
