package cn.dcjk.accountability.backtracing;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

@Path("/api/v1/backtracing")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "backtracing", description = "The back-tracing register of abuses (倒查追责, 第三十二条)")
public class BacktracingResource {

    static final String[] READERS = {Roles.AUDITOR, Roles.ADMIN, Roles.COMPLAINT_HANDLER, Roles.DISCIPLINE_OFFICER};

    @Inject
    BacktracingService register;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SERVICE, Roles.ADMIN, Roles.COMPLAINT_HANDLER, Roles.DISCIPLINE_OFFICER})
    @Idempotent
    @Operation(summary = "Register an abuse with its evidence: 201 when new, 200 with the existing record when "
            + "(source, sourceEventId) was registered before")
    public Response register(@Valid @NotNull BacktracingInputs.Entry input) {
        BacktracingService.Registered r = register.register(input);
        Response.ResponseBuilder b = r.created()
                ? Response.created(URI.create("/api/v1/backtracing/" + r.record().id)) : Response.ok();
        return b.entity(BacktracingView.of(r.record())).header("ETag", Versions.etag(r.record().version)).build();
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN, Roles.COMPLAINT_HANDLER, Roles.DISCIPLINE_OFFICER})
    @Operation(summary = "The register, newest first")
    public Page<BacktracingView> list(@QueryParam("kind") BacktracingKind kind,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return register.list(kind, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN, Roles.COMPLAINT_HANDLER, Roles.DISCIPLINE_OFFICER})
    @Operation(summary = "One record with its evidence")
    public Response get(@PathParam("id") long id) {
        BacktracingRecord r = register.get(id);
        return Response.ok(BacktracingView.of(r)).header("ETag", Versions.etag(r.version)).build();
    }

    @POST
    @Path("/{id}/conclusion")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COMPLAINT_HANDLER, Roles.DISCIPLINE_OFFICER})
    @Idempotent
    @Operation(summary = "Handlers record their findings and the outcome")
    public Response conclude(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull BacktracingInputs.Conclusion input) {
        BacktracingRecord r = register.conclude(id, input, ifMatch);
        return Response.ok(BacktracingView.of(r)).header("ETag", Versions.etag(r.version)).build();
    }
}
