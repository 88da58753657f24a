package cn.dcjk.plans.plan;

import cn.dcjk.common.data.audit.AuditTrail;
import cn.dcjk.common.data.version.Versions;
import cn.dcjk.common.problem.ProblemException;
import cn.dcjk.common.problem.Problems;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.security.Caller;
import cn.dcjk.plans.unit.Branch;
import cn.dcjk.plans.unit.Unit;
import cn.dcjk.plans.unit.UnitKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every step of a plan shares: the lock, who may act, the move from state to state and its
 * record in the history and the audit trail, and the offices and committee of article 5.
 */
@ApplicationScoped
public class PlanSteps {

    public static final String AUDIT_PLAN = "plan";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    Caller caller;
    @Inject
    AuditTrail audit;

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    public List<PlanItem> items(long planId) {
        return PlanItem.list("planId = ?1 order by id", planId);
    }

    /** Locks a plan for a step; who may take the step is checked next (403 for the wrong role or unit). */
    Plan lock(long id, String ifMatch) {
        Plan plan = Plan.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (plan == null) {
            throw Problems.notFound("plan", id);
        }
        Versions.check(ifMatch, plan.version);
        return plan;
    }

    Plan lockForOrganiser(long id, String ifMatch, String role) {
        Plan plan = lock(id, ifMatch);
        requireActor(plan, role, plan.organiserUnitCode);
        return plan;
    }

    boolean actor(String role, String unit) {
        return unit != null && caller.has(role) && unit.equals(caller.unit().orElse(null));
    }

    void requireActor(Plan plan, String role, String unit) {
        if (!actor(role, unit)) {
            throw Problems.forbidden("此步骤只能由 " + unit + " 的 " + role + " 办理",
                    "Only a " + role + " of " + unit + " may take this step on plan " + plan.id);
        }
    }

    static ProblemException forbidden(Plan plan, String what) {
        return Problems.forbidden("无权对计划 " + plan.id + " 执行此操作", "You may not " + what + " plan " + plan.id);
    }

    static ProblemException illegal(Plan plan, String what) {
        return Problems.conflict("illegal-transition", "计划 " + plan.id + " 当前状态为 " + plan.status + "，不能执行此操作",
                "Cannot " + what + " plan " + plan.id + " in state " + plan.status);
    }

    void move(Plan plan, PlanStatus from, PlanStatus to, String action, String comment, List<Finding> findings) {
        if (plan.status != from) {
            throw illegal(plan, action.toLowerCase().replace('_', ' '));
        }
        plan.status = to;
        record(plan, action, from, to, comment, findings);
    }

    void record(Plan plan, String action, PlanStatus from, PlanStatus to, String comment, List<Finding> findings) {
        PlanTransition t = new PlanTransition();
        t.planId = plan.id;
        t.action = action;
        t.fromStatus = from;
        t.toStatus = to;
        t.actor = caller.name();
        t.actorUnit = caller.unit().orElse(null);
        t.at = OffsetDateTime.now();
        t.comment = comment;
        t.findings = new ArrayList<>(findings);
        t.persist();
        if (from != null) {
            audit.record(AUDIT_PLAN, plan.id, action, Map.of("status", from.name()), Map.of("status", to.name()));
        }
    }

    static String comment(ActionInput in) {
        return in == null ? null : blankToNull(in.comment());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /**
     * Sets the route of article 5 on a new plan: reviewed by the party office (party units) or the
     * government office (government units), submitted by the party office to the party committee of
     * the organiser's level, which approves.
     */
    void route(Plan plan, Unit organiser) {
        UnitKind reviewing = organiser.branch == Branch.GOVERNMENT ? UnitKind.GOVERNMENT_OFFICE : UnitKind.PARTY_OFFICE;
        Unit partyOffice = ofRegion(organiser.regionCode, UnitKind.PARTY_OFFICE, "no-office", "党委办公厅（室）",
                "party office");
        Unit office = reviewing == UnitKind.PARTY_OFFICE ? partyOffice
                : ofRegion(organiser.regionCode, reviewing, "no-office", "政府办公厅（室）", "government office");
        plan.reviewingOfficeCode = office.code;
        plan.submittingOfficeCode = partyOffice.code;
        plan.approvingBodyCode = ofRegion(organiser.regionCode, UnitKind.PARTY_COMMITTEE, "no-approving-body", "党委",
                "party committee").code;
    }

    private static Unit ofRegion(String region, UnitKind kind, String type, String zh, String en) {
        Unit u = Unit.find("regionCode = ?1 and kind = ?2 and retired = false", region, kind).firstResult();
        if (u == null) {
            throw Problems.conflict(type, "单位名录中没有 " + region + " 的" + zh, "The directory has no " + en + " for region " + region);
        }
        return u;
    }

    Unit unit(String code, String field) {
        Unit u = Unit.findById(code);
        if (u == null || u.retired) {
            throw Problems.invalid(field, "unknown unit code " + code);
        }
        return u;
    }

    Map<String, Unit> unitsOf(Plan plan, List<PlanItem> items) {
        Set<String> codes = new LinkedHashSet<>();
        codes.add(plan.organiserUnitCode);
        for (PlanItem i : items) {
            codes.addAll(i.targetUnitCodes);
            codes.addAll(i.noticeRecipientUnitCodes);
            codes.addAll(i.coOrganiserUnitCodes);
            if (i.actingBodyUnitCode != null) {
                codes.add(i.actingBodyUnitCode);
            }
        }
        Map<String, Unit> units = new HashMap<>();
        Unit.<Unit>list("code in ?1", codes).forEach(u -> units.put(u.code, u));
        return units;
    }
}
