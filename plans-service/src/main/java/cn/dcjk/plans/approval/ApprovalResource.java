package cn.dcjk.plans.approval;

import cn.dcjk.common.problem.Problems;
import cn.dcjk.plans.plan.GrantedException;
import cn.dcjk.plans.plan.Plan;
import cn.dcjk.plans.plan.PlanItem;
import cn.dcjk.plans.plan.PlanService;
import cn.dcjk.plans.rule.ConstructionSite;
import cn.dcjk.plans.rule.ExemptUnits;
import cn.dcjk.plans.rule.SampleAtMostThird;
import cn.dcjk.plans.unit.Unit;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public: a visited unit checks the code an inspection team quotes. */
@Path("/api/v1/approvals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "approvals", description = "Verification of approval codes (督查检查考核编号), open to anyone holding one")
public class ApprovalResource {

    @GET
    @Path("/{code}")
    @PermitAll
    @Transactional
    @Operation(summary = "Is this approval code genuine and current, and whom and when does it cover?")
    public ApprovalView verify(@PathParam("code") String code) {
        PlanItem item = code.length() > 40 ? null : PlanItem.find("approvalCode", code).firstResult();
        if (item == null) {
            throw Problems.notFound("approval code", code);
        }
        Plan plan = Plan.findById(item.planId);
        Unit organiser = Unit.findById(item.organiserUnitCode);
        ApprovalView.Status status;
        if (item.withdrawn || !item.approved || !plan.effective()) {
            status = ApprovalView.Status.REVOKED;
        } else if (plan.validUntil != null && PlanService.today().isAfter(plan.validUntil)) {
            status = plan.urgent && plan.convertedAt == null ? ApprovalView.Status.LAPSED : ApprovalView.Status.EXPIRED;
        } else {
            status = ApprovalView.Status.CURRENT;
        }
        boolean samplingGranted = GrantedException.count("itemId = ?1 and rule = ?2", item.id,
                SampleAtMostThird.RULE.name()) > 0;
        return new ApprovalView(code, true, status == ApprovalView.Status.CURRENT, status, item.id, plan.id, item.title,
                item.category.name(), item.activityWord, item.organiserUnitCode, item.coOrganiserUnitCodes, item.onSite,
                item.targetUnitCodes,
                item.targetRegionCode == null ? null : new ApprovalView.Scope(item.targetLevels, item.targetRegionCode),
                item.samplingPopulation == null ? null
                        : new ApprovalView.Sampling(item.samplingPopulation, item.samplingSize, samplingGranted),
                item.periodStart, item.periodEnd, plan.validUntil,
                organiser != null && ExemptUnits.provincialComprehensive(item, organiser),
                GrantedException.count("itemId = ?1 and rule = ?2", item.id, ConstructionSite.RULE.name()) > 0
                        ? item.constructionSiteVisits : 0);
    }
}
