package cn.dcjk.accountability.casework;

import cn.dcjk.common.api.Page;
import cn.dcjk.common.data.idempotency.Idempotent;
import cn.dcjk.common.data.version.Versions;
import cn.dcjk.common.security.Roles;
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
import java.util.List;

@Path("/api/v1/accountability/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "cases", description = "Accountability cases of the competent body, step by step (问责程序, 第二十五条)")
public class CaseResource {

    static final String HANDLER = Roles.DISCIPLINE_OFFICER;

    @Inject
    CaseService cases;

    @POST
    @RolesAllowed(HANDLER)
    @Idempotent
    @Operation(summary = "Open a case (立案): from a referral transferred to your body, a substantiated letter, "
            + "or on your own initiative")
    @APIResponseSchema(value = CaseView.class, responseCode = "201")
    public Response open(@Valid @NotNull CaseInputs.Open input) {
        AccountabilityCase c = cases.open(input);
        return Response.created(URI.create("/api/v1/accountability/cases/" + c.id)).entity(cases.view(c))
                .header("ETag", Versions.etag(c.version)).build();
    }

    @GET
    @RolesAllowed({HANDLER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "Cases of your body, or of your jurisdiction for auditors; newest first")
    public Page<CaseView> list(@QueryParam("status") CaseStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return cases.list(status, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({HANDLER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "One case with its complete history")
    @APIResponseSchema(value = CaseView.class, responseCode = "200")
    public Response get(@PathParam("id") long id) {
        AccountabilityCase c = cases.get(id);
        return ok(c);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({HANDLER, Roles.AUDITOR, Roles.ADMIN})
    @Operation(summary = "The case's steps: which, who, unit, when, with what")
    public List<CaseView.Step> history(@PathParam("id") long id) {
        return cases.view(cases.get(id)).history();
    }

    @POST
    @Path("/{id}/investigation")
    @RolesAllowed(HANDLER)
    @Idempotent
    @Operation(summary = "OPENED → INVESTIGATING, with the evidence")
    @APIResponseSchema(value = CaseView.class, responseCode = "200")
    public Response investigate(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseInputs.Investigation input) {
        return ok(cases.investigate(id, input, ifMatch));
    }

    @POST
    @Path("/{id}/hearing")
    @RolesAllowed(HANDLER)
    @Idempotent
    @Operation(summary = "INVESTIGATING → HEARD, with the subject's statement (陈述申辩)")
    @APIResponseSchema(value = CaseView.class, responseCode = "200")
    public Response hear(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseInputs.Hearing input) {
        return ok(cases.hear(id, input, ifMatch));
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed(HANDLER)
    @Idempotent
    @Operation(summary = "HEARD → DECIDED: outcome, legal basis, approving authority")
    @APIResponseSchema(value = CaseView.class, responseCode = "200")
    public Response decide(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseInputs.Decision input) {
        return ok(cases.decide(id, input, ifMatch));
    }

    @POST
    @Path("/{id}/notification")
    @RolesAllowed(HANDLER)
    @Idempotent
    @Operation(summary = "DECIDED → NOTIFIED: the date and to whom")
    @APIResponseSchema(value = CaseView.class, responseCode = "200")
    public Response notify(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseInputs.Notification input) {
        return ok(cases.notify(id, input, ifMatch));
    }

    @POST
    @Path("/{id}/closure")
    @RolesAllowed(HANDLER)
    @Idempotent
    @Operation(summary = "NOTIFIED → CLOSED")
    @APIResponseSchema(value = CaseView.class, responseCode = "200")
    public Response close(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseInputs.Closure input) {
        return ok(cases.close(id, input, ifMatch));
    }

    @POST
    @Path("/{id}/appeal")
    @RolesAllowed(HANDLER)
    @Idempotent
    @Operation(summary = "NOTIFIED or CLOSED → APPEALED, within the appeal period after notification")
    @APIResponseSchema(value = CaseView.class, responseCode = "200")
    public Response appeal(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseInputs.Appeal input) {
        return ok(cases.appeal(id, input, ifMatch));
    }

    @POST
    @Path("/{id}/review")
    @RolesAllowed(HANDLER)
    @Idempotent
    @Operation(summary = "APPEALED → REVIEWED: upheld, changed or revoked")
    @APIResponseSchema(value = CaseView.class, responseCode = "200")
    public Response review(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CaseInputs.Review input) {
        return ok(cases.review(id, input, ifMatch));
    }

    private Response ok(AccountabilityCase c) {
        return Response.ok(cases.view(c)).header("ETag", Versions.etag(c.version)).build();
    }
}
