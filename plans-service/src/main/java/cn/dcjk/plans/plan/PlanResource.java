package cn.dcjk.plans.plan;

import cn.dcjk.common.api.Page;
import cn.dcjk.common.data.idempotency.Idempotent;
import cn.dcjk.common.data.version.Versions;
import cn.dcjk.common.security.Caller;
import cn.dcjk.common.security.Roles;
import cn.dcjk.plans.rule.PlanRulebook;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "plans", description = "Annual plans, one-matter-one-report requests and their approval workflow")
@Authenticated
public class PlanResource {

    @Inject
    PlanService plans;
    @Inject
    PlanWorkflow workflow;
    @Inject
    Caller caller;

    @GET
    @Transactional
    @Operation(summary = "Plans the caller may see, filtered by status, year and organiser")
    public Page<PlanView> list(@QueryParam("status") PlanStatus status, @QueryParam("year") Integer year,
            @QueryParam("organiser") String organiser,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (status != null) {
            q.append(" and status = :status");
            p.and("status", status);
        }
        if (year != null) {
            q.append(" and year = :year");
            p.and("year", year);
        }
        if (organiser != null) {
            q.append(" and organiserUnitCode = :organiser");
            p.and("organiser", organiser);
        }
        if (!caller.hasAny(Roles.AUDITOR, Roles.ADMIN)) {
            String unit = caller.unitCode();
            // own plans, plans to review or approve, and (for committees, governments and offices) the region's
            q.append(" and (organiserUnitCode = :unit or reviewingOfficeCode = :unit or submittingOfficeCode = :unit"
                    + " or approvingBodyCode = :unit"
                    + " or organiserUnitCode in (select u.code from Unit u where u.regionCode like :region"
                    + " and u.regionCode <> :own and :leading = true))");
            cn.dcjk.plans.unit.Unit mine = cn.dcjk.plans.unit.Unit.findById(unit);
            p.and("unit", unit).and("region", mine == null ? "-" : mine.region().prefix() + "%")
                    .and("own", mine == null ? "-" : mine.regionCode)
                    .and("leading", mine != null && PlanService.leading(mine.kind));
        }
        var query = Plan.find(q.toString(), Sort.by("id").descending(), p);
        List<PlanView> items = query.page(page, size).<Plan>list().stream().map(pl -> plans.view(pl)).toList();
        return new Page<>(items, page, size, query.count());
    }

    @POST
    @Idempotent
    @Operation(summary = "Create an annual plan or a one-matter request of the caller's unit (planner)")
    public Response create(@Valid @NotNull PlanInput input) {
        Plan plan = plans.create(input);
        return Response.created(URI.create("/api/v1/plans/" + plan.id)).entity(plans.view(plan))
                .header("ETag", Versions.etag(plan.version)).build();
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "A plan with its items, approval codes and granted exceptions")
    public Response get(@PathParam("id") long id) {
        Plan plan = plans.read(id);
        return Response.ok(plans.view(plan)).header("ETag", Versions.etag(plan.version)).build();
    }

    @PUT
    @Path("/{id}")
    @Idempotent
    @Operation(summary = "Change a draft plan's title, year or late-submission justification")
    public Response update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PlanInput input) {
        Plan plan = plans.update(id, input, ifMatch);
        return Response.ok(plans.view(plan)).header("ETag", Versions.etag(plan.version)).build();
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Every workflow step: actor, unit, time, comment and the rulebook's findings")
    public List<PlanTransition> history(@PathParam("id") long id) {
        return plans.history(id);
    }

    @GET
    @Path("/{id}/items")
    @Transactional
    @Operation(summary = "The plan's items")
    public List<ItemView> items(@PathParam("id") long id) {
        return plans.view(plans.read(id)).items();
    }

    @POST
    @Path("/{id}/items")
    @Idempotent
    @Operation(summary = "Add an item to a draft plan (planner of the organiser)")
    public Response addItem(@PathParam("id") long id, @Valid @NotNull ItemInput input) {
        PlanItem item = plans.addItem(id, input);
        return Response.created(URI.create("/api/v1/plans/" + id + "/items/" + item.id))
                .entity(ItemView.of(item, List.of())).header("ETag", Versions.etag(item.version)).build();
    }

    @GET
    @Path("/{id}/items/{itemId}")
    @Transactional
    @Operation(summary = "One item")
    public Response item(@PathParam("id") long id, @PathParam("itemId") long itemId) {
        Plan plan = plans.read(id);
        PlanItem item = plans.item(plan, itemId);
        return Response.ok(ItemView.of(item, GrantedException.list("itemId", itemId)))
                .header("ETag", Versions.etag(item.version)).build();
    }

    @PUT
    @Path("/{id}/items/{itemId}")
    @Idempotent
    @Operation(summary = "Change an item; an approved item changed in substance returns the plan to review")
    public Response updateItem(@PathParam("id") long id, @PathParam("itemId") long itemId,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull ItemInput input) {
        PlanItem item = plans.updateItem(id, itemId, input, ifMatch);
        return Response.ok(ItemView.of(item, List.of())).header("ETag", Versions.etag(item.version)).build();
    }

    @DELETE
    @Path("/{id}/items/{itemId}")
    @Idempotent
    @Operation(summary = "Remove an item from a draft plan")
    public Response deleteItem(@PathParam("id") long id, @PathParam("itemId") long itemId,
            @HeaderParam("If-Match") String ifMatch) {
        plans.deleteItem(id, itemId, ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/submit")
    @Idempotent
    @Operation(summary = "Submit to the office (planner); the rulebook runs and refuses with 422 and its findings")
    public Response submit(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, @Valid ActionInput in) {
        PlanRulebook.PlanVerdict verdict = workflow.submit(id, in, ifMatch);
        return step(id, verdict);
    }

    @POST
    @Path("/{id}/review")
    @Idempotent
    @Operation(summary = "The reviewing office reviews: the party office for party units (its review also forwards "
            + "to the party committee), the government office for government units (office-reviewer)")
    public Response review(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, @Valid ActionInput in) {
        workflow.review(id, in, ifMatch);
        return step(id, null);
    }

    @POST
    @Path("/{id}/forward")
    @Idempotent
    @Operation(summary = "The party office submits a reviewed plan to the party committee of its level (office-reviewer "
            + "of the party office; article 5: 由党委办公室统一报本级党委审批)")
    public Response forward(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, @Valid ActionInput in) {
        workflow.forward(id, in, ifMatch);
        return step(id, null);
    }

    @POST
    @Path("/{id}/approve")
    @Idempotent
    @Operation(summary = "The party committee of the level approves what its party office forwarded (committee-approver), "
            + "granting exceptions explicitly")
    public Response approve(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, @Valid ActionInput in) {
        PlanRulebook.PlanVerdict verdict = workflow.approve(id, in, ifMatch);
        return step(id, verdict);
    }

    @POST
    @Path("/{id}/request-changes")
    @Idempotent
    @Operation(summary = "Send back for changes (office or committee), with a comment")
    public Response requestChanges(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
            @Valid ActionInput in) {
        workflow.requestChanges(id, in, ifMatch);
        return step(id, null);
    }

    @POST
    @Path("/{id}/reject")
    @Idempotent
    @Operation(summary = "Reject (committee-approver), with the reason")
    public Response reject(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, @Valid ActionInput in) {
        workflow.reject(id, in, ifMatch);
        return step(id, null);
    }

    @POST
    @Path("/{id}/issue")
    @Idempotent
    @Operation(summary = "The party office issues the approved plan (office-reviewer of the party office)")
    public Response issue(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, @Valid ActionInput in) {
        workflow.issue(id, in, ifMatch);
        return step(id, null);
    }

    @POST
    @Path("/{id}/convert")
    @Idempotent
    @Operation(summary = "Convert an urgent approval into the regular plan, so it does not lapse (committee-approver)")
    public Response convert(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, @Valid ActionInput in) {
        workflow.convert(id, in, ifMatch);
        return step(id, null);
    }

    /** The plan after a step, with the verdict's findings (warnings included) when the rulebook ran. */
    private Response step(long id, PlanRulebook.PlanVerdict verdict) {
        Plan plan = plans.readFresh(id);
        PlanView view = plans.view(plan);
        Object body = verdict == null ? view : new StepResult(view, verdict.findings());
        return Response.ok(body).header("ETag", Versions.etag(plan.version)).build();
    }

    /** A plan after a step, with the rulebook's findings. */
    public record StepResult(PlanView plan, List<cn.dcjk.common.rule.Finding> findings) {
    }
}
