package cn.dcjk.accountability.complaint;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import cn.dcjk.common.api.Page;
import cn.dcjk.common.data.idempotency.Idempotent;
import cn.dcjk.common.data.version.Versions;
import cn.dcjk.common.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

@Path("/api/v1/complaints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "complaints", description = "Complaint letters: intake, verification, outcome (告状信、检举信, 第三十一条)")
public class ComplaintResource {

    @Inject
    ComplaintService complaints;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Idempotent
    @Operation(summary = "Submit a letter: public (anonymous allowed; answered with a receipt code to follow it up "
            + "without an account) or registered by a complaint handler for their unit")
    @APIResponse(responseCode = "201", description = "Received: the letter for a handler's registration, the receipt for a public one", content = @Content(schema = @Schema(oneOf = {ComplaintViews.Letter.class, ComplaintViews.Receipt.class})))
    public Response intake(@Valid @NotNull ComplaintInputs.Intake input) {
        ComplaintLetter l = complaints.intake(input);
        if (l.channel == ComplaintLetter.Channel.HANDLER) {
            return Response.created(URI.create("/api/v1/complaints/" + l.id)).entity(complaints.view(l))
                    .header("ETag", Versions.etag(l.version)).build();
        }
        return Response.created(URI.create("/api/v1/complaints/receipts/" + l.receiptCode))
                .entity(ComplaintViews.Receipt.of(l)).build();
    }

    @GET
    @Path("/receipts/{receipt}")
    @PermitAll
    @Operation(summary = "Follow a letter up with its receipt code (no account needed): progress, never names")
    public ComplaintViews.Receipt receipt(
            @PathParam("receipt") @Pattern(regexp = "[A-Z0-9-]{4,40}", message = "a receipt code") String receipt) {
        return ComplaintViews.Receipt.of(complaints.byReceipt(receipt));
    }

    @GET
    @RolesAllowed({Roles.COMPLAINT_HANDLER, Roles.DISCIPLINE_OFFICER})
    @Operation(summary = "Letters of your unit (handlers) or handed to your body (discipline officers), oldest first")
    public Page<ComplaintViews.Letter> list(@QueryParam("status") ComplaintStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return complaints.list(status, false, page, size);
    }

    @GET
    @Path("/overdue")
    @RolesAllowed({Roles.COMPLAINT_HANDLER, Roles.DISCIPLINE_OFFICER})
    @Operation(summary = "Letters still open more than the limit (default 90) days after receipt (COMPLAINT-OUTCOME)")
    public Page<ComplaintViews.Letter> overdue(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return complaints.list(null, true, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COMPLAINT_HANDLER, Roles.DISCIPLINE_OFFICER})
    @Operation(summary = "One letter; the accuser's identity only for complaint handlers")
    @APIResponseSchema(value = ComplaintViews.Letter.class, responseCode = "200")
    public Response get(@PathParam("id") long id) {
        ComplaintLetter l = complaints.get(id);
        return Response.ok(complaints.view(l)).header("ETag", Versions.etag(l.version)).build();
    }

    @POST
    @Path("/{id}/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COMPLAINT_HANDLER)
    @Idempotent
    @Operation(summary = "RECEIVED → VERIFYING")
    @APIResponseSchema(value = ComplaintViews.Letter.class, responseCode = "200")
    public Response verify(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ComplaintInputs.Verification input) {
        ComplaintLetter l = complaints.startVerification(id, input, ifMatch);
        return Response.ok(complaints.view(l)).header("ETag", Versions.etag(l.version)).build();
    }

    @POST
    @Path("/{id}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COMPLAINT_HANDLER)
    @Idempotent
    @Operation(summary = "VERIFYING → SUBSTANTIATED (handed to the competent body) | UNFOUNDED (rehabilitation "
            + "notice) | FALSE_ACCUSATION (pursuit of a known accuser)")
    @APIResponseSchema(value = ComplaintViews.Letter.class, responseCode = "200")
    public Response conclude(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ComplaintInputs.Conclusion input) {
        ComplaintLetter l = complaints.conclude(id, input, ifMatch);
        return Response.ok(complaints.view(l)).header("ETag", Versions.etag(l.version)).build();
    }

    @GET
    @Path("/{id}/pursuit")
    @RolesAllowed(Roles.COMPLAINT_HANDLER)
    @Operation(summary = "The record for pursuing a false accuser (诬告陷害追责)")
    public ComplaintViews.Pursuit pursuit(@PathParam("id") long id) {
        return complaints.pursuit(id);
    }
}
