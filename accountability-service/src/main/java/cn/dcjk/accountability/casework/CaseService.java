package cn.dcjk.accountability.casework;

import cn.dcjk.accountability.access.Access;
import cn.dcjk.accountability.complaint.ComplaintLetter;
import cn.dcjk.accountability.complaint.ComplaintStatus;
import cn.dcjk.accountability.directory.Directory;
import cn.dcjk.common.unit.RegionCode;
import cn.dcjk.common.directory.UnitInfo;
import cn.dcjk.accountability.referral.Referral;
import cn.dcjk.accountability.referral.ReferralStatus;
import cn.dcjk.accountability.referral.Subject;
import cn.dcjk.accountability.rules.AccountabilityRules;
import cn.dcjk.accountability.backtracing.BacktracingService;
import cn.dcjk.accountability.rules.LawfulRoute;
import cn.dcjk.accountability.rules.Procedure;
import cn.dcjk.common.api.Page;
import cn.dcjk.common.data.audit.AuditTrail;
import cn.dcjk.common.data.version.Versions;
import cn.dcjk.common.problem.Problems;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Verdict;
import cn.dcjk.common.security.Caller;
import cn.dcjk.common.security.Roles;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Cases of the competent body (article 25): opened from a transfer, a substantiated letter or on
 * the body's own initiative, then walked step by step; PROCEDURE refuses a skipped step, a step
 * already taken is a 409, and every step records who, for which unit and when.
 */
@ApplicationScoped
public class CaseService {

    public static final String AUDIT_TYPE = "accountability-case";

    @Inject
    Caller caller;
    @Inject
    Access access;
    @Inject
    Directory directory;
    @Inject
    AuditTrail audit;
    @Inject
    AccountabilityRules rules;
    @Inject
    BacktracingService backtracing;

    @Transactional
    public AccountabilityCase open(CaseInputs.Open in) {
        String unit = caller.unitCode();
        if (in.referralId() != null && in.complaintId() != null) {
            throw Problems.invalid("referralId", "a case rests on a referral or a complaint, not both");
        }
        UnitInfo body = directory.existingUnit(unit, "unit_code");
        AccountabilityCase c = new AccountabilityCase();
        if (in.referralId() != null) {
            // Only through the dispatching unit's transfer does a referral reach this body.
            Referral r = Referral.findById(in.referralId(), LockModeType.PESSIMISTIC_WRITE);
            if (r == null || r.status != ReferralStatus.TRANSFERRED || !unit.equals(r.competentUnitCode)) {
                throw Problems.notFound("referral", in.referralId());
            }
            if (AccountabilityCase.count("referralId", r.id) > 0) {
                throw Problems.conflict("case-exists", "该移送已立案", "A case was already opened for this referral");
            }
            c.origin = Origin.TRANSFER;
            c.referralId = r.id;
            c.subjects = r.subjects;
        } else if (in.complaintId() != null) {
            ComplaintLetter l = ComplaintLetter.findById(in.complaintId(), LockModeType.PESSIMISTIC_WRITE);
            if (l == null || l.status != ComplaintStatus.SUBSTANTIATED || !unit.equals(l.competentUnitCode)) {
                throw Problems.notFound("complaint", in.complaintId());
            }
            if (AccountabilityCase.count("complaintId", l.id) > 0) {
                throw Problems.conflict("case-exists", "该举报件已立案", "A case was already opened for this letter");
            }
            c.origin = Origin.COMPLAINT;
            c.complaintId = l.id;
            c.subjects = List.of(new Subject(l.accusedName, l.accusedUnitCode, l.accusedPosition, false));
        } else {
            if (in.subjects() == null || in.subjects().isEmpty()) {
                throw Problems.invalid("subjects", "a case opened on the body's own initiative names its subjects");
            }
            List<UnitInfo> units = new ArrayList<>();
            for (int i = 0; i < in.subjects().size(); i++) {
                units.add(directory.existingUnit(in.subjects().get(i).unitCode(), "subjects[" + i + "].unitCode"));
            }
            Verdict.of(rules.lawfulRoute().judge(new LawfulRoute.HandOn(body, units))).orRefuse();
            c.origin = Origin.OWN_INITIATIVE;
            c.subjects = List.copyOf(in.subjects());
        }
        c.competentUnitCode = unit;
        c.competentRegionCode = body.regionCode();
        c.summary = in.summary().trim();
        c.status = CaseStatus.OPENED;
        c.openedAt = OffsetDateTime.now();
        c.persist();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("origin", c.origin.name());
        details.put("referralId", c.referralId);
        details.put("complaintId", c.complaintId);
        recordStep(c, CaseStatus.OPENED, details);
        audit.created(AUDIT_TYPE, c.id, view(c, false));
        return c;
    }

    @Transactional
    public AccountabilityCase get(long id) {
        AccountabilityCase c = AccountabilityCase.findById(id);
        if (c == null || !visible(c)) {
            throw Problems.notFound("case", id);
        }
        return c;
    }

    public CaseView view(AccountabilityCase c) {
        return view(c, handling(c));
    }

    CaseView view(AccountabilityCase c, boolean handling) {
        List<CaseStep> steps = CaseStep.list("caseId = ?1 order by id", c.id);
        return CaseView.of(c, steps, handling, rules.appealDays());
    }

    @Transactional
    public Page<CaseView> list(CaseStatus status, int page, int size) {
        List<String> or = new ArrayList<>();
        Parameters p = new Parameters();
        if (caller.has(Roles.DISCIPLINE_OFFICER)) {
            caller.unit().ifPresent(u -> {
                or.add("competentUnitCode = :unit");
                p.and("unit", u);
            });
        }
        if (access.overseer()) {
            access.callerRegion().ifPresent(r -> {
                or.add("competentRegionCode like :region");
                p.and("region", RegionCode.prefix(r) + "%");
            });
        }
        if (or.isEmpty()) {
            return new Page<>(List.of(), page, size, 0);
        }
        String q = "(" + String.join(" or ", or) + ")";
        if (status != null) {
            q += " and status = :status";
            p.and("status", status);
        }
        var query = AccountabilityCase.find(q, Sort.by("id").descending(), p);
        List<CaseView> items = query.page(page, size).<AccountabilityCase>list().stream().map(this::view).toList();
        return new Page<>(items, page, size, query.count());
    }

    @Transactional
    public AccountabilityCase investigate(long id, CaseInputs.Investigation in, String ifMatch) {
        return step(id, CaseStatus.INVESTIGATING, ifMatch, details("evidence", in.evidence(), "summary", in.summary()),
                c -> { });
    }

    @Transactional
    public AccountabilityCase hear(long id, CaseInputs.Hearing in, String ifMatch) {
        return step(id, CaseStatus.HEARD, in.heardOn(), ifMatch,
                details("statement", in.statement(), "heardOn", in.heardOn().toString()), c -> { });
    }

    @Transactional
    public AccountabilityCase decide(long id, CaseInputs.Decision in, String ifMatch) {
        return step(id, CaseStatus.DECIDED, ifMatch, details("outcome", in.outcome().name(), "legalBasis",
                in.legalBasis(), "approvingAuthority", in.approvingAuthority(), "reasons", in.reasons()), c -> {
                    c.outcome = in.outcome();
                    c.legalBasis = in.legalBasis().trim();
                    c.approvingAuthority = in.approvingAuthority().trim();
                    c.decidedAt = OffsetDateTime.now();
                });
    }

    @Transactional
    public AccountabilityCase notify(long id, CaseInputs.Notification in, String ifMatch) {
        return step(id, CaseStatus.NOTIFIED, in.notifiedOn(), ifMatch,
                details("notifiedOn", in.notifiedOn().toString(), "notifiedTo", in.notifiedTo()),
                c -> c.notifiedOn = in.notifiedOn());
    }

    @Transactional
    public AccountabilityCase close(long id, CaseInputs.Closure in, String ifMatch) {
        return step(id, CaseStatus.CLOSED, ifMatch, details("remarks", in == null ? null : in.remarks()), c -> { });
    }

    @Transactional
    public AccountabilityCase appeal(long id, CaseInputs.Appeal in, String ifMatch) {
        return step(id, CaseStatus.APPEALED, ifMatch, details("reasons", in.reasons(),
                "appealedOn", rules.today().toString()), c -> { });
    }

    @Transactional
    public AccountabilityCase review(long id, CaseInputs.Review in, String ifMatch) {
        if (in.result() == ReviewResult.CHANGED && in.changedOutcome() == null) {
            throw Problems.invalid("changedOutcome", "a changed decision names its new outcome");
        }
        if (in.result() != ReviewResult.CHANGED && in.changedOutcome() != null) {
            throw Problems.invalid("changedOutcome", "only a changed decision names a new outcome");
        }
        return step(id, CaseStatus.REVIEWED, ifMatch, details("result", in.result().name(), "changedOutcome",
                in.changedOutcome() == null ? null : in.changedOutcome().name(), "reasons", in.reasons(),
                "reviewingAuthority", in.reviewingAuthority()), c -> {
                    c.reviewResult = in.result();
                    c.reviewedOutcome = switch (in.result()) {
                        case UPHELD -> c.outcome;
                        case CHANGED -> in.changedOutcome();
                        case REVOKED -> Outcome.NO_ACCOUNTABILITY;
                    };
                });
    }

    private AccountabilityCase step(long id, CaseStatus target, String ifMatch, Map<String, Object> details,
            Consumer<AccountabilityCase> apply) {
        return step(id, target, null, ifMatch, details, apply);
    }

    /**
     * The one way a case moves: lock, check the caller, the version and PROCEDURE (the step, its date
     * against today and the step before), apply, record. A refused shortcut is registered for
     * back-tracing (article 32) in its own transaction.
     */
    private AccountabilityCase step(long id, CaseStatus target, LocalDate stepDate, String ifMatch,
            Map<String, Object> details, Consumer<AccountabilityCase> apply) {
        AccountabilityCase c = AccountabilityCase.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null || !visible(c)) {
            throw Problems.notFound("case", id);
        }
        if (!handling(c)) {
            throw Problems.forbidden("只有有管辖权机关（" + c.competentUnitCode + "）的纪检监察人员可以办理",
                    "Only discipline officers of the competent body " + c.competentUnitCode + " handle this case");
        }
        Versions.check(ifMatch, c.version);
        if (CaseStep.count("caseId = ?1 and step = ?2", c.id, target) > 0) {
            // Taken already, perhaps a moment ago by a colleague: a state conflict, not a new request.
            throw Problems.conflict("step-taken", "该步骤已办理：" + target, "This step was already taken: " + target);
        }
        List<Finding> procedure = rules.procedure().judge(new Procedure.Context(c.status, target, stepDate,
                previousStepDate(c), c.notifiedOn, rules.today()));
        if (!Verdict.of(procedure).allows()) {
            backtracing.registerRefusal(caller.unit().orElse(c.competentUnitCode), c.competentUnitCode, procedure,
                    Map.of("caseId", c.id, "status", c.status.name(), "requested", target.name(),
                            "stepDate", String.valueOf(stepDate)));
            throw new cn.dcjk.common.rule.RuleRefusedException(procedure);
        }
        // The trail is read by auditors: no personal data of the subjects, no statements.
        Map<String, Object> before = audit.snapshot(view(c, false));
        apply.accept(c);
        c.status = target;
        AccountabilityCase.flush();
        recordStep(c, target, details);
        audit.record(AUDIT_TYPE, c.id, target.name(), before, view(c, false));
        return c;
    }

    private void recordStep(AccountabilityCase c, CaseStatus step, Map<String, Object> details) {
        CaseStep s = new CaseStep();
        s.caseId = c.id;
        s.step = step;
        s.actor = caller.name();
        s.actorUnit = caller.unit().orElse(null);
        s.at = OffsetDateTime.now();
        s.details = details;
        s.persist();
        CaseStep.flush();
    }

    public boolean handling(AccountabilityCase c) {
        return access.actsFor(c.competentUnitCode, Roles.DISCIPLINE_OFFICER);
    }

    public boolean visible(AccountabilityCase c) {
        return handling(c) || access.oversees(c.competentRegionCode);
    }

    /** The day the case's last step was taken, where the case's dates are counted. */
    private LocalDate previousStepDate(AccountabilityCase c) {
        CaseStep last = CaseStep.<CaseStep>find("caseId = ?1 order by at desc, id desc", c.id).firstResult();
        if (last != null) {
            return last.at.atZoneSameInstant(rules.zone()).toLocalDate();
        }
        return c.openedAt == null ? null : c.openedAt.atZoneSameInstant(rules.zone()).toLocalDate();
    }

    private static Map<String, Object> details(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
