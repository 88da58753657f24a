package cn.dcjk.inspections.feed;

import cn.dcjk.common.data.webhook.WebhookResource;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Webhooks for the events of inspections-service: inspections and findings. */
@Path("/api/v1/webhooks/inspections")
@Tag(name = "webhooks", description = "Webhook subscriptions: CloudEvents signed with HMAC-SHA256, delivery log, replay")
public class InspectionWebhooks extends WebhookResource {
}
