package cn.dcjk.accountability.feed;

import cn.dcjk.common.data.webhook.WebhookResource;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Webhooks for the events of accountability-service: referrals, cases, complaints, back-tracing. */
@Path("/api/v1/webhooks/accountability")
@Tag(name = "webhooks", description = "Webhook subscriptions: CloudEvents signed with HMAC-SHA256, delivery log, replay")
public class AccountabilityWebhooks extends WebhookResource {
}
