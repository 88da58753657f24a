package cn.dcjk.common.data.webhook;

import cn.dcjk.common.data.idempotency.Idempotent;
import cn.dcjk.common.security.Roles;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The webhook API of a service (subclassed with the service's path, {@code /api/v1/webhooks/<service>}):
 * integrators register a URL for event types of the service's catalogue, receive CloudEvents 1.0
 * JSON signed with HMAC-SHA256, and read and replay their deliveries. The operation ids are the same
 * in each service's document; the suite's merged document tells them apart by service.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.INTEGRATOR, Roles.ADMIN})
public abstract class WebhookResource {

    @Inject
    Subscriptions subscriptions;
    @Inject
    HttpServerRequest request;

    @GET
    @Path("/event-types")
    @Operation(operationId = "webhookEventTypes", summary = "The event types of this service one may subscribe to, with their meaning")
    public Map<String, String> eventTypes() {
        return subscriptions.eventTypes();
    }

    @POST
    @Path("/subscriptions")
    @Idempotent
    @Operation(operationId = "createWebhookSubscription", summary = "Register a webhook: URL, event types, secret (integrator)")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    public Response subscribe(@Valid @NotNull SubscriptionInput input) {
        SubscriptionView v = subscriptions.create(input);
        return Response.created(URI.create(request.path() + "/" + v.id())).entity(v).build();
    }

    @GET
    @Path("/subscriptions")
    @Operation(operationId = "listWebhookSubscriptions", summary = "The caller's webhooks (an admin sees all)")
    public List<SubscriptionView> subscriptions() {
        return subscriptions.list();
    }

    @GET
    @Path("/subscriptions/{id}")
    @Operation(operationId = "getWebhookSubscription", summary = "One of the caller's webhooks")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "404", description = "No such webhook of the caller")
    public SubscriptionView subscription(@PathParam("id") UUID id) {
        return subscriptions.get(id);
    }

    @DELETE
    @Path("/subscriptions/{id}")
    @Operation(operationId = "cancelWebhookSubscription", summary = "Cancel a webhook: nothing more is sent, pending deliveries are set aside")
    @APIResponse(responseCode = "204", description = "Cancelled")
    @APIResponse(responseCode = "404", description = "No such webhook of the caller")
    public Response cancel(@PathParam("id") UUID id) {
        subscriptions.cancel(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/subscriptions/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log of a webhook, newest first, with every attempt")
    public List<DeliveryView> deliveries(@PathParam("id") UUID id,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return subscriptions.deliveries(id, limit);
    }

    @POST
    @Path("/subscriptions/{id}/deliveries/{deliveryId}/replay")
    @Idempotent
    @Operation(operationId = "replayWebhookDelivery", summary = "Send a delivered or failed event again (same CloudEvent id, new delivery)")
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", description = "No such webhook or delivery of the caller")
    @APIResponse(responseCode = "409", description = "The webhook was cancelled")
    public Response replay(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return Response.accepted(subscriptions.replay(id, deliveryId)).build();
    }
}
