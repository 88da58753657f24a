package cn.dcjk.accountability.complaint;

import cn.dcjk.accountability.access.Access;
import cn.dcjk.accountability.access.ChannelGuard;
import cn.dcjk.accountability.directory.Directory;
import cn.dcjk.common.channel.AccountabilityWords;
import cn.dcjk.common.directory.UnitInfo;
import cn.dcjk.accountability.rules.AccountabilityRules;
import cn.dcjk.accountability.rules.LawfulRoute;
import cn.dcjk.accountability.rules.ComplaintOutcome;
import cn.dcjk.common.api.Page;
import cn.dcjk.common.data.audit.AuditTrail;
import cn.dcjk.common.data.version.Versions;
import cn.dcjk.common.problem.Problems;
import cn.dcjk.common.rule.Verdict;
import cn.dcjk.common.security.Caller;
import cn.dcjk.common.security.Roles;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Complaint letters (article 31): intake by handlers or citizens (anonymous allowed, followed up
 * with a receipt code), verification, and one of three verified ends, each with its consequence.
 */
@ApplicationScoped
public class ComplaintService {

    public static final String AUDIT_TYPE = "complaint";
    private static final char[] RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

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
    ChannelGuard channel;

    @Transactional
    public ComplaintLetter intake(ComplaintInputs.Intake in) {
        // a team does not send letters to the bodies below it (article 27): the lawful route is its dispatching unit
        channel.check(null, AccountabilityWords.mentioned(in.content()), in.handlerUnitCode(), in.accusedUnitCode());
        boolean handler = !caller.anonymous() && caller.has(Roles.COMPLAINT_HANDLER);
        ComplaintLetter l = new ComplaintLetter();
        if (handler) {
            String unit = caller.unitCode();
            if (in.handlerUnitCode() != null && !in.handlerUnitCode().equals(unit)) {
                throw Problems.forbidden("只能为本单位（" + unit + "）登记举报件",
                        "You register letters for your own unit " + unit + " only");
            }
            l.channel = ComplaintLetter.Channel.HANDLER;
            l.handlerUnitCode = unit;
            if (in.receivedOn() != null && in.receivedOn().isAfter(rules.today())) {
                throw Problems.invalid("receivedOn", "must not be in the future");
            }
            l.receivedOn = in.receivedOn() == null ? rules.today() : in.receivedOn();
        } else {
            if (in.handlerUnitCode() == null) {
                throw Problems.invalid("handlerUnitCode", "name the body the letter is addressed to");
            }
            if (in.receivedOn() != null) {
                throw Problems.invalid("receivedOn", "set by the service for letters sent online");
            }
            l.channel = ComplaintLetter.Channel.PUBLIC;
            l.handlerUnitCode = in.handlerUnitCode();
            l.receivedOn = rules.today();
        }
        if (in.anonymous()) {
            if (in.accuserName() != null || in.accuserContact() != null) {
                throw Problems.invalid("accuserName", "an anonymous letter names no accuser");
            }
        } else if (in.accuserName() == null || in.accuserName().isBlank()) {
            throw Problems.invalid("accuserName", "required unless the letter is anonymous");
        }
        l.anonymous = in.anonymous();
        l.accuserName = in.accuserName();
        l.accuserContact = in.accuserContact();
        l.accusedName = in.accusedName().trim();
        l.accusedUnitCode = in.accusedUnitCode();
        l.accusedPosition = in.accusedPosition();
        l.content = in.content();
        l.status = ComplaintStatus.RECEIVED;
        l.receiptCode = receipt();
        l.createdBy = caller.anonymous() ? "anonymous" : caller.name();
        l.createdAt = OffsetDateTime.now();
        l.updatedAt = l.createdAt;
        l.persist();
        audit.created(AUDIT_TYPE, l.id, Map.of("channel", l.channel.name(), "handlerUnitCode", l.handlerUnitCode,
                "status", l.status.name(), "receivedOn", l.receivedOn.toString()));
        return l;
    }

    @Transactional
    public ComplaintLetter byReceipt(String receipt) {
        return ComplaintLetter.<ComplaintLetter>find("receiptCode", receipt).firstResultOptional()
                .orElseThrow(() -> Problems.notFound("receipt", receipt));
    }

    @Transactional
    public ComplaintLetter get(long id) {
        ComplaintLetter l = ComplaintLetter.findById(id);
        if (l == null || !visible(l)) {
            throw Problems.notFound("complaint", id);
        }
        return l;
    }

    public ComplaintViews.Letter view(ComplaintLetter l) {
        RehabilitationNotice n = RehabilitationNotice.find("complaintId", l.id).firstResult();
        PursuitRecord p = PursuitRecord.find("complaintId", l.id).firstResult();
        return ComplaintViews.Letter.of(l, handler(l), overdue(l), n == null ? null : n.id, p == null ? null : p.id);
    }

    @Transactional
    public Page<ComplaintViews.Letter> list(ComplaintStatus status, boolean overdueOnly, int page, int size) {
        String unit = caller.unitCode();
        StringBuilder q = new StringBuilder();
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("unit", unit);
        List<String> or = new java.util.ArrayList<>();
        if (caller.has(Roles.COMPLAINT_HANDLER)) {
            or.add("handlerUnitCode = :unit");
        }
        if (caller.has(Roles.DISCIPLINE_OFFICER)) {
            // Substantiated letters handed to the caller's body.
            or.add("competentUnitCode = :unit");
        }
        if (or.isEmpty()) {
            return new Page<>(List.of(), page, size, 0);
        }
        q.append("(").append(String.join(" or ", or)).append(")");
        if (overdueOnly) {
            // Open and received more than the limit ago: the index on (status, received_on) serves it.
            q.append(" and status in :open and receivedOn < :limit");
            p.put("open", List.of(ComplaintStatus.RECEIVED, ComplaintStatus.VERIFYING));
            p.put("limit", rules.today().minusDays(rules.overdueDays()));
        } else if (status != null) {
            q.append(" and status = :status");
            p.put("status", status);
        }
        var query = ComplaintLetter.find(q.toString(), Sort.by("receivedOn").and("id"), p);
        List<ComplaintViews.Letter> items = query.page(page, size).<ComplaintLetter>list().stream()
                .map(this::view).toList();
        return new Page<>(items, page, size, query.count());
    }

    @Transactional
    public ComplaintLetter startVerification(long id, ComplaintInputs.Verification in, String ifMatch) {
        ComplaintLetter l = lockForHandler(id, ifMatch);
        if (l.status != ComplaintStatus.RECEIVED) {
            throw Problems.conflict("complaint-state", "举报件已在核实或已办结：" + l.status,
                    "The letter is already " + l.status);
        }
        Map<String, Object> before = audit.snapshot(auditView(l));
        l.status = ComplaintStatus.VERIFYING;
        l.verificationNotes = in == null ? null : in.notes();
        l.updatedAt = OffsetDateTime.now();
        ComplaintLetter.flush();
        audit.record(AUDIT_TYPE, l.id, "VERIFY", before, auditView(l));
        return l;
    }

    @Transactional
    public ComplaintLetter conclude(long id, ComplaintInputs.Conclusion in, String ifMatch) {
        ComplaintLetter l = lockForHandler(id, ifMatch);
        if (!l.status.open()) {
            throw Problems.conflict("complaint-state", "举报件已办结：" + l.status, "The letter is already " + l.status);
        }
        if (in.outcome().open()) {
            throw Problems.invalid("outcome", "one of SUBSTANTIATED, UNFOUNDED, FALSE_ACCUSATION");
        }
        Verdict.of(rules.complaintOutcome().judge(new ComplaintOutcome.Context(l.status, in.outcome(),
                in.competentUnitCode() != null, in.rehabilitation() != null))).orRefuse();
        Map<String, Object> before = audit.snapshot(auditView(l));
        OffsetDateTime now = OffsetDateTime.now();
        if (in.outcome() == ComplaintStatus.SUBSTANTIATED) {
            if (in.legalBasis() == null || in.legalBasis().isBlank()) {
                throw Problems.invalid("legalBasis", "a transfer names its legal basis");
            }
            UnitInfo body = directory.existingUnit(in.competentUnitCode(), "competentUnitCode");
            UnitInfo accused = directory.existingUnit(l.accusedUnitCode, "accusedUnitCode");
            Verdict.of(rules.lawfulRoute().judge(new LawfulRoute.HandOn(body, List.of(accused)))).orRefuse();
            l.competentUnitCode = body.code();
            l.transferLegalBasis = in.legalBasis().trim();
        }
        if (in.rehabilitation() != null && in.outcome() != ComplaintStatus.SUBSTANTIATED) {
            RehabilitationNotice n = new RehabilitationNotice();
            n.complaintId = l.id;
            n.clearedPersonName = l.accusedName;
            n.clearedUnitCode = l.accusedUnitCode;
            n.title = in.rehabilitation().title().trim();
            n.text = in.rehabilitation().text();
            n.published = !in.rehabilitation().declined();
            n.publishedOn = n.published ? rules.today() : null;
            n.issuedByUnitCode = l.handlerUnitCode;
            n.createdAt = now;
            n.persist();
            audit.created("rehabilitation", n.id, ComplaintViews.Notice.of(n));
        }
        if (in.outcome() == ComplaintStatus.FALSE_ACCUSATION && !l.anonymous) {
            PursuitRecord p = new PursuitRecord();
            p.complaintId = l.id;
            p.accuserName = l.accuserName;
            p.accuserContact = l.accuserContact;
            p.reasons = in.reasons();
            p.status = "OPEN";
            p.handlerUnitCode = l.handlerUnitCode;
            p.createdBy = caller.name();
            p.createdAt = now;
            p.persist();
            audit.created("pursuit", p.id, Map.of("complaintId", p.complaintId, "status", p.status,
                    "handlerUnitCode", p.handlerUnitCode));
        }
        l.status = in.outcome();
        l.outcomeReasons = in.reasons();
        l.concludedAt = now;
        l.concludedBy = caller.name();
        l.updatedAt = now;
        ComplaintLetter.flush();
        audit.record(AUDIT_TYPE, l.id, in.outcome().name(), before, auditView(l));
        return l;
    }

    @Transactional
    public ComplaintViews.Pursuit pursuit(long id) {
        ComplaintLetter l = get(id);
        if (!handler(l)) {
            throw Problems.forbidden("追责记录只对举报受理人员开放", "Pursuit records are for complaint handlers only");
        }
        PursuitRecord p = PursuitRecord.<PursuitRecord>find("complaintId", l.id).firstResultOptional()
                .orElseThrow(() -> Problems.notFound("pursuit record of complaint", id));
        return ComplaintViews.Pursuit.of(p);
    }

    @Transactional
    public Page<ComplaintViews.Notice> publishedNotices(int page, int size) {
        var query = RehabilitationNotice.find("published = true", Sort.by("publishedOn").descending()
                .and("id", Sort.Direction.Descending));
        return new Page<>(query.page(page, size).<RehabilitationNotice>list().stream()
                .map(ComplaintViews.Notice::of).toList(), page, size, query.count());
    }

    @Transactional
    public ComplaintViews.Notice publishedNotice(long id) {
        RehabilitationNotice n = RehabilitationNotice.findById(id);
        if (n == null || !n.published) {
            throw Problems.notFound("rehabilitation notice", id);
        }
        return ComplaintViews.Notice.of(n);
    }

    /** What the audit trail keeps of a letter: never the accuser's or the accused's name (auditors read it). */
    private Map<String, Object> auditView(ComplaintLetter l) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("status", l.status.name());
        m.put("handlerUnitCode", l.handlerUnitCode);
        m.put("accusedUnitCode", l.accusedUnitCode);
        m.put("receivedOn", l.receivedOn.toString());
        m.put("verificationNotes", l.verificationNotes);
        m.put("outcomeReasons", l.outcomeReasons);
        m.put("competentUnitCode", l.competentUnitCode);
        m.put("transferLegalBasis", l.transferLegalBasis);
        return m;
    }

    public boolean overdue(ComplaintLetter l) {
        return l.status.open() && ComplaintOutcome.overdue(l.receivedOn, rules.today(), rules.overdueDays());
    }

    /** Complaint handlers of the letter's unit: the only ones who see the accuser. */
    boolean handler(ComplaintLetter l) {
        return access.actsFor(l.handlerUnitCode, Roles.COMPLAINT_HANDLER);
    }

    public boolean visible(ComplaintLetter l) {
        return handler(l) || access.actsFor(l.competentUnitCode, Roles.DISCIPLINE_OFFICER);
    }

    private ComplaintLetter lockForHandler(long id, String ifMatch) {
        ComplaintLetter l = ComplaintLetter.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (l == null || !visible(l)) {
            throw Problems.notFound("complaint", id);
        }
        if (!handler(l)) {
            throw Problems.forbidden("只有受理单位的举报受理人员可以办理", "Only complaint handlers of the receiving unit handle it");
        }
        Versions.check(ifMatch, l.version);
        return l;
    }

    private static String receipt() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                s.append('-');
            }
            s.append(RECEIPT_ALPHABET[RANDOM.nextInt(RECEIPT_ALPHABET.length)]);
        }
        return s.toString();
    }
}
