package cn.dcjk.inspections.assessment;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import cn.dcjk.common.api.Page;
import cn.dcjk.common.data.idempotency.Idempotent;
import cn.dcjk.common.data.version.Versions;
import cn.dcjk.common.rule.Verdict;
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
import java.util.Map;

@Path("/api/v1/assessment-schemes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "assessment-schemes", description = "Assessment schemes (考核方案): results, not traces; no accountability quotas")
@Authenticated
public class AssessmentResource {

    @Inject
    AssessmentService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PLANNER, Roles.OFFICE_REVIEWER, Roles.ADMIN})
    @Idempotent
    @Operation(summary = "Create a scheme for the caller's unit; refused with 422 by RESULTS-NOT-TRACES or NO-ACCOUNTABILITY-QUOTA")
    @APIResponseSchema(value = AssessmentService.SchemeView.class, responseCode = "201")
    public Response create(@Valid @NotNull AssessmentInputs.Scheme in) {
        AssessmentScheme s = service.create(in);
        return Response.created(URI.create("/api/v1/assessment-schemes/" + s.id))
                .entity(AssessmentService.SchemeView.of(s)).header("ETag", Versions.etag(s.version)).build();
    }

    @POST
    @Path("/checks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dry run: the verdict a scheme would get, nothing written")
    @Extension(name = "x-dcjk-dry-run", value = "true")
    public Map<String, Object> check(@Valid @NotNull AssessmentInputs.Scheme in) {
        Verdict v = service.check(in);
        return Map.of("allows", v.allows(), "findings", v.findings());
    }

    @GET
    @Operation(summary = "Schemes of the caller's unit (all, for auditors)")
    public Page<AssessmentService.SchemeView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return service.list(page, size);
    }

    @GET
    @Path("/{id}")
    @APIResponseSchema(value = AssessmentService.SchemeView.class, responseCode = "200")
    public Response get(@PathParam("id") long id) {
        AssessmentScheme s = service.get(id);
        return Response.ok(AssessmentService.SchemeView.of(s)).header("ETag", Versions.etag(s.version)).build();
    }

    @POST
    @Path("/{id}/scores")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PLANNER, Roles.OFFICE_REVIEWER, Roles.INSPECTION_TEAM, Roles.ADMIN})
    @Idempotent
    @Operation(summary = "Record a target's scores against the scheme (weighted total)")
    @APIResponseSchema(value = AssessmentService.ScoreView.class, responseCode = "201")
    public Response score(@PathParam("id") long id, @Valid @NotNull AssessmentInputs.Scores in) {
        AssessmentScore s = service.score(id, in);
        return Response.status(201).entity(AssessmentService.ScoreView.of(s)).build();
    }

    @GET
    @Path("/{id}/scores")
    public List<AssessmentService.ScoreView> scores(@PathParam("id") long id) {
        return service.scores(id);
    }
}
