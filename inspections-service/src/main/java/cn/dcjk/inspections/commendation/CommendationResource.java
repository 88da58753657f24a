package cn.dcjk.inspections.commendation;

import cn.dcjk.common.api.Page;
import cn.dcjk.common.data.idempotency.Idempotent;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

@Path("/api/v1/commendations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "commendations", description = "Commendations in the provincial comprehensive inspection (表扬免督查)")
@Authenticated
public class CommendationResource {

    @Inject
    CommendationService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICE_REVIEWER, Roles.ADMIN})
    @Idempotent
    @Operation(summary = "Commend a target; registers next year's exemption in plans-service")
    @APIResponseSchema(value = CommendationService.View.class, responseCode = "201")
    public Response commend(@Valid @NotNull CommendationService.Input in) {
        Commendation c = service.commend(in);
        return Response.created(URI.create("/api/v1/commendations/" + c.id))
                .entity(CommendationService.View.of(c)).build();
    }

    @GET
    @Operation(summary = "Commendations the caller may see")
    public Page<CommendationService.View> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return service.list(page, size);
    }
}
