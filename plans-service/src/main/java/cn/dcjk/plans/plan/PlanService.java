package cn.dcjk.plans.plan;

import cn.dcjk.common.data.audit.AuditTrail;
import cn.dcjk.common.data.version.Versions;
import cn.dcjk.common.problem.Problem;
import cn.dcjk.common.problem.Problems;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.RuleRefusedException;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.common.security.Caller;
import cn.dcjk.common.security.Roles;
import cn.dcjk.plans.rule.PlanRuleParameters;
import cn.dcjk.plans.rule.PlanRulebook;
import cn.dcjk.plans.rule.PlanRules;
import cn.dcjk.plans.rule.Stage;
import cn.dcjk.plans.unit.Branch;
import cn.dcjk.common.unit.RegionCode;
import cn.dcjk.plans.unit.Unit;
import cn.dcjk.plans.unit.UnitKind;
import cn.dcjk.plans.unit.UnitLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Plans and their workflow (article 5, 归口管理): a department drafts, submits to its party or
 * government office, the office reviews, the committee approves through it, the office issues.
 * Each step is checked by role and unit, evaluated by the rulebook where the regulation asks,
 * recorded in the history with actor, unit, time and comment, and audited.
 */
@ApplicationScoped
public class PlanService {

    public static final String AUDIT_PLAN = "plan";
    public static final String AUDIT_ITEM = "item";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Set<String> PRINCIPLE_RULES = PlanRules.ALL.stream()
            .filter(p -> p.rule().severity().equals(Severity.PRINCIPLE.name())).map(p -> p.rule().name())
            .collect(Collectors.toUnmodifiableSet());

    @Inject
    Caller caller;
    @Inject
    AuditTrail audit;
    @Inject
    PlanRulebook rulebook;
    @Inject
    PlanRuleParameters parameters;
    @Inject
    EntityManager em;
    @Inject
    cn.dcjk.plans.rule.ItemCandidates candidates;

    public static LocalDate today() {
        return LocalDate.now(ZONE);
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

    /** Own unit, the reviewing office, the approving body, units whose region holds the organiser's, auditors. */
    public boolean mayRead(Plan plan) {
        if (caller.hasAny(Roles.AUDITOR, Roles.ADMIN)) {
            return true;
        }
        String unit = caller.unit().orElse(null);
        if (unit == null) {
            return false;
        }
        if (unit.equals(plan.organiserUnitCode) || unit.equals(plan.reviewingOfficeCode)
                || unit.equals(plan.approvingBodyCode)) {
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
        return PlanItem.list("planId = ?1 order by id", planId);
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
        Unit organiser = unit(caller.unitCode(), "unit_code");
        Plan plan = new Plan();
        plan.type = in.type();
        plan.urgent = in.urgent();
        if (in.urgent() && in.type() != PlanType.SINGLE_MATTER) {
            throw Problems.invalid("urgent", "only a one-matter request (SINGLE_MATTER) can be urgent");
        }
        plan.year = in.year();
        plan.title = in.title().trim();
        plan.lateJustification = blankToNull(in.lateJustification());
        plan.organiserUnitCode = organiser.code;
        plan.reviewingOfficeCode = office(organiser).code;
        plan.approvingBodyCode = approvingBody(organiser).code;
        plan.status = PlanStatus.DRAFT;
        plan.createdBy = caller.name();
        plan.createdAt = OffsetDateTime.now();
        plan.persist();
        record(plan, "CREATE", null, PlanStatus.DRAFT, null, List.of());
        audit.created(AUDIT_PLAN, plan.id, PlanView.of(plan, List.of()));
        return plan;
    }

    @Transactional
    public Plan update(long id, PlanInput in, String ifMatch) {
        Plan plan = lockForOrganiser(id, ifMatch);
        if (!plan.status.editable()) {
            throw illegal(plan, "update");
        }
        if (in.type() != plan.type || in.urgent() != plan.urgent) {
            throw Problems.invalid("type", "the type of a plan cannot change; create a new one");
        }
        var before = audit.snapshot(PlanView.of(plan, List.of()));
        plan.year = in.year();
        plan.title = in.title().trim();
        plan.lateJustification = blankToNull(in.lateJustification());
        Plan.flush();
        audit.record(AUDIT_PLAN, id, "UPDATE", before, PlanView.of(plan, List.of()));
        return plan;
    }

    @Transactional
    public PlanItem addItem(long planId, ItemInput in) {
        Plan plan = lockForOrganiser(planId, null);
        if (!plan.status.editable()) {
            if (plan.type == PlanType.ANNUAL && (plan.status == PlanStatus.APPROVED || plan.status == PlanStatus.ISSUED)) {
                throw new RuleRefusedException(List.of(Finding.of(PlanRules.ANNUAL_PLAN_REQUIRED_RULE, Severity.PROHIBITED,
                        "年度计划已批准，计划外事项须一事一报单独报批",
                        "The annual plan is approved: an out-of-plan item is its own one-matter request",
                        Map.of("planId", planId, "status", plan.status.name()))));
            }
            throw illegal(plan, "add an item to");
        }
        if (plan.type == PlanType.SINGLE_MATTER && PlanItem.count("planId", planId) > 0) {
            throw new RuleRefusedException(List.of(Finding.of(PlanRules.ANNUAL_PLAN_REQUIRED_RULE, Severity.PROHIBITED,
                    "一事一报：每个计划外事项须单独报批", "One matter, one report: each out-of-plan item is its own request",
                    Map.of("planId", planId))));
        }
        PlanItem item = new PlanItem();
        item.planId = planId;
        apply(plan, item, in);
        item.persist();
        audit.created(AUDIT_ITEM, item.id, ItemView.of(item, List.of()));
        return item;
    }

    @Transactional
    public PlanItem updateItem(long planId, long itemId, ItemInput in, String ifMatch) {
        Plan plan = lockForOrganiser(planId, null);
        PlanItem item = item(plan, itemId);
        Versions.check(ifMatch, item.version);
        var before = audit.snapshot(ItemView.of(item, List.of()));
        boolean wasApproved = plan.status == PlanStatus.APPROVED || plan.status == PlanStatus.ISSUED;
        if (!plan.status.editable() && !wasApproved) {
            throw illegal(plan, "change an item of");
        }
        apply(plan, item, in);
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
                record(plan, "CHANGED_AFTER_APPROVAL", from, PlanStatus.SUBMITTED,
                        "item " + itemId + " changed in substance", List.of());
            }
        }
        PlanItem.flush();
        audit.record(AUDIT_ITEM, itemId, "UPDATE", before, ItemView.of(item, List.of()));
        return item;
    }

    @Transactional
    public void deleteItem(long planId, long itemId, String ifMatch) {
        Plan plan = lockForOrganiser(planId, null);
        PlanItem item = item(plan, itemId);
        Versions.check(ifMatch, item.version);
        if (!plan.status.editable()) {
            throw illegal(plan, "remove an item of");
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

    // ---- the workflow ----------------------------------------------------------------------------

    @Transactional
    public PlanRulebook.PlanVerdict submit(long id, ActionInput in, String ifMatch) {
        Plan plan = lock(id, ifMatch);
        requireActor(plan, Roles.PLANNER, plan.organiserUnitCode);
        if (!plan.status.editable()) {
            throw illegal(plan, "submit");
        }
        List<PlanItem> items = items(id);
        if (items.isEmpty()) {
            throw Problems.conflict("empty-plan", "计划没有事项，不能报送", "A plan without items cannot be submitted");
        }
        PlanRulebook.PlanVerdict verdict = rulebook.evaluate(plan, items, unitsOf(plan, items), Stage.SUBMISSION,
                today(), Map.of());
        if (!verdict.allows()) {
            throw new RuleRefusedException(verdict.findings());
        }
        PlanStatus from = plan.status;
        plan.status = PlanStatus.SUBMITTED;
        plan.submittedAt = OffsetDateTime.now();
        record(plan, "SUBMIT", from, plan.status, comment(in), verdict.findings());
        return verdict;
    }

    @Transactional
    public void review(long id, ActionInput in, String ifMatch) {
        Plan plan = lock(id, ifMatch);
        requireActor(plan, Roles.OFFICE_REVIEWER, plan.reviewingOfficeCode);
        move(plan, PlanStatus.SUBMITTED, PlanStatus.OFFICE_REVIEWED, "REVIEW", comment(in), List.of());
    }

    @Transactional
    public void requestChanges(long id, ActionInput in, String ifMatch) {
        Plan plan = lock(id, ifMatch);
        boolean office = actor(Roles.OFFICE_REVIEWER, plan.reviewingOfficeCode);
        boolean body = actor(Roles.COMMITTEE_APPROVER, plan.approvingBodyCode);
        if (!office && !body) {
            throw forbidden(plan, "request changes to");
        }
        if (plan.status != PlanStatus.SUBMITTED && plan.status != PlanStatus.OFFICE_REVIEWED) {
            throw illegal(plan, "request changes to");
        }
        if (in == null || in.comment() == null || in.comment().isBlank()) {
            throw Problems.invalid("comment", "say what must change");
        }
        move(plan, plan.status, PlanStatus.CHANGES_REQUESTED, "REQUEST_CHANGES", in.comment(), List.of());
    }

    @Transactional
    public void reject(long id, ActionInput in, String ifMatch) {
        Plan plan = lock(id, ifMatch);
        requireActor(plan, Roles.COMMITTEE_APPROVER, plan.approvingBodyCode);
        if (plan.status != PlanStatus.SUBMITTED && plan.status != PlanStatus.OFFICE_REVIEWED) {
            throw illegal(plan, "reject");
        }
        if (in == null || in.comment() == null || in.comment().isBlank()) {
            throw Problems.invalid("comment", "give the reason for rejecting");
        }
        move(plan, plan.status, PlanStatus.REJECTED, "REJECT", in.comment(), List.of());
    }

    /**
     * The committee approves through its office. Caps are per organiser and year, so approvals of
     * one organiser and year are serialised on a lock row; the rulebook runs again with the
     * exceptions granted now; each item gets its approval code.
     */
    @Transactional
    public PlanRulebook.PlanVerdict approve(long id, ActionInput in, String ifMatch) {
        Plan peek = Plan.findById(id);
        if (peek == null) {
            throw Problems.notFound("plan", id);
        }
        requireActor(peek, Roles.COMMITTEE_APPROVER, peek.approvingBodyCode);
        lockOrganiserYear(peek.organiserUnitCode, peek.year);
        Plan plan = lock(id, ifMatch);
        if (plan.status != PlanStatus.OFFICE_REVIEWED) {
            throw illegal(plan, "approve");
        }
        List<PlanItem> items = items(id);
        Map<Long, Set<String>> grants = grants(plan, items, in == null ? null : in.grants());
        PlanRulebook.PlanVerdict verdict = rulebook.evaluate(plan, items, unitsOf(plan, items), Stage.APPROVAL,
                today(), grants);
        if (!verdict.allows()) {
            throw new RuleRefusedException(verdict.findings());
        }
        OffsetDateTime now = OffsetDateTime.now();
        for (PlanRulebook.ItemVerdict v : verdict.items()) {
            for (Finding f : v.findings()) {
                if (Boolean.TRUE.equals(f.exceptionGranted())
                        && GrantedException.count("itemId = ?1 and rule = ?2", v.itemId(), f.rule()) == 0) {
                    GrantedException g = new GrantedException();
                    g.itemId = v.itemId();
                    g.rule = f.rule();
                    g.justification = String.valueOf(f.facts().get("justification"));
                    g.grantedBy = caller.name();
                    g.grantedUnit = caller.unitCode();
                    g.grantedAt = now;
                    g.persist();
                }
            }
        }
        for (PlanItem item : items) {
            if (item.approvalCode == null) {
                item.approvalCode = nextCode(plan.year);
            }
            item.approved = true;
            candidates.unplan(item);
            candidates.plan(item);
        }
        plan.approvedAt = now;
        plan.validUntil = plan.urgent && plan.convertedAt == null
                ? today().plusDays(parameters.urgentValidityDays())
                : LocalDate.of(plan.year, 12, 31);
        move(plan, PlanStatus.OFFICE_REVIEWED, PlanStatus.APPROVED, "APPROVE", comment(in), verdict.findings());
        return verdict;
    }

    @Transactional
    public void issue(long id, ActionInput in, String ifMatch) {
        Plan plan = lock(id, ifMatch);
        requireActor(plan, Roles.OFFICE_REVIEWER, plan.reviewingOfficeCode);
        move(plan, PlanStatus.APPROVED, PlanStatus.ISSUED, "ISSUE", comment(in), List.of());
        plan.issuedAt = OffsetDateTime.now();
    }

    /** An urgent approval converted into the regular plan keeps its validity to the end of the year. */
    @Transactional
    public void convert(long id, ActionInput in, String ifMatch) {
        Plan plan = lock(id, ifMatch);
        requireActor(plan, Roles.COMMITTEE_APPROVER, plan.approvingBodyCode);
        if (!plan.urgent || plan.convertedAt != null
                || (plan.status != PlanStatus.APPROVED && plan.status != PlanStatus.ISSUED)) {
            throw illegal(plan, "convert");
        }
        var before = audit.snapshot(PlanView.of(plan, List.of()));
        plan.convertedAt = OffsetDateTime.now();
        plan.validUntil = LocalDate.of(plan.year, 12, 31);
        record(plan, "CONVERT", plan.status, plan.status, comment(in), List.of());
        Plan.flush();
        audit.record(AUDIT_PLAN, id, "CONVERT", before, PlanView.of(plan, List.of()));
    }

    /** A dry run: the rulebook's verdict on a stored plan at a stage, nothing written. */
    @Transactional
    public PlanRulebook.PlanVerdict check(long planId, Stage stage) {
        Plan plan = read(planId);
        List<PlanItem> items = items(planId);
        Map<Long, Set<String>> granted = new HashMap<>();
        return rulebook.evaluate(plan, items, unitsOf(plan, items), stage, today(), granted);
    }

    /** A dry run of one item written as it would be, in a plan of the caller's unit (stored or imagined). */
    @Transactional
    public PlanRulebook.PlanVerdict checkItem(Long planId, PlanType type, Integer year, ItemInput in) {
        Plan plan;
        List<PlanItem> items = new ArrayList<>();
        if (planId != null) {
            plan = read(planId);
            items.addAll(items(planId));
        } else {
            Unit organiser = unit(caller.unitCode(), "unit_code");
            plan = new Plan();
            plan.type = type == null ? PlanType.ANNUAL : type;
            plan.year = year == null ? in.periodStart().getYear() : year;
            plan.organiserUnitCode = organiser.code;
            plan.reviewingOfficeCode = office(organiser).code;
            plan.approvingBodyCode = approvingBody(organiser).code;
            plan.status = PlanStatus.DRAFT;
            plan.title = "dry run";
        }
        PlanItem item = new PlanItem();
        item.planId = plan.id;
        apply(plan, item, in);
        em.detach(item);
        items.add(item);
        return rulebook.evaluate(plan, items, unitsOf(plan, items), Stage.DRY_RUN, today(), Map.of());
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private Map<Long, Set<String>> grants(Plan plan, List<PlanItem> items, List<ActionInput.Grant> requested) {
        Map<Long, Set<String>> grants = new HashMap<>();
        for (PlanItem item : items) {
            for (GrantedException g : GrantedException.<GrantedException>list("itemId", item.id)) {
                grants.computeIfAbsent(item.id, k -> new HashSet<>()).add(g.rule);
            }
        }
        if (requested == null) {
            return grants;
        }
        Map<Long, PlanItem> byId = items.stream().collect(Collectors.toMap(i -> i.id, Function.identity()));
        for (int k = 0; k < requested.size(); k++) {
            ActionInput.Grant g = requested.get(k);
            PlanItem item = byId.get(g.itemId());
            if (item == null) {
                throw Problems.invalid("grants[" + k + "].itemId", "no item " + g.itemId() + " in this plan");
            }
            if (!PRINCIPLE_RULES.contains(g.rule())) {
                throw Problems.invalid("grants[" + k + "].rule", "only PRINCIPLE rules can be excepted: " + PRINCIPLE_RULES);
            }
            if (PlanRulebook.justification(plan, item, g.rule()) == null) {
                throw Problems.invalid("grants[" + k + "].rule",
                        "item " + g.itemId() + " carries no written justification for " + g.rule());
            }
            grants.computeIfAbsent(item.id, x -> new HashSet<>()).add(g.rule());
        }
        return grants;
    }

    private void lockOrganiserYear(String organiser, int year) {
        em.createNativeQuery("INSERT INTO organiser_year (organiser_unit_code, year) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, organiser).setParameter(2, year).executeUpdate();
        em.createNativeQuery("SELECT 1 FROM organiser_year WHERE organiser_unit_code = ?1 AND year = ?2 FOR UPDATE")
                .setParameter(1, organiser).setParameter(2, year).getSingleResult();
    }

    private String nextCode(int year) {
        em.createNativeQuery("INSERT INTO approval_counter (year, last) VALUES (?1, 0) ON CONFLICT DO NOTHING")
                .setParameter(1, year).executeUpdate();
        int n = ((Number) em.createNativeQuery("UPDATE approval_counter SET last = last + 1 WHERE year = ?1 RETURNING last")
                .setParameter(1, year).getSingleResult()).intValue();
        return String.format("DCJK-%d-%04d", year, n);
    }

    /** Locks a plan for a step; who may take the step is checked next (403 for the wrong role or unit). */
    private Plan lock(long id, String ifMatch) {
        Plan plan = Plan.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (plan == null) {
            throw Problems.notFound("plan", id);
        }
        Versions.check(ifMatch, plan.version);
        return plan;
    }

    private Plan lockForOrganiser(long id, String ifMatch) {
        Plan plan = lock(id, ifMatch);
        requireActor(plan, Roles.PLANNER, plan.organiserUnitCode);
        return plan;
    }

    private boolean actor(String role, String unit) {
        return caller.has(role) && unit.equals(caller.unit().orElse(null));
    }

    private void requireActor(Plan plan, String role, String unit) {
        if (!actor(role, unit)) {
            throw Problems.forbidden("此步骤只能由 " + unit + " 的 " + role + " 办理",
                    "Only a " + role + " of " + unit + " may take this step on plan " + plan.id);
        }
    }

    private static cn.dcjk.common.problem.ProblemException forbidden(Plan plan, String what) {
        return Problems.forbidden("无权对计划 " + plan.id + " 执行此操作", "You may not " + what + " plan " + plan.id);
    }

    private static cn.dcjk.common.problem.ProblemException illegal(Plan plan, String what) {
        return Problems.conflict("illegal-transition", "计划 " + plan.id + " 当前状态为 " + plan.status + "，不能执行此操作",
                "Cannot " + what + " plan " + plan.id + " in state " + plan.status);
    }

    private void move(Plan plan, PlanStatus from, PlanStatus to, String action, String comment, List<Finding> findings) {
        if (plan.status != from) {
            throw illegal(plan, action.toLowerCase().replace('_', ' '));
        }
        plan.status = to;
        record(plan, action, from, to, comment, findings);
    }

    private void record(Plan plan, String action, PlanStatus from, PlanStatus to, String comment, List<Finding> findings) {
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

    private static String comment(ActionInput in) {
        return in == null ? null : blankToNull(in.comment());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The office that reviews a unit's plans: the party office for party units, else the government office. */
    Unit office(Unit organiser) {
        UnitKind kind = organiser.branch == Branch.PARTY ? UnitKind.PARTY_OFFICE : UnitKind.GOVERNMENT_OFFICE;
        Unit office = Unit.find("regionCode = ?1 and kind = ?2 and retired = false", organiser.regionCode, kind).firstResult();
        if (office == null) {
            office = Unit.find("regionCode = ?1 and kind = ?2 and retired = false", organiser.regionCode,
                    UnitKind.PARTY_OFFICE).firstResult();
        }
        if (office == null) {
            throw Problems.conflict("no-office", "单位名录中没有 " + organiser.regionCode + " 的党委或政府办公厅（室）",
                    "The directory has no party or government office for region " + organiser.regionCode);
        }
        return office;
    }

    /** The committee that approves: the party committee for party units, else the government. */
    Unit approvingBody(Unit organiser) {
        UnitKind kind = organiser.branch == Branch.PARTY ? UnitKind.PARTY_COMMITTEE : UnitKind.GOVERNMENT;
        Unit body = Unit.find("regionCode = ?1 and kind = ?2 and retired = false", organiser.regionCode, kind).firstResult();
        if (body == null) {
            body = Unit.find("regionCode = ?1 and kind = ?2 and retired = false", organiser.regionCode,
                    UnitKind.PARTY_COMMITTEE).firstResult();
        }
        if (body == null) {
            throw Problems.conflict("no-approving-body", "单位名录中没有 " + organiser.regionCode + " 的党委或政府",
                    "The directory has no party committee or government for region " + organiser.regionCode);
        }
        return body;
    }

    private Unit unit(String code, String field) {
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

    /** Copies an input onto an item, checking what annotations cannot: units, periods, samples, dates. */
    void apply(Plan plan, PlanItem item, ItemInput in) {
        List<cn.dcjk.common.problem.Problem.FieldError> errors = new ArrayList<>();
        if (in.periodEnd().isBefore(in.periodStart())) {
            errors.add(new Problem.FieldError("periodEnd", "before periodStart"));
        }
        if (plan.type == PlanType.ANNUAL && in.periodStart().getYear() != plan.year) {
            errors.add(new Problem.FieldError("periodStart", "not in the plan's year " + plan.year));
        }
        if (in.sampling() != null && in.sampling().sampleSize() != null && in.sampling().population() != null
                && in.sampling().sampleSize() > in.sampling().population()) {
            errors.add(new Problem.FieldError("sampling.sampleSize", "larger than the population"));
        }
        List<String> targets = in.targetUnitCodes() == null ? List.of() : List.copyOf(new LinkedHashSet<>(in.targetUnitCodes()));
        if (targets.isEmpty() && in.targetScope() == null) {
            errors.add(new Problem.FieldError("targetUnitCodes", "name the targets, or give a targetScope"));
        }
        List<LocalDate> visits = in.visitDates() == null ? List.of() : in.visitDates();
        for (int k = 0; k < visits.size(); k++) {
            if (visits.get(k).isBefore(in.periodStart()) || visits.get(k).isAfter(in.periodEnd())) {
                errors.add(new Problem.FieldError("visitDates[" + k + "]", "outside the period"));
            }
        }
        if (in.workDeployedOn() != null && in.workDeployedOn().isAfter(in.periodStart())) {
            errors.add(new Problem.FieldError("workDeployedOn", "after periodStart"));
        }
        Map<String, String> justifications = in.justifications() == null ? Map.of() : in.justifications();
        for (String rule : justifications.keySet()) {
            if (!PRINCIPLE_RULES.contains(rule)) {
                errors.add(new Problem.FieldError("justifications." + rule, "not a PRINCIPLE rule; one of " + PRINCIPLE_RULES));
            }
        }
        Set<String> all = new HashSet<>(targets);
        List<String> co = in.coOrganiserUnitCodes() == null ? List.of() : in.coOrganiserUnitCodes();
        List<String> notices = in.noticeRecipientUnitCodes() == null ? List.of() : in.noticeRecipientUnitCodes();
        all.addAll(co);
        all.addAll(notices);
        if (in.actingBodyUnitCode() != null) {
            all.add(in.actingBodyUnitCode());
        }
        Map<String, Unit> known = new HashMap<>();
        if (!all.isEmpty()) {
            Unit.<Unit>list("code in ?1 and retired = false", all).forEach(u -> known.put(u.code, u));
        }
        unknown(errors, "targetUnitCodes", targets, known);
        unknown(errors, "coOrganiserUnitCodes", co, known);
        unknown(errors, "noticeRecipientUnitCodes", notices, known);
        if (in.actingBodyUnitCode() != null && !known.containsKey(in.actingBodyUnitCode())) {
            errors.add(new Problem.FieldError("actingBodyUnitCode", "unknown unit code " + in.actingBodyUnitCode()));
        }
        if (in.actingName() == ActingName.COORDINATION_BODY && in.actingBodyUnitCode() == null) {
            errors.add(new Problem.FieldError("actingBodyUnitCode", "name the coordination body"));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        item.title = in.title().trim();
        item.category = in.category();
        item.activityWord = in.activityWord();
        item.topics = in.topics() == null ? new ArrayList<>() : new ArrayList<>(in.topics().stream().map(String::trim).toList());
        item.organiserUnitCode = plan.organiserUnitCode;
        item.coOrganiserUnitCodes = new ArrayList<>(co);
        item.actingName = in.actingName() == null ? ActingName.OWN : in.actingName();
        item.actingBodyUnitCode = in.actingBodyUnitCode();
        item.actingApprovalReference = blankToNull(in.actingApprovalReference());
        item.legalBasis = blankToNull(in.legalBasis());
        item.targetUnitCodes = new ArrayList<>(targets);
        item.targetLevels = in.targetScope() == null ? new ArrayList<>()
                : new ArrayList<>(in.targetScope().levels().stream().map(Enum::name).distinct().toList());
        item.targetRegionCode = in.targetScope() == null ? null : in.targetScope().regionCode();
        item.targetRegionPrefix = regionPrefix(targets, known, in.targetScope());
        item.regionWide = in.regionWide();
        item.onSite = in.onSite();
        item.samplingPopulation = in.sampling() == null ? null : in.sampling().population();
        item.samplingSize = in.sampling() == null ? null : in.sampling().sampleSize();
        item.constructionSiteVisits = in.constructionSiteVisits();
        item.constructionSiteNecessity = blankToNull(in.constructionSiteNecessity());
        item.periodStart = in.periodStart();
        item.periodEnd = in.periodEnd();
        item.visitDates = new ArrayList<>(new java.util.TreeSet<>(visits));
        item.workDeployedOn = in.workDeployedOn();
        item.noticeRecipientUnitCodes = new ArrayList<>(notices);
        item.forms = in.forms() == null ? new ArrayList<>() : new ArrayList<>(in.forms());
        item.materials = in.materials() == null ? new ArrayList<>() : new ArrayList<>(in.materials());
        item.scores = in.scores();
        item.ranks = in.ranks();
        item.mayLeadToAccountability = in.mayLeadToAccountability();
        item.unifiedDeployment = in.unifiedDeployment();
        item.publishable = in.publishable();
        item.teamLeaderRank = in.teamLeaderRank();
        item.justifications = new java.util.LinkedHashMap<>(justifications);
        item.year = plan.year;
        item.grassroots = targets.stream().map(known::get).anyMatch(u -> u.level.grassroots()
                || u.kind == UnitKind.ENTERPRISE || u.kind == UnitKind.SCHOOL)
                || item.targetLevels.stream().anyMatch(l -> UnitLevel.valueOf(l).grassroots());
    }

    private static void unknown(List<Problem.FieldError> errors, String field, List<String> codes, Map<String, Unit> known) {
        for (int k = 0; k < codes.size(); k++) {
            if (!known.containsKey(codes.get(k))) {
                errors.add(new Problem.FieldError(field + "[" + k + "]", "unknown unit code " + codes.get(k)));
            }
        }
    }

    /** The smallest region holding every target: the common prefix of their regions, or the scope's. */
    static String regionPrefix(Collection<String> targets, Map<String, Unit> known, ItemInput.TargetScope scope) {
        String prefix = scope == null ? null : new RegionCode(scope.regionCode()).prefix();
        for (String t : targets) {
            String p = known.get(t).region().prefix();
            prefix = prefix == null ? p : common(prefix, p);
        }
        return prefix == null ? "37" : prefix;
    }

    static String common(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        // cut back to a region boundary: 2, 4, 6, 9 or 12 digits
        int[] bounds = {12, 9, 6, 4, 2};
        for (int bound : bounds) {
            if (n >= bound) {
                return a.substring(0, bound);
            }
        }
        return a.substring(0, Math.min(2, a.length()));
    }
}
