package cn.dcjk.common.data.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A webhook to register: where to POST, which event types, and the secret the deliveries are signed with. */
@Schema(name = "WebhookSubscriptionInput")
public record SubscriptionInput(
        @Schema(description = "Absolute https URL the CloudEvents are POSTed to", example = "https://sync.example.gov.cn/dcjk/events")
        @NotBlank @Size(max = 2000) String url,
        @Schema(description = "Event types of this service's catalogue (GET …/event-types)", example = "[\"cn.dcjk.plan.approved\"]")
        @NotNull @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 120) String> eventTypes,
        @Schema(description = "Shared secret for the HMAC-SHA256 signature (16 to 200 characters); never shown again")
        @NotNull @Size(min = 16, max = 200) String secret) {
}
