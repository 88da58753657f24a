package cn.dcjk.plans.plan;

import cn.dcjk.common.data.audit.AuditTrail;
import cn.dcjk.common.data.backtracing.BacktracingOutbox;
import cn.dcjk.common.problem.Problems;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.RuleRefusedException;
import cn.dcjk.common.security.Caller;
import cn.dcjk.common.security.Roles;
import cn.dcjk.plans.rule.ItemCandidates;
import cn.dcjk.plans.rule.PlanRuleParameters;
import cn.dcjk.plans.rule.PlanRulebook;
import cn.dcjk.plans.rule.Stage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The approval route of article 5, step by step: 「年初分别报本级党委办公室(厅)、政府办公室(厅)研究审核,
 * 由党委办公室(厅)统一报本级党委审批后印发执行」. The organiser submits; the reviewing office (the party
 * office for party units, the government office for government units) reviews; the party office
 * forwards every plan of its level to the party committee (统一报; for party units its review does
 * both); the party committee approves; the party office issues. Each step is checked by role and
 * unit, evaluated by the rulebook where the regulation asks, and recorded in the history.
 */
@ApplicationScoped
public class PlanWorkflow {

    @Inject
    Caller caller;
    @Inject
    AuditTrail audit;
    @Inject
    PlanSteps steps;
    @Inject
    PlanRulebook rulebook;
    @Inject
    PlanRuleParameters parameters;
    @Inject
    EntityManager em;
    @Inject
    ItemCandidates candidates;
    @Inject
    BacktracingOutbox backtracing;

    /** This service as the back-tracing register knows it. */
    public static final String BACKTRACING_SOURCE = "PLANS";

    // ---- the workflow ----------------------------------------------------------------------------

    @Transactional
    public PlanRulebook.PlanVerdict submit(long id, ActionInput in, String ifMatch) {
        Plan plan = steps.lock(id);
        steps.requireActor(plan, Roles.PLANNER, plan.organiserUnitCode);
        PlanSteps.version(plan, ifMatch);
        if (!plan.status.editable()) {
            throw PlanSteps.illegal(plan, "submit");
        }
        List<PlanItem> items = steps.items(id);
        if (items.isEmpty()) {
            throw Problems.conflict("empty-plan", "计划没有事项，不能报送", "A plan without items cannot be submitted");
        }
        PlanRulebook.PlanVerdict verdict = rulebook.evaluate(plan, items, steps.unitsOf(plan, items), Stage.SUBMISSION,
                PlanSteps.today(), Map.of());
        if (!verdict.allows()) {
            throw refused(plan, verdict);
        }
        PlanStatus from = plan.status;
        plan.status = PlanStatus.SUBMITTED;
        plan.submittedAt = OffsetDateTime.now();
        steps.record(plan, "SUBMIT", from, plan.status, PlanSteps.comment(in), verdict.findings());
        return verdict;
    }

    /**
     * The reviewing office reviews (研究审核). The party office reviewing its own level's party unit's
     * plan also submits it to the committee in the same step; a government office's review leaves the
     * plan for the party office to forward.
     */
    @Transactional
    public void review(long id, ActionInput in, String ifMatch) {
        Plan plan = steps.lock(id);
        steps.requireActor(plan, Roles.OFFICE_REVIEWER, plan.reviewingOfficeCode);
        PlanSteps.version(plan, ifMatch);
        steps.move(plan, PlanStatus.SUBMITTED, PlanStatus.OFFICE_REVIEWED, "REVIEW", PlanSteps.comment(in), List.of());
        if (plan.reviewingOfficeCode.equals(plan.submittingOfficeCode)) {
            steps.move(plan, PlanStatus.OFFICE_REVIEWED, PlanStatus.FORWARDED, "FORWARD", PlanSteps.comment(in), List.of());
        }
    }

    /** The party office submits a reviewed plan to the party committee of its level (统一报本级党委审批). */
    @Transactional
    public void forward(long id, ActionInput in, String ifMatch) {
        Plan plan = steps.lock(id);
        steps.requireActor(plan, Roles.OFFICE_REVIEWER, plan.submittingOfficeCode);
        PlanSteps.version(plan, ifMatch);
        steps.move(plan, PlanStatus.OFFICE_REVIEWED, PlanStatus.FORWARDED, "FORWARD", PlanSteps.comment(in), List.of());
    }

    static boolean underReview(PlanStatus s) {
        return s == PlanStatus.SUBMITTED || s == PlanStatus.OFFICE_REVIEWED || s == PlanStatus.FORWARDED;
    }

    @Transactional
    public void requestChanges(long id, ActionInput in, String ifMatch) {
        Plan plan = steps.lock(id);
        boolean office = steps.actor(Roles.OFFICE_REVIEWER, plan.reviewingOfficeCode)
                || steps.actor(Roles.OFFICE_REVIEWER, plan.submittingOfficeCode);
        boolean body = steps.actor(Roles.COMMITTEE_APPROVER, plan.approvingBodyCode);
        if (!office && !body) {
            throw PlanSteps.forbidden(plan, "request changes to");
        }
        PlanSteps.version(plan, ifMatch);
        if (!underReview(plan.status)) {
            throw PlanSteps.illegal(plan, "request changes to");
        }
        if (in == null || in.comment() == null || in.comment().isBlank()) {
            throw Problems.invalid("comment", "say what must change");
        }
        steps.move(plan, plan.status, PlanStatus.CHANGES_REQUESTED, "REQUEST_CHANGES", in.comment(), List.of());
    }

    @Transactional
    public void reject(long id, ActionInput in, String ifMatch) {
        Plan plan = steps.lock(id);
        steps.requireActor(plan, Roles.COMMITTEE_APPROVER, plan.approvingBodyCode);
        PlanSteps.version(plan, ifMatch);
        if (!underReview(plan.status)) {
            throw PlanSteps.illegal(plan, "reject");
        }
        if (in == null || in.comment() == null || in.comment().isBlank()) {
            throw Problems.invalid("comment", "give the reason for rejecting");
        }
        steps.move(plan, plan.status, PlanStatus.REJECTED, "REJECT", in.comment(), List.of());
    }

    /**
     * The party committee of the level approves what its party office forwarded. Caps are per organiser and year, so approvals of
     * one organiser and year are serialised on a lock row; the rulebook runs again with the
     * exceptions granted now; each item gets its approval code.
     */
    @Transactional
    public PlanRulebook.PlanVerdict approve(long id, ActionInput in, String ifMatch) {
        Plan peek = Plan.findById(id);
        if (peek == null) {
            throw Problems.notFound("plan", id);
        }
        steps.requireActor(peek, Roles.COMMITTEE_APPROVER, peek.approvingBodyCode);
        lockOrganiserYear(peek.organiserUnitCode, peek.year);
        Plan plan = steps.lock(id);
        PlanSteps.version(plan, ifMatch);
        if (plan.status != PlanStatus.FORWARDED) {
            throw PlanSteps.illegal(plan, "approve");
        }
        List<PlanItem> items = steps.items(id);
        Map<Long, Set<String>> grants = grants(plan, items, in == null ? null : in.grants());
        PlanRulebook.PlanVerdict verdict = rulebook.evaluate(plan, items, steps.unitsOf(plan, items), Stage.APPROVAL,
                PlanSteps.today(), grants);
        if (!verdict.allows()) {
            throw refused(plan, verdict);
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
                ? PlanSteps.today().plusDays(parameters.urgentValidityDays())
                : LocalDate.of(plan.year, 12, 31);
        steps.move(plan, PlanStatus.FORWARDED, PlanStatus.APPROVED, "APPROVE", PlanSteps.comment(in), verdict.findings());
        return verdict;
    }

    @Transactional
    public void issue(long id, ActionInput in, String ifMatch) {
        Plan plan = steps.lock(id);
        steps.requireActor(plan, Roles.OFFICE_REVIEWER, plan.submittingOfficeCode);
        PlanSteps.version(plan, ifMatch);
        steps.move(plan, PlanStatus.APPROVED, PlanStatus.ISSUED, "ISSUE", PlanSteps.comment(in), List.of());
        plan.issuedAt = OffsetDateTime.now();
    }

    /** An urgent approval converted into the regular plan keeps its validity to the end of the year. */
    @Transactional
    public void convert(long id, ActionInput in, String ifMatch) {
        Plan plan = steps.lock(id);
        steps.requireActor(plan, Roles.COMMITTEE_APPROVER, plan.approvingBodyCode);
        PlanSteps.version(plan, ifMatch);
        if (!plan.urgent || plan.convertedAt != null
                || (plan.status != PlanStatus.APPROVED && plan.status != PlanStatus.ISSUED)) {
            throw PlanSteps.illegal(plan, "convert");
        }
        var before = audit.snapshot(PlanView.of(plan, List.of()));
        plan.convertedAt = OffsetDateTime.now();
        plan.validUntil = LocalDate.of(plan.year, 12, 31);
        steps.record(plan, "CONVERT", plan.status, plan.status, PlanSteps.comment(in), List.of());
        Plan.flush();
        audit.record(PlanSteps.AUDIT_PLAN, id, "CONVERT", before, PlanView.of(plan, List.of()));
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /**
     * The refusal of a submission or an approval. When BACKTRACING counts it as an abuse (an
     * over-quota or over-frequency attempt, article 32) it is reported to the back-tracing register
     * in a transaction of its own, since the refused step is rolled back: once per request (a retry
     * with the same Idempotency-Key reports the same event), with the plan's verdict as evidence. At
     * approval only prohibitions count: a PRINCIPLE finding then was requested with its justification.
     */
    private RuleRefusedException refused(Plan plan, PlanRulebook.PlanVerdict verdict) {
        List<Finding> blocking = verdict.items().stream().flatMap(i -> i.blocking().stream())
                // at approval a PRINCIPLE finding still blocking was asked for with its written justification
                // (it passed submission): the approver declining to grant it is the procedure, not an abuse
                .filter(f -> verdict.stage() != Stage.APPROVAL || f.severity() == cn.dcjk.common.rule.Severity.PROHIBITED)
                .toList();
        if (blocking.isEmpty()) {
            return new RuleRefusedException(verdict.findings());
        }
        String subject = blocking.stream().filter(f -> "VISIT-FREQUENCY".equals(f.rule()))
                .map(f -> f.facts().get("unit")).filter(u -> u instanceof String).map(String.class::cast)
                .findFirst().orElse(plan.organiserUnitCode);
        Map<String, Object> evidence = new java.util.LinkedHashMap<>();
        evidence.put("planId", plan.id);
        evidence.put("planTitle", plan.title);
        evidence.put("year", plan.year);
        evidence.put("stage", verdict.stage().name());
        evidence.put("items", verdict.items().stream().filter(i -> !i.allows())
                .map(i -> Map.of("itemId", i.itemId() == null ? -1L : i.itemId(), "title", String.valueOf(i.title())))
                .toList());
        evidence.put("actor", caller.name());
        evidence.put("actorUnitCode", caller.unitCode());
        String step = verdict.stage() == Stage.APPROVAL ? "审批" : "报送";
        String summary = "计划 " + plan.id + "（" + plan.title + "）" + step + "被拒：" + blocking.get(0).message();
        backtracing.reportRefusal(BACKTRACING_SOURCE, plan.organiserUnitCode, subject, summary, blocking, evidence,
                null);
        return new RuleRefusedException(verdict.findings());
    }

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
            if (!PlanRulebook.PRINCIPLE_RULES.contains(g.rule())) {
                throw Problems.invalid("grants[" + k + "].rule", "only PRINCIPLE rules can be excepted: " + PlanRulebook.PRINCIPLE_RULES);
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
}
