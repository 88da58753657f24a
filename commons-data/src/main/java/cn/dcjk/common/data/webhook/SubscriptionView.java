package cn.dcjk.common.data.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A registered webhook, without its secret. */
@Schema(name = "WebhookSubscription")
public record SubscriptionView(UUID id, String url, List<String> eventTypes, String owner, OffsetDateTime createdAt,
        @Schema(description = "False once cancelled: nothing more is delivered") boolean active) {
}
