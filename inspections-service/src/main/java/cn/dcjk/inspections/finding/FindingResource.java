package cn.dcjk.inspections.finding;

import cn.dcjk.common.api.Page;
import cn.dcjk.common.csv.CsvResponses;
import cn.dcjk.common.data.idempotency.Idempotent;
import cn.dcjk.common.data.version.Versions;
import cn.dcjk.common.security.Roles;
import cn.dcjk.inspections.rules.ProblemLedger;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/findings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "findings", description = "Findings and the rectification ledger (问题整改台账)")
@Authenticated
public class FindingResource {

    @Inject
    FindingLedger ledger;

    @GET
    @Operation(summary = "Findings the caller may see, filtered by target unit, inspection, status and deadline light, in "
            + "deadline order; deep pages by cursor: after=<deadline>_<id> of the last line seen (page is then ignored)")
    public Page<FindingView> list(@QueryParam("unit") String unit, @QueryParam("inspection") Long inspection,
            @QueryParam("status") FindingStatus status, @QueryParam("light") ProblemLedger.Light light,
            @QueryParam("after") String after,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return ledger.list(new FindingLedger.Filter(unit, inspection, status, light),
                after == null ? null : FindingLedger.Cursor.parse(after), page, size);
    }

    static final List<String> LEDGER = List.of("id", "inspectionId", "targetUnitCode", "problem", "responsibleSide",
            "owner", "deadline", "status", "light", "fedBackAt", "rectifications", "lastVerification");

    @GET
    @Path("/ledger")
    @Produces("text/csv")
    @Operation(summary = "The ledger (台账) as CSV (UTF-8 with BOM, streamed), with the same filters")
    public Response csv(@QueryParam("unit") String unit, @QueryParam("inspection") Long inspection,
            @QueryParam("status") FindingStatus status, @QueryParam("light") ProblemLedger.Light light) {
        FindingLedger.Filter filter = new FindingLedger.Filter(unit, inspection, status, light);
        return CsvResponses.attachment("findings-ledger.csv", LEDGER, csv -> ledger.each(filter, f -> csv.row(
                f.id(), f.inspectionId(), f.targetUnitCode(), f.problem(), f.responsibleSide(), f.owner(), f.deadline(),
                f.status(), f.light(), f.fedBackAt(), f.rectifications().size(),
                f.verifications().isEmpty() ? null : f.verifications().get(f.verifications().size() - 1).outcome())));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One finding; its target unit sees it once fed back")
    public Response get(@PathParam("id") long id) {
        FindingView f = ledger.get(id);
        return Response.ok(f).header("ETag", Versions.etag(f.version())).build();
    }

    @POST
    @Path("/{id}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INSPECTION_TEAM, Roles.OFFICE_REVIEWER})
    @Idempotent
    @Operation(summary = "Feed the finding back to the inspected unit (反馈)")
    public Response feedback(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull FindingInputs.Feedback in) {
        return answer(ledger.feedback(id, ifMatch, in));
    }

    @POST
    @Path("/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INSPECTED_UNIT)
    @Idempotent
    @Operation(summary = "The inspected unit answers the finding")
    public Response answerFinding(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull FindingInputs.Answer in) {
        return answer(ledger.answer(id, ifMatch, in));
    }

    @POST
    @Path("/{id}/rectifications")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INSPECTED_UNIT)
    @Idempotent
    @Operation(summary = "The inspected unit reports its rectification with evidence (整改报告)")
    public Response rectify(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull FindingInputs.Rectification in) {
        return answer(ledger.rectify(id, ifMatch, in));
    }

    @POST
    @Path("/{id}/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INSPECTION_TEAM, Roles.OFFICE_REVIEWER})
    @Idempotent
    @Operation(summary = "The inspecting side verifies: CLOSE (销号) or SEND_BACK")
    public Response verify(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull FindingInputs.Verification in) {
        return answer(ledger.verify(id, ifMatch, in));
    }

    private Response answer(InspectionFinding f) {
        return Response.ok(ledger.view(f)).header("ETag", Versions.etag(f.version)).build();
    }
}
