package cn.dcjk.plans.plan;

import cn.dcjk.common.data.audit.AuditTrail;
import cn.dcjk.common.data.version.Versions;
import cn.dcjk.common.problem.Problems;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.RuleRefusedException;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.common.security.Caller;
import cn.dcjk.common.security.Roles;
import cn.dcjk.plans.rule.AnnualPlanRequired;
import cn.dcjk.plans.rule.ItemCandidates;
import cn.dcjk.plans.unit.Unit;
import cn.dcjk.plans.unit.UnitKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Plans and their items as the organiser drafts them, and who may read them. The workflow steps
 * after drafting are {@link PlanWorkflow}; dry runs are {@link PlanChecks}; what the steps share
 * (locks, actors, the history) is {@link PlanSteps}.
 */
@ApplicationScoped
public class PlanService {

    public static final String AUDIT_PLAN = PlanSteps.AUDIT_PLAN;
    public static final String AUDIT_ITEM = "item";

    @Inject
    Caller caller;
    @Inject
    AuditTrail audit;
    @Inject
    PlanSteps steps;
    @Inject
    ItemWriter writer;
    @Inject
    ItemCandidates candidates;

    public static LocalDate today() {
        return PlanSteps.today();
    }

    // ---- reading -------------------------------------------------------------------------------

    @Transactional
    public Plan read(long id) {
        Plan plan = Plan.findById(id);
        if (plan == null || !mayRead(plan)) {
            throw Problems.notFound("plan", id);
        }
        return plan;
    }

    /** The plan as now committed (after a step), for the answer. */
    @Transactional
    public Plan readFresh(long id) {
        Plan.flush();
        return read(id);
    }

    /** Own unit, the reviewing and submitting offices, the approving body, units whose region holds the organiser's, auditors. */
    public boolean mayRead(Plan plan) {
        if (caller.hasAny(Roles.AUDITOR, Roles.ADMIN)) {
            return true;
        }
        String unit = caller.unit().orElse(null);
        if (unit == null) {
            return false;
        }
        if (unit.equals(plan.organiserUnitCode) || unit.equals(plan.reviewingOfficeCode)
                || unit.equals(plan.submittingOfficeCode) || unit.equals(plan.approvingBodyCode)) {
            return true;
        }
        Unit mine = Unit.findById(unit);
        Unit organiser = Unit.findById(plan.organiserUnitCode);
        return mine != null && organiser != null && leading(mine.kind) && organiser.lowerThan(mine);
    }

    /** Committees, governments and their offices oversee the units of their region (upward reporting). */
    static boolean leading(UnitKind kind) {
        return kind.committeeOrGovernmentOrOffice();
    }

    public PlanView view(Plan plan) {
        List<PlanItem> items = items(plan.id);
        List<GrantedException> granted = items.isEmpty() ? List.of()
                : GrantedException.list("itemId in ?1", items.stream().map(i -> i.id).toList());
        return PlanView.of(plan, items.stream().map(i -> ItemView.of(i, granted)).toList());
    }

    public List<PlanItem> items(long planId) {
        return steps.items(planId);
    }

    @Transactional
    public List<PlanTransition> history(long id) {
        read(id);
        return PlanTransition.list("planId = ?1 order by id", id);
    }

    // ---- writing plans and items -------------------------------------------------------------

    @Transactional
    public Plan create(PlanInput in) {
        caller.require(Roles.PLANNER);
        Unit organiser = steps.unit(caller.unitCode(), "unit_code");
        Plan plan = new Plan();
        plan.type = in.type();
        plan.urgent = in.urgent();
        if (in.urgent() && in.type() != PlanType.SINGLE_MATTER) {
            throw Problems.invalid("urgent", "only a one-matter request (SINGLE_MATTER) can be urgent");
        }
        plan.year = in.year();
        plan.title = in.title().trim();
        plan.lateJustification = PlanSteps.blankToNull(in.lateJustification());
        plan.organiserUnitCode = organiser.code;
        steps.route(plan, organiser);
        plan.status = PlanStatus.DRAFT;
        plan.createdBy = caller.name();
        plan.createdAt = OffsetDateTime.now();
        plan.persist();
        steps.record(plan, "CREATE", null, PlanStatus.DRAFT, null, List.of());
        audit.created(AUDIT_PLAN, plan.id, PlanView.of(plan, List.of()));
        return plan;
    }

    @Transactional
    public Plan update(long id, PlanInput in, String ifMatch) {
        Plan plan = steps.lockForOrganiser(id, ifMatch, Roles.PLANNER);
        if (!plan.status.editable()) {
            throw PlanSteps.illegal(plan, "update");
        }
        if (in.type() != plan.type || in.urgent() != plan.urgent) {
            throw Problems.invalid("type", "the type of a plan cannot change; create a new one");
        }
        var before = audit.snapshot(PlanView.of(plan, List.of()));
        plan.year = in.year();
        plan.title = in.title().trim();
        plan.lateJustification = PlanSteps.blankToNull(in.lateJustification());
        Plan.flush();
        audit.record(AUDIT_PLAN, id, "UPDATE", before, PlanView.of(plan, List.of()));
        return plan;
    }

    @Transactional
    public PlanItem addItem(long planId, ItemInput in) {
        Plan plan = steps.lockForOrganiser(planId, null, Roles.PLANNER);
        if (!plan.status.editable()) {
            if (plan.type == PlanType.ANNUAL && (plan.status == PlanStatus.APPROVED || plan.status == PlanStatus.ISSUED)) {
                throw new RuleRefusedException(List.of(Finding.of(AnnualPlanRequired.RULE, Severity.PROHIBITED,
                        "年度计划已批准，计划外事项须一事一报单独报批",
                        "The annual plan is approved: an out-of-plan item is its own one-matter request",
                        Map.of("planId", planId, "status", plan.status.name()))));
            }
            throw PlanSteps.illegal(plan, "add an item to");
        }
        if (plan.type == PlanType.SINGLE_MATTER && PlanItem.count("planId", planId) > 0) {
            throw new RuleRefusedException(List.of(Finding.of(AnnualPlanRequired.RULE, Severity.PROHIBITED,
                    "一事一报：每个计划外事项须单独报批", "One matter, one report: each out-of-plan item is its own request",
                    Map.of("planId", planId))));
        }
        PlanItem item = new PlanItem();
        item.planId = planId;
        writer.apply(plan, item, in);
        item.persist();
        audit.created(AUDIT_ITEM, item.id, ItemView.of(item, List.of()));
        return item;
    }

    @Transactional
    public PlanItem updateItem(long planId, long itemId, ItemInput in, String ifMatch) {
        Plan plan = steps.lockForOrganiser(planId, null, Roles.PLANNER);
        PlanItem item = item(plan, itemId);
        Versions.check(ifMatch, item.version);
        var before = audit.snapshot(ItemView.of(item, List.of()));
        boolean wasApproved = plan.status == PlanStatus.APPROVED || plan.status == PlanStatus.ISSUED;
        if (!plan.status.editable() && !wasApproved) {
            throw PlanSteps.illegal(plan, "change an item of");
        }
        writer.apply(plan, item, in);
        if (wasApproved) {
            boolean substantive = !audit.snapshot(ItemView.of(item, List.of())).entrySet().stream()
                    .filter(e -> !e.getKey().equals("publishable"))
                    .allMatch(e -> java.util.Objects.equals(before.get(e.getKey()), e.getValue()));
            if (substantive) {
                // an approved item changed in substance is no longer approved: the plan returns to review
                item.approved = false;
                candidates.unplan(item);
                PlanStatus from = plan.status;
                plan.status = PlanStatus.SUBMITTED;
                plan.submittedAt = OffsetDateTime.now();
                steps.record(plan, "CHANGED_AFTER_APPROVAL", from, PlanStatus.SUBMITTED,
                        "item " + itemId + " changed in substance", List.of());
            }
        }
        PlanItem.flush();
        audit.record(AUDIT_ITEM, itemId, "UPDATE", before, ItemView.of(item, List.of()));
        return item;
    }

    @Transactional
    public void deleteItem(long planId, long itemId, String ifMatch) {
        Plan plan = steps.lockForOrganiser(planId, null, Roles.PLANNER);
        PlanItem item = item(plan, itemId);
        Versions.check(ifMatch, item.version);
        if (!plan.status.editable()) {
            throw PlanSteps.illegal(plan, "remove an item of");
        }
        audit.record(AUDIT_ITEM, itemId, "DELETE", audit.snapshot(ItemView.of(item, List.of())), Map.of());
        item.delete();
    }

    public PlanItem item(Plan plan, long itemId) {
        PlanItem item = PlanItem.findById(itemId);
        if (item == null || !item.planId.equals(plan.id)) {
            throw Problems.notFound("item", itemId);
        }
        return item;
    }

}
