package cn.dcjk.common.data.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One delivery of one event to a webhook, with every attempt. */
@Schema(name = "WebhookDelivery")
public record DeliveryView(
        @Schema(description = "The delivery's id, sent as the webhook-id header") UUID id,
        @Schema(description = "The CloudEvent's id (the same for a replay)") UUID eventId,
        String eventType,
        @Schema(description = "The CloudEvent's subject: objectType/objectId") String subject,
        OffsetDateTime createdAt,
        @Schema(description = "PENDING (being retried with backoff), DELIVERED, or FAILED (refused with a 4xx; replay it)")
        State state,
        int attempts,
        @Schema(nullable = true) OffsetDateTime deliveredAt,
        @Schema(nullable = true) OffsetDateTime nextAttemptAt,
        @Schema(description = "The delivery this one replays", nullable = true) UUID replayOf,
        List<Attempt> log) {

    public enum State { PENDING, DELIVERED, FAILED }

    /** One attempt: when, the receiver's status (none when it could not be reached), the error. */
    @Schema(name = "WebhookAttempt")
    public record Attempt(int attempt, OffsetDateTime at, @Schema(nullable = true) Integer status,
            @Schema(nullable = true) String error, boolean delivered) {
    }
}
