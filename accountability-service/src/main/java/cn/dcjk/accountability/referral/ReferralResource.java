package cn.dcjk.accountability.referral;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import cn.dcjk.common.api.Page;
import cn.dcjk.common.data.idempotency.Idempotent;
import cn.dcjk.common.data.version.Versions;
import cn.dcjk.common.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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

@Path("/api/v1/accountability/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "referrals", description = "Referrals of inspection teams to their dispatching unit (问题线索移送, 第二十五、二十七条)")
public class ReferralResource {

    @Inject
    ReferralService referrals;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INSPECTION_TEAM)
    @Idempotent
    @Operation(summary = "A team refers a problem clue or accountability suggestion to its own dispatching unit; "
            + "any other recipient, a demand or a request to start accountability is refused (422, article 27)")
    @APIResponseSchema(value = ReferralView.class, responseCode = "201")
    public Response create(@Valid @NotNull ReferralInput input) {
        Referral r = referrals.create(input);
        return Response.created(URI.create("/api/v1/accountability/referrals/" + r.id))
                .entity(ReferralView.of(r, true)).header("ETag", Versions.etag(r.version)).build();
    }

    @POST
    @Path("/checks")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INSPECTION_TEAM)
    @Operation(summary = "Dry run: the same evaluation as POST, nothing written; 422 when refused, else the warnings")
    @Extension(name = "x-dcjk-dry-run", value = "true")
    public ReferralCheck check(@Valid @NotNull ReferralInput input) {
        return new ReferralCheck(true, referrals.evaluate(input).warnings());
    }

    /** The dry run's answer. */
    public record ReferralCheck(boolean allowed, java.util.List<cn.dcjk.common.rule.Finding> findings) {
    }

    @GET
    @Authenticated
    @Operation(summary = "Referrals the caller's team, unit or jurisdiction may see, newest first")
    public Page<ReferralView> list(@QueryParam("status") ReferralStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return referrals.list(status, page, size);
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "One referral; subjects' personal data only for those handling it")
    @APIResponseSchema(value = ReferralView.class, responseCode = "200")
    public Response get(@PathParam("id") long id) {
        Referral r = referrals.get(id);
        return Response.ok(ReferralView.of(r, referrals.handling(r))).header("ETag", Versions.etag(r.version)).build();
    }

    @POST
    @Path("/{id}/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICE_REVIEWER, Roles.COMMITTEE_APPROVER})
    @Idempotent
    @Operation(summary = "The dispatching unit transfers the referral, with its legal basis, to the discipline "
            + "commission or organisation department competent for the cadres")
    @APIResponseSchema(value = ReferralView.class, responseCode = "200")
    public Response transfer(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull TransferInput input) {
        Referral r = referrals.transfer(id, input, ifMatch);
        return Response.ok(ReferralView.of(r, true)).header("ETag", Versions.etag(r.version)).build();
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICE_REVIEWER, Roles.COMMITTEE_APPROVER})
    @Idempotent
    @Operation(summary = "The dispatching unit closes the referral with reasons, without transfer")
    @APIResponseSchema(value = ReferralView.class, responseCode = "200")
    public Response close(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CloseInput input) {
        Referral r = referrals.close(id, input, ifMatch);
        return Response.ok(ReferralView.of(r, true)).header("ETag", Versions.etag(r.version)).build();
    }
}
