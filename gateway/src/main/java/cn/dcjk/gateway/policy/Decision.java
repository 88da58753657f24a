package cn.dcjk.gateway.policy;

import java.time.OffsetDateTime;

/** One decision of the channel policy, allow or deny, as the decision log keeps it. */
public record Decision(String id, OffsetDateTime at, String requestId, String caller, String unitCode,
        String dispatchingUnitCode, String method, String route, String rule, Outcome outcome, String reason,
        String recipientUnitCode) {

    public enum Outcome {
        ALLOW, DENY
    }
}
