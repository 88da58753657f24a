package cn.dcjk.common.data.feed;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One change of the feed: which object, what was done, when; the event's id and type when it is one. */
@Schema(name = "FeedChange", description = "One change of an object, in the feed's order")
public record Change(
        @Schema(description = "The object's type, as in the audit trail (plan, item, finding…)") String objectType,
        @Schema(description = "The object's id") String objectId,
        @Schema(description = "What was done (CREATE, UPDATE, APPROVE, TRANSFER…)") String action,
        @Schema(description = "When it was done") OffsetDateTime at,
        @Schema(description = "The id of the change; the CloudEvent id when it is delivered to a webhook") UUID eventId,
        @Schema(description = "The CloudEvents type when the change is an event of the catalogue", nullable = true)
        String eventType) {
}
