package cn.dcjk.inspections.finding;

import cn.dcjk.common.api.Page;
import cn.dcjk.common.data.audit.AuditTrail;
import cn.dcjk.common.data.version.Versions;
import cn.dcjk.common.problem.Problems;
import cn.dcjk.inspections.access.Access;
import cn.dcjk.inspections.inspection.Inputs;
import cn.dcjk.inspections.inspection.Inspection;
import cn.dcjk.common.rule.Verdict;
import cn.dcjk.inspections.rules.NoAccountabilityForRectification;
import cn.dcjk.inspections.rules.ProblemLedger;
import cn.dcjk.inspections.rules.Rules;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The rectification ledger (PROBLEM-LEDGER, articles 18, 19): findings are filed with the results,
 * fed back to the inspected unit, answered, rectified with evidence, and verified by the inspecting
 * side, which closes them or sends them back.
 */
@ApplicationScoped
public class FindingLedger {

    public static final String AUDIT_TYPE = "finding";

    @Inject
    Access access;
    @Inject
    AuditTrail audit;
    @Inject
    Rules rules;

    public record Filter(String unit, Long inspection, FindingStatus status, ProblemLedger.Light light) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void file(Inspection i, List<Inputs.NewFinding> findings) {
        for (Inputs.NewFinding in : findings) {
            InspectionFinding f = new InspectionFinding();
            f.inspectionId = i.id;
            f.targetUnitCode = in.targetUnitCode();
            f.problem = in.problem();
            f.evidence = new ArrayList<>(in.evidence());
            f.responsibleSide = in.responsibleSide();
            f.deadline = in.deadline();
            f.status = FindingStatus.FILED;
            f.dispatchingUnitCode = i.dispatchingUnitCode;
            f.organiserUnitCode = i.organiserUnitCode;
            f.organiserRegion = i.organiserRegion;
            f.coOrganiserCodes = i.coOrganiserCodes;
            f.createdAt = OffsetDateTime.now();
            f.persist();
            InspectionFinding.flush();
            audit.created(AUDIT_TYPE, f.id, view(f));
        }
    }

    public FindingView view(InspectionFinding f) {
        return FindingView.of(f, rules.problemLedger().light(f.deadline, LocalDate.now(),
                f.status == FindingStatus.CLOSED));
    }

    private boolean inspectingSide(InspectionFinding f) {
        return access.team(f.dispatchingUnitCode) || access.office(f.organiserUnitCode, f.organiserRegion,
                f.coOrganiserCodes);
    }

    private boolean targetUnit(InspectionFinding f) {
        return access.inspectedUnitCode().map(u -> u.equals(f.targetUnitCode)).orElse(false)
                && f.status != FindingStatus.FILED;
    }

    /** 404 for anyone who may not know of the finding; the target unit only once it was fed back. */
    private InspectionFinding see(long id, boolean lock) {
        InspectionFinding f = lock ? InspectionFinding.findById(id, LockModeType.PESSIMISTIC_WRITE)
                : InspectionFinding.findById(id);
        if (f == null || !(access.reader() || inspectingSide(f) || targetUnit(f))) {
            throw Problems.notFound("finding", id);
        }
        return f;
    }

    /** Whether the caller may know of the finding (as {@link #get}, without the 404). */
    public boolean readable(long id) {
        InspectionFinding f = InspectionFinding.findById(id);
        return f != null && (access.reader() || inspectingSide(f) || targetUnit(f));
    }

    @Transactional
    public FindingView get(long id) {
        return view(see(id, false));
    }

    @Transactional
    public Page<FindingView> list(Filter filter, Cursor after, int page, int size) {
        return query(filter, after, page, size, true);
    }

    /** Lines the CSV export reads at a time. */
    static final int EXPORT_PAGE = 500;

    /**
     * Every finding of the filter the caller may see, in deadline order, read page by page by keyset
     * cursor, each page in a transaction of its own: memory holds one page whatever the ledger's length,
     * and every page starts at its cursor in the (deadline, id) index however deep it lies.
     */
    public void each(Filter filter, Consumer<FindingView> sink) {
        Cursor cursor = null;
        List<FindingView> rows;
        do {
            Cursor from = cursor;
            rows = QuarkusTransaction.requiringNew().call(() -> query(filter, from, 0, EXPORT_PAGE, false).items());
            rows.forEach(sink);
            cursor = rows.isEmpty() ? cursor : Cursor.of(rows.get(rows.size() - 1));
        } while (rows.size() == EXPORT_PAGE);
    }

    /** Where a page ended: the last line's deadline and id; the next page starts after it. */
    public record Cursor(LocalDate deadline, long id) {

        public static Cursor of(FindingView f) {
            return new Cursor(f.deadline(), f.id());
        }

        /** {@code 2027-03-01_4711}. */
        @Override
        public String toString() {
            return deadline + "_" + id;
        }

        public static Cursor parse(String s) {
            int sep = s == null ? -1 : s.indexOf('_');
            try {
                return new Cursor(LocalDate.parse(s.substring(0, sep)), Long.parseLong(s.substring(sep + 1)));
            } catch (RuntimeException e) {
                throw Problems.invalid("after", "a cursor as given in the Link header (deadline_id)");
            }
        }
    }

    private Page<FindingView> query(Filter filter, Cursor after, int page, int size, boolean total) {
        List<String> and = new ArrayList<>();
        Parameters p = new Parameters();
        boolean narrowed = filter.unit() != null && !filter.unit().isBlank() || filter.inspection() != null
                || filter.light() != null;
        if (filter.unit() != null && !filter.unit().isBlank()) {
            and.add("targetUnitCode = :unit");
            p.and("unit", filter.unit());
        }
        if (filter.inspection() != null) {
            and.add("inspectionId = :inspection");
            p.and("inspection", filter.inspection());
        }
        if (filter.status() != null) {
            and.add("status = :status");
            p.and("status", filter.status());
        }
        if (filter.light() != null) {
            LocalDate today = LocalDate.now();
            LocalDate yellowFrom = today.plusDays(rules.problemLedger().yellowDays());
            and.add("status <> :closed");
            p.and("closed", FindingStatus.CLOSED);
            switch (filter.light()) {
                case RED -> {
                    and.add("deadline < :today");
                    p.and("today", today);
                }
                case YELLOW -> {
                    and.add("deadline >= :today and deadline <= :yellow");
                    p.and("today", today).and("yellow", yellowFrom);
                }
                case GREEN -> {
                    and.add("deadline > :yellow");
                    p.and("yellow", yellowFrom);
                }
                default -> throw new IllegalStateException();
            }
        }
        if (!access.reader()) {
            List<String> ors = new ArrayList<>();
            access.teamDispatchingUnit().ifPresent(d -> {
                ors.add("dispatchingUnitCode = :d");
                p.and("d", d);
            });
            access.officeUnit().ifPresent(u -> {
                ors.add("organiserUnitCode = :o or coOrganiserCodes like :ol");
                p.and("o", u).and("ol", "%," + u + ",%");
                access.officeRegion().ifPresent(r -> {
                    ors.add("organiserRegion = :r");
                    p.and("r", r);
                });
            });
            access.inspectedUnitCode().ifPresent(u -> {
                ors.add("targetUnitCode = :own and status <> :filed");
                p.and("own", u).and("filed", FindingStatus.FILED);
            });
            if (ors.isEmpty()) {
                return new Page<>(List.of(), page, size, 0);
            }
            and.add(ors.stream().map(s -> "(" + s + ")").collect(Collectors.joining(" or ")));
        }
        String counted = and.isEmpty() ? "1 = 1" : and.stream().map(s -> "(" + s + ")").collect(Collectors.joining(" and "));
        List<String> paged = new ArrayList<>(and);
        if (after != null) {
            // keyset: straight to the cursor by the (deadline, id) index, however deep the page
            // (the first clause gives the index a start; the OR alone would be a filter over every line before it)
            paged.add("deadline >= :afterDeadline");
            paged.add("deadline > :afterDeadline or id > :afterId");
        }
        String q = paged.isEmpty() ? "1 = 1" : paged.stream().map(s -> "(" + s + ")").collect(Collectors.joining(" and "));
        Parameters pp = new Parameters();
        p.map().forEach(pp::and);
        if (after != null) {
            pp.and("afterDeadline", after.deadline()).and("afterId", after.id());
        }
        var query = InspectionFinding.find(q, Sort.by("deadline").and("id"), pp);
        List<FindingView> items = (after != null ? query.range(0, size - 1) : query.page(page, size))
                .<InspectionFinding>list().stream().map(this::view).toList();
        if (!total) {
            return new Page<>(items, page, size, -1);
        }
        // the whole ledger (auditors), or one status of it: the tally (V52) instead of counting a million lines
        long count = access.reader() && !narrowed ? tally(filter.status())
                : InspectionFinding.count(counted, p);
        return new Page<>(items, after != null ? 0 : page, size, count);
    }

    private static long tally(FindingStatus status) {
        var em = InspectionFinding.getEntityManager();
        Object n = status == null
                ? em.createNativeQuery("SELECT coalesce(sum(lines), 0) FROM finding_tally").getSingleResult()
                : em.createNativeQuery("SELECT coalesce(sum(lines), 0) FROM finding_tally WHERE status = ?1")
                        .setParameter(1, status.name()).getSingleResult();
        return ((Number) n).longValue();
    }

    // ---------------------------------------------------------------- the steps

    @Transactional
    public InspectionFinding feedback(long id, String ifMatch, FindingInputs.Feedback in) {
        InspectionFinding f = inspectingSideOnly(id, ifMatch);
        expect(f, EnumSet.of(FindingStatus.FILED), "already-fed-back", "问题已反馈", "The finding was fed back already");
        Map<String, Object> before = audit.snapshot(view(f));
        f.status = FindingStatus.FED_BACK;
        f.fedBackAt = OffsetDateTime.now();
        return done(f, "FED_BACK", before);
    }

    @Transactional
    public InspectionFinding answer(long id, String ifMatch, FindingInputs.Answer in) {
        InspectionFinding f = targetUnitOnly(id, ifMatch);
        expect(f, EnumSet.of(FindingStatus.FED_BACK, FindingStatus.ANSWERED, FindingStatus.SENT_BACK),
                "not-answerable", "当前状态不能答复", "The finding cannot be answered in its state");
        Map<String, Object> before = audit.snapshot(view(f));
        f.answer = in.answer();
        f.status = FindingStatus.ANSWERED;
        return done(f, "ANSWERED", before);
    }

    @Transactional
    public InspectionFinding rectify(long id, String ifMatch, FindingInputs.Rectification in) {
        InspectionFinding f = targetUnitOnly(id, ifMatch);
        expect(f, EnumSet.of(FindingStatus.FED_BACK, FindingStatus.ANSWERED, FindingStatus.SENT_BACK),
                "not-rectifiable", "当前状态不能报送整改", "Rectification cannot be reported in this state");
        Map<String, Object> before = audit.snapshot(view(f));
        List<InspectionFinding.Step> steps = new ArrayList<>(f.rectifications);
        steps.add(new InspectionFinding.Step(in.description(), in.evidence(), null, access.name(),
                OffsetDateTime.now()));
        f.rectifications = steps;
        f.status = FindingStatus.RECTIFICATION_REPORTED;
        return done(f, "RECTIFICATION_REPORTED", before);
    }

    @Transactional
    public InspectionFinding verify(long id, String ifMatch, FindingInputs.Verification in) {
        InspectionFinding f = inspectingSideOnly(id, ifMatch);
        expect(f, EnumSet.of(FindingStatus.RECTIFICATION_REPORTED), "nothing-to-verify", "尚无待核验的整改报告",
                "No rectification report awaits verification");
        InspectionFinding.Step report = f.rectifications.isEmpty() ? null
                : f.rectifications.get(f.rectifications.size() - 1);
        Verdict.of(rules.noAccountabilityForRectification().judge(new NoAccountabilityForRectification.Context(
                in.outcome() == FindingInputs.Outcome.CLOSE, report == null ? List.of() : report.evidence())))
                .orRefuse();
        Map<String, Object> before = audit.snapshot(view(f));
        List<InspectionFinding.Step> steps = new ArrayList<>(f.verifications);
        steps.add(new InspectionFinding.Step(in.comment(), List.of(), in.outcome().name(), access.name(),
                OffsetDateTime.now()));
        f.verifications = steps;
        f.status = in.outcome() == FindingInputs.Outcome.CLOSE ? FindingStatus.CLOSED : FindingStatus.SENT_BACK;
        return done(f, f.status.name(), before);
    }

    private InspectionFinding inspectingSideOnly(long id, String ifMatch) {
        InspectionFinding f = see(id, true);
        if (!inspectingSide(f)) {
            throw Problems.forbidden("只有检查方（检查组或主办方办公厅（室））可以办理",
                    "Only the inspecting side (team or organiser's office) may do this");
        }
        Versions.check(ifMatch, f.version);
        return f;
    }

    private InspectionFinding targetUnitOnly(long id, String ifMatch) {
        InspectionFinding f = see(id, true);
        if (!targetUnit(f)) {
            throw Problems.forbidden("只有被检查单位可以办理", "Only the inspected unit may do this");
        }
        Versions.check(ifMatch, f.version);
        return f;
    }

    private static void expect(InspectionFinding f, Set<FindingStatus> allowed, String slug, String zh, String en) {
        if (!allowed.contains(f.status)) {
            throw Problems.conflict(slug, zh + "（当前：" + f.status + "）", en + " (now " + f.status + ")");
        }
    }

    private InspectionFinding done(InspectionFinding f, String action, Map<String, Object> before) {
        InspectionFinding.flush();
        audit.record(AUDIT_TYPE, f.id, action, before, view(f));
        return f;
    }

    public Optional<InspectionFinding> find(long id) {
        return InspectionFinding.findByIdOptional(id);
    }
}
