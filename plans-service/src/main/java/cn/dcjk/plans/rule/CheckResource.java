package cn.dcjk.plans.rule;

import cn.dcjk.common.problem.Problems;
import cn.dcjk.plans.plan.ItemInput;
import cn.dcjk.plans.plan.PlanChecks;
import cn.dcjk.plans.plan.PlanType;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The rulebook as a dry run for frontends: nothing is written. */
@Path("/api/v1/plans/checks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "plans")
@Authenticated
public class CheckResource {

    @Inject
    PlanChecks plans;

    /**
     * Either a stored plan ({@code planId}, optionally at {@code stage} SUBMISSION or APPROVAL), or one
     * item as it would be written ({@code item}), alone in an imagined plan of the caller's unit or
     * added to the stored plan {@code planId}.
     */
    public record CheckRequest(Long planId, Stage stage, PlanType planType, Integer year, @Valid ItemInput item) {
    }

    @POST
    @Operation(summary = "Evaluate a plan or an item against the rulebook without writing anything")
    public PlanRulebook.PlanVerdict check(@Valid @NotNull CheckRequest request) {
        if (request.item() != null) {
            return plans.checkItem(request.planId(), request.planType(), request.year(), request.item());
        }
        if (request.planId() == null) {
            throw Problems.invalid("planId", "give planId, item, or both");
        }
        return plans.check(request.planId(), request.stage() == null ? Stage.SUBMISSION : request.stage());
    }
}
