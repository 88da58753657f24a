package cn.dcjk.accountability.referral;

import cn.dcjk.accountability.access.Access;
import cn.dcjk.accountability.directory.Directory;
import cn.dcjk.accountability.directory.FindingInfo;
import cn.dcjk.accountability.directory.InspectionInfo;
import cn.dcjk.common.unit.RegionCode;
import cn.dcjk.common.directory.UnitInfo;
import cn.dcjk.accountability.backtracing.BacktracingService;
import cn.dcjk.accountability.rules.AccountabilityRules;
import cn.dcjk.accountability.rules.LawfulRoute;
import cn.dcjk.accountability.rules.NoBlameShifting;
import cn.dcjk.accountability.rules.NoDirectDemand;
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

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Referrals (articles 25, 27): a team refers to its own dispatching unit only; that unit closes
 * the referral or transfers it to the body competent for the cadre. The transfer is the only way
 * a referral reaches such a body.
 */
@ApplicationScoped
public class ReferralService {

    public static final String AUDIT_TYPE = "referral";
    static final String[] DISPATCHING_ROLES = {Roles.OFFICE_REVIEWER, Roles.COMMITTEE_APPROVER};

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

    /** What a referral would meet: blocking rules refuse (422), warnings come back; nothing is written. */
    public record Evaluation(String dispatching, UnitInfo dispatchingUnit, List<Finding> warnings) {
    }

    public Evaluation evaluate(ReferralInput in) {
        String dispatching = caller.dispatchingUnit().orElseThrow(() -> Problems.forbidden(
                "访问令牌未载明督查检查考核组的派出单位（dispatching_unit_code）",
                "The access token names no dispatching unit (dispatching_unit_code)"));
        // The rules first: a refused route is refused whatever the other services say.
        List<Finding> findings = new ArrayList<>(rules.noDirectDemand().judge(new NoDirectDemand.Context(in.kind())));
        findings.addAll(rules.lawfulRoute().judge(new LawfulRoute.Referral(dispatching, in.recipientUnitCode())));
        if (!Verdict.of(findings).allows()) {
            backtracing.registerRefusal(dispatching, in.recipientUnitCode(), findings, Map.of(
                    "inspectionId", in.inspectionId(), "findingId", in.findingId(), "kind", in.kind().name(),
                    "recipientUnitCode", String.valueOf(in.recipientUnitCode())));
            throw new cn.dcjk.common.rule.RuleRefusedException(findings);
        }

        InspectionInfo inspection = directory.inspection(in.inspectionId())
                .orElseThrow(() -> Problems.invalid("inspectionId", "no such inspection " + in.inspectionId()));
        if (!dispatching.equals(inspection.dispatchingUnitCode())) {
            throw Problems.invalid("inspectionId", "not an inspection of your dispatching unit " + dispatching);
        }
        FindingInfo finding = directory.finding(in.findingId())
                .orElseThrow(() -> Problems.invalid("findingId", "no such finding " + in.findingId()));
        if (!Objects.equals(finding.inspectionId(), in.inspectionId())) {
            throw Problems.invalid("findingId", "the finding belongs to another inspection");
        }
        UnitInfo dispatchingUnit = directory.existingUnit(dispatching, "recipientUnitCode");
        List<UnitInfo> subjectUnits = subjectUnits(in.subjects());
        for (int i = 0; i < subjectUnits.size(); i++) {
            // Article 25 speaks of cadres of a lower level than the team's dispatching authority.
            if (!RegionCode.strictlyInside(subjectUnits.get(i).regionCode(), dispatchingUnit.regionCode())) {
                throw Problems.invalid("subjects[" + i + "].unitCode",
                        "not of a lower level than the dispatching unit " + dispatching);
            }
        }
        return new Evaluation(dispatching, dispatchingUnit,
                rules.noBlameShifting().judge(new NoBlameShifting.Context(finding.responsibleSide(), dispatchingUnit,
                        subjectUnits)));
    }

    @Transactional
    public Referral create(ReferralInput in) {
        Evaluation e = evaluate(in);
        String dispatching = e.dispatching();
        UnitInfo dispatchingUnit = e.dispatchingUnit();
        Referral r = new Referral();
        r.kind = in.kind();
        r.status = ReferralStatus.SUBMITTED;
        r.recipientUnitCode = in.recipientUnitCode();
        r.dispatchingUnitCode = dispatching;
        r.dispatchingRegionCode = dispatchingUnit.regionCode();
        r.inspectionId = in.inspectionId();
        r.findingId = in.findingId();
        r.problem = in.problem().trim();
        r.subjects = List.copyOf(in.subjects());
        r.warnings = e.warnings();
        r.createdBy = caller.name();
        r.createdAt = OffsetDateTime.now();
        r.persist();
        // The trail is read by auditors: it keeps the subjects' units, not their names.
        audit.created(AUDIT_TYPE, r.id, ReferralView.of(r, false));
        return r;
    }

    /** A referral the caller may see, else 404 (its existence stays hidden). */
    @Transactional
    public Referral get(long id) {
        Referral r = Referral.findById(id);
        if (r == null || !visible(r)) {
            throw Problems.notFound("referral", id);
        }
        return r;
    }

    @Transactional
    public Referral transfer(long id, TransferInput in, String ifMatch) {
        Referral r = lockForDispatchingUnit(id, ifMatch);
        UnitInfo body = directory.existingUnit(in.competentUnitCode(), "competentUnitCode");
        Verdict.of(rules.lawfulRoute().judge(new LawfulRoute.HandOn(body, subjectUnits(r.subjects)))).orRefuse();
        Map<String, Object> before = audit.snapshot(ReferralView.of(r, false));
        r.status = ReferralStatus.TRANSFERRED;
        r.competentUnitCode = body.code();
        r.transferLegalBasis = in.legalBasis().trim();
        r.transferReasons = in.reasons();
        r.transferredBy = caller.name();
        r.transferredAt = OffsetDateTime.now();
        Referral.flush();
        audit.record(AUDIT_TYPE, r.id, "TRANSFER", before, ReferralView.of(r, false));
        return r;
    }

    @Transactional
    public Referral close(long id, CloseInput in, String ifMatch) {
        Referral r = lockForDispatchingUnit(id, ifMatch);
        Map<String, Object> before = audit.snapshot(ReferralView.of(r, false));
        r.status = ReferralStatus.CLOSED;
        r.closeReasons = in.reasons().trim();
        r.closedBy = caller.name();
        r.closedAt = OffsetDateTime.now();
        Referral.flush();
        audit.record(AUDIT_TYPE, r.id, "CLOSE", before, ReferralView.of(r, false));
        return r;
    }

    @Transactional
    public Page<ReferralView> list(ReferralStatus status, int page, int size) {
        List<String> or = new ArrayList<>();
        Parameters p = new Parameters();
        caller.dispatchingUnit().filter(d -> caller.has(Roles.INSPECTION_TEAM)).ifPresent(d -> {
            or.add("dispatchingUnitCode = :dispatching");
            p.and("dispatching", d);
        });
        caller.unit().ifPresent(u -> {
            if (caller.hasAny(DISPATCHING_ROLES)) {
                or.add("recipientUnitCode = :unit");
                p.and("unit", u);
            }
            if (caller.has(Roles.DISCIPLINE_OFFICER)) {
                or.add("competentUnitCode = :competent");
                p.and("competent", u);
            }
        });
        if (access.overseer()) {
            access.callerRegion().ifPresent(region -> {
                or.add("dispatchingRegionCode like :region");
                p.and("region", RegionCode.prefix(region) + "%");
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
        var query = Referral.find(q, Sort.by("id").descending(), p);
        List<ReferralView> items = query.page(page, size).<Referral>list().stream()
                .map(r -> ReferralView.of(r, handling(r))).toList();
        return new Page<>(items, page, size, query.count());
    }

    /** Those handling the matter: the referring team, the dispatching unit, the competent body. */
    public boolean handling(Referral r) {
        boolean team = caller.has(Roles.INSPECTION_TEAM)
                && caller.dispatchingUnit().map(r.dispatchingUnitCode::equals).orElse(false);
        return team || access.actsFor(r.recipientUnitCode, DISPATCHING_ROLES)
                || access.actsFor(r.competentUnitCode, Roles.DISCIPLINE_OFFICER);
    }

    public boolean visible(Referral r) {
        return handling(r) || access.oversees(r.dispatchingRegionCode);
    }

    private Referral lockForDispatchingUnit(long id, String ifMatch) {
        Referral r = Referral.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null || !visible(r)) {
            throw Problems.notFound("referral", id);
        }
        if (!access.actsFor(r.recipientUnitCode, DISPATCHING_ROLES)) {
            throw Problems.forbidden("只有派出单位（" + r.recipientUnitCode + "）的办公室审核人或审批人可以移交或办结",
                    "Only the dispatching unit " + r.recipientUnitCode + " (office reviewer, approver) transfers or "
                            + "closes a referral");
        }
        Versions.check(ifMatch, r.version);
        if (r.status != ReferralStatus.SUBMITTED) {
            throw Problems.conflict("referral-settled", "该移送已" + (r.status == ReferralStatus.CLOSED ? "办结" : "移交"),
                    "The referral is already " + r.status);
        }
        return r;
    }

    private List<UnitInfo> subjectUnits(List<Subject> subjects) {
        List<UnitInfo> units = new ArrayList<>();
        for (int i = 0; i < subjects.size(); i++) {
            units.add(directory.existingUnit(subjects.get(i).unitCode(), "subjects[" + i + "].unitCode"));
        }
        return units;
    }
}
