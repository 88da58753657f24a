package cn.dcjk.plans.feed;

import cn.dcjk.common.data.webhook.WebhookResource;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Webhooks for the events of plans-service: plans and units. */
@Path("/api/v1/webhooks/plans")
@Tag(name = "webhooks", description = "Webhook subscriptions: CloudEvents signed with HMAC-SHA256, delivery log, replay")
public class PlanWebhooks extends WebhookResource {
}
