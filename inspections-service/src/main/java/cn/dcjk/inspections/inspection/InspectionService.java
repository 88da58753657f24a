package cn.dcjk.inspections.inspection;

import cn.dcjk.common.api.Page;
import cn.dcjk.common.data.audit.AuditTrail;
import cn.dcjk.common.data.version.Versions;
import cn.dcjk.common.problem.Problems;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.RuleRefusedException;
import cn.dcjk.common.rule.Verdict;
import cn.dcjk.inspections.access.Access;
import cn.dcjk.inspections.backtracing.BacktracingRegister;
import cn.dcjk.inspections.finding.FindingLedger;
import cn.dcjk.inspections.plans.Approval;
import cn.dcjk.inspections.plans.PlansDirectory;
import cn.dcjk.inspections.rules.ApprovedItemOnly;
import cn.dcjk.inspections.rules.FullProcessRecord;
import cn.dcjk.inspections.rules.OnSiteAsApproved;
import cn.dcjk.inspections.rules.Rules;
import cn.dcjk.inspections.rules.SampleAtMostThird;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Field work of one approved item (article 12): the scheme opens it, the sample is drawn, the
 * itinerary precedes each visit, visits carry their reception record and burden counts, the
 * results close the field phase. Every write is audited; every read is checked on the object.
 */
@ApplicationScoped
public class InspectionService {

    public static final String AUDIT_TYPE = "inspection";
    public static final String ALGORITHM = "sorted population; java.util.Random(seed); partial Fisher-Yates "
            + "(for i in 0..size-1 swap i with i+nextInt(n-i)); first size units";

    @Inject
    PlansDirectory plans;
    @Inject
    Rules rules;
    @Inject
    Access access;
    @Inject
    AuditTrail audit;
    @Inject
    BacktracingRegister backtracing;
    @Inject
    FindingLedger ledger;
    @Inject
    EntityManager em;
    @ConfigProperty(name = "dcjk.ratings.min-count", defaultValue = "3")
    int minRatings;

    private final SecureRandom seeds = new SecureRandom();

    /** An inspection as the caller may see it: whole, or only what concerns the caller's unit. */
    public record Seen(Inspection inspection, boolean full, String unit) {
    }

    // ---------------------------------------------------------------- access

    /** 404 when the caller may not know the inspection exists (UNANNOUNCED included). */
    public Seen see(long id, boolean lock) {
        Inspection i = lock ? Inspection.findById(id, LockModeType.PESSIMISTIC_WRITE) : Inspection.findById(id);
        if (i == null) {
            throw Problems.notFound("inspection", id);
        }
        if (access.reader() || access.team(i.dispatchingUnitCode)
                || access.office(i.organiserUnitCode, i.organiserRegion, i.coOrganiserCodes)) {
            return new Seen(i, true, null);
        }
        Optional<String> unit = access.inspectedUnitCode();
        if (unit.isPresent()) {
            Optional<InspectionTarget> t = InspectionTarget.of(id, unit.get());
            if (t.isPresent() && rules.unannounced().visibleToInspectedUnit(i.unannounced,
                    t.get().visitStartedAt != null)) {
                return new Seen(i, false, unit.get());
            }
        }
        throw Problems.notFound("inspection", id);
    }

    /** The team's own inspection; others who may see it get 403, the rest 404. */
    private Inspection forTeam(long id, boolean lock) {
        Seen s = see(id, lock);
        if (!access.team(s.inspection().dispatchingUnitCode)) {
            throw Problems.forbidden("只有本检查组（派出单位一致的组员）可以办理",
                    "Only members of this inspection's team may do this");
        }
        return s.inspection();
    }

    // ---------------------------------------------------------------- before: the scheme

    @Transactional
    public Inspection open(Inputs.Scheme in) {
        String dispatching = access.teamDispatchingUnit().orElseThrow(() -> Problems.forbidden(
                "访问令牌未载明派出单位（dispatching_unit_code）", "The token names no dispatching unit"));
        if (in.endDate().isBefore(in.startDate())) {
            throw Problems.invalid("endDate", "must not be before startDate");
        }
        List<String> population = in.population().stream().map(String::trim).distinct().sorted().toList();
        Optional<Approval> answer = plans.approval(in.approvalCode().trim());
        Verdict.of(rules.approvedItemOnly().judge(new ApprovedItemOnly.Context(in.approvalCode(), answer, dispatching,
                in.startDate(), in.endDate(), population, today()))).orRefuse();
        Approval a = answer.orElseThrow();
        Inspection i = new Inspection();
        i.itemId = a.itemId() == null ? 0 : a.itemId();
        i.approvalCode = a.code();
        i.title = in.title() == null || in.title().isBlank() ? a.title() : in.title();
        if (i.title == null) {
            i.title = a.code();
        }
        i.organiserUnitCode = a.organiserUnitCode();
        i.organiserRegion = plans.unit(a.organiserUnitCode()).map(u -> u.regionCode()).orElse(null);
        i.coOrganiserCodes = "," + String.join(",", a.coOrganisers()) + (a.coOrganisers().isEmpty() ? "" : ",");
        i.dispatchingUnitCode = dispatching;
        i.status = InspectionStatus.SCHEME_FILED;
        i.unannounced = in.unannounced();
        i.provincialComprehensive = a.provincialComprehensive();
        i.periodStart = a.periodStart();
        i.periodEnd = a.periodEnd();
        i.startsOn = in.startDate();
        i.endsOn = in.endDate();
        i.team = new Records.Team(new Records.Member(in.leader().name(), in.leader().rank()),
                in.members() == null ? List.of()
                        : in.members().stream().map(m -> new Records.Member(m.name(), m.rank())).toList());
        i.population = population;
        i.samplingRequired = a.sampling() != null;
        i.approvedOnSite = a.onSite();
        i.approvedConstructionSiteVisits = a.constructionSiteVisits();
        i.exceptionGranted = a.sampling() != null && a.sampling().exceptionGranted();
        i.approvedSampleMax = i.exceptionGranted ? a.sampling().sampleSize() : null;
        i.createdAt = OffsetDateTime.now();
        i.createdBy = access.name();
        i.step(InspectionStatus.SCHEME_FILED.name(), access.name());
        i.persist();
        for (String unit : population) {
            InspectionTarget t = new InspectionTarget();
            t.inspectionId = i.id;
            t.unitCode = unit;
            t.persist();
        }
        Inspection.flush();
        audit.created(AUDIT_TYPE, i.id, Views.InspectionView.full(i));
        return i;
    }

    @Transactional
    public Page<Views.InspectionView> list(int page, int size) {
        StringBuilder q = new StringBuilder();
        Parameters p = new Parameters();
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
                ors.add("id in (select t.inspectionId from InspectionTarget t where t.unitCode = :u "
                        + "and (t.visitStartedAt is not null or t.inspectionId in "
                        + "(select x.id from Inspection x where x.unannounced = false)))");
                p.and("u", u);
            });
            if (ors.isEmpty()) {
                return new Page<>(List.of(), page, size, 0);
            }
            q.append(ors.stream().map(s -> "(" + s + ")").collect(Collectors.joining(" or ")));
        } else {
            q.append("1 = 1");
        }
        var query = Inspection.find(q.toString(), Sort.descending("id"), p);
        List<Views.InspectionView> items = query.page(page, size).<Inspection>list().stream().map(this::view).toList();
        return new Page<>(items, page, size, query.count());
    }

    /** The view the caller may have of an inspection it can see. */
    public Views.InspectionView view(Inspection i) {
        if (access.reader() || access.team(i.dispatchingUnitCode)
                || access.office(i.organiserUnitCode, i.organiserRegion, i.coOrganiserCodes)) {
            return Views.InspectionView.full(i);
        }
        return Views.InspectionView.forUnit(i, access.inspectedUnitCode().orElseThrow());
    }

    @Transactional
    public Views.InspectionView get(long id) {
        Seen s = see(id, false);
        return s.full() ? Views.InspectionView.full(s.inspection())
                : Views.InspectionView.forUnit(s.inspection(), s.unit());
    }

    // ---------------------------------------------------------------- sampling (article 10)

    /** The draw anyone can repeat: sorted population, Random(seed), partial Fisher–Yates. */
    public static List<String> draw(List<String> population, long seed, int size) {
        List<String> units = new ArrayList<>(population.stream().distinct().sorted().toList());
        Random random = new Random(seed);
        int n = units.size();
        for (int k = 0; k < size; k++) {
            Collections.swap(units, k, k + random.nextInt(n - k));
        }
        return List.copyOf(units.subList(0, size));
    }

    @Transactional
    public Views.SampleView sample(long id, Inputs.Sample in) {
        Inspection i = forTeam(id, true);
        if (i.status != InspectionStatus.SCHEME_FILED && i.status != InspectionStatus.IN_PROGRESS) {
            throw Problems.conflict("inspection-not-open", "检查已报结果，不能再抽样",
                    "The results are filed; no more sampling");
        }
        if (Visit.count("inspectionId", id) > 0) {
            throw Problems.conflict("sample-fixed", "已开始实地检查，样本不能再变",
                    "Visits have started; the sample can no longer change");
        }
        if (i.sample != null && (in.reason() == null || in.reason().isBlank())) {
            throw Problems.invalid("reason", "a redraw needs its reason");
        }
        int n = i.population.size();
        if (in.size() > n) {
            throw Problems.invalid("size", "at most the population (" + n + ")");
        }
        List<Finding> findings = rules.sampleAtMostThird().judge(new SampleAtMostThird.Context(n, in.size(),
                i.exceptionGranted, i.approvedSampleMax));
        Verdict.of(findings).orRefuse();
        Map<String, Object> before = audit.snapshot(Views.InspectionView.full(i));
        long seed = in.seed() != null ? in.seed() : seeds.nextLong();
        List<String> units = draw(i.population, seed, in.size());
        boolean redraw = i.sample != null;
        Records.SampleDraw d = new Records.SampleDraw(seed, in.size(), n, units, ALGORITHM,
                in.reason(), findings.isEmpty() ? null : Boolean.TRUE, access.name(), OffsetDateTime.now());
        i.sample = d;
        List<Records.SampleDraw> draws = new ArrayList<>(i.sampleDraws);
        draws.add(d);
        i.sampleDraws = draws;
        InspectionTarget.update("sampled = false where inspectionId = ?1", id);
        InspectionTarget.update("sampled = true where inspectionId = ?1 and unitCode in ?2", id, units);
        i.step(redraw ? "SAMPLE_REDRAWN" : "SAMPLE_DRAWN", access.name());
        Inspection.flush();
        audit.record(AUDIT_TYPE, id, redraw ? "SAMPLE_REDRAWN" : "SAMPLE_DRAWN", before,
                Views.InspectionView.full(i));
        return sampleView(i, findings);
    }

    @Transactional
    public Views.SampleView getSample(long id) {
        Seen s = see(id, false);
        if (!s.full()) {
            throw Problems.forbidden("抽样记录只向检查组、主办方办公厅（室）和审计人员公开",
                    "The sampling record is for the team, the organiser's office and auditors");
        }
        return sampleView(s.inspection(), s.inspection().sample == null || s.inspection().sample.exceptionGranted() == null
                ? List.of() : rules.sampleAtMostThird().judge(new SampleAtMostThird.Context(
                        s.inspection().population.size(), s.inspection().sample.size(),
                        s.inspection().exceptionGranted, s.inspection().approvedSampleMax)));
    }

    private Views.SampleView sampleView(Inspection i, List<Finding> findings) {
        return new Views.SampleView(i.id, i.population.size(), i.population,
                rules.sampleAtMostThird().max(i.population.size()), i.sample, i.sampleDraws, findings);
    }

    /**
     * Field work as approved (ON-SITE-AS-APPROVED): an item approved as not on-site gets none; only
     * sampled units receive visits (an item that does not sample visits its declared targets);
     * construction-site entries stay within the approved number. A refusal is registered for
     * back-tracing (article 32) in its own transaction, since the refused write is not made.
     */
    private void requireVisitable(Inspection i, String unit, SiteType siteType) {
        InspectionTarget t = InspectionTarget.of(i.id, unit).orElseThrow(() -> Problems.invalid("unitCode",
                "not a target of this inspection"));
        long constructionSites = siteType == SiteType.CONSTRUCTION_SITE
                ? ItineraryEntry.count("inspectionId = ?1 and siteType = ?2", i.id, SiteType.CONSTRUCTION_SITE) : 0;
        List<Finding> refusal = rules.onSiteAsApproved().judge(new OnSiteAsApproved.Context(unit, i.approvedOnSite,
                i.sample != null, t.sampled, siteType, i.approvedConstructionSiteVisits, constructionSites));
        if (!refusal.isEmpty()) {
            registerOutsideApproval(i, unit, siteType, refusal);
            throw new RuleRefusedException(refusal);
        }
        if (i.sample == null && i.samplingRequired) {
            throw Problems.conflict("sample-not-drawn", "请先由系统抽取样本",
                    "Draw the sample first: the item is approved as a sampled one");
        }
    }

    private void registerOutsideApproval(Inspection i, String unit, SiteType siteType, List<Finding> refusal) {
        String actor = access.name();
        QuarkusTransaction.requiringNew().run(() -> {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("inspectionId", i.id);
            evidence.put("approvalCode", i.approvalCode);
            evidence.put("unitCode", unit);
            evidence.put("siteType", siteType == null ? null : siteType.name());
            evidence.put("actor", actor);
            evidence.put("findings", refusal);
            String eventId = backtracing.register(BacktracingRegister.Kind.FIELD_WORK_OUTSIDE_APPROVAL,
                    i.dispatchingUnitCode, unit, "检查组超出批准范围开展实地检查（检查 " + i.id + "，单位 " + unit + "）",
                    evidence);
            Map<String, Object> fact = new LinkedHashMap<>(evidence);
            fact.put("rule", refusal.get(0).rule());
            fact.put("backtracingEventId", eventId);
            audit.record(AUDIT_TYPE, i.id, "FIELD_WORK_REFUSED", Map.of(), fact);
        });
    }

    // ---------------------------------------------------------------- during: itinerary and visits

    @Transactional
    public ItineraryEntry fileItinerary(long id, Inputs.Itinerary in) {
        Inspection i = forTeam(id, false);
        if (i.status != InspectionStatus.SCHEME_FILED && i.status != InspectionStatus.IN_PROGRESS) {
            throw Problems.conflict("inspection-not-open", "检查已报结果，不能再报行程",
                    "The results are filed; no more itinerary");
        }
        if (in.date().isBefore(i.startsOn) || in.date().isAfter(i.endsOn)) {
            throw Problems.invalid("date", "within the scheme's dates " + i.startsOn + ".." + i.endsOn);
        }
        requireVisitable(i, in.unitCode(), in.siteType());
        ItineraryEntry e = new ItineraryEntry();
        e.inspectionId = id;
        e.unitCode = in.unitCode();
        e.visitDate = in.date();
        e.siteType = in.siteType();
        e.necessity = in.necessity();
        e.createdAt = OffsetDateTime.now();
        e.createdBy = access.name();
        e.persist();
        ItineraryEntry.flush();
        audit.created("itinerary-entry", e.id, Views.ItineraryView.of(e));
        return e;
    }

    @Transactional
    public List<Views.ItineraryView> itinerary(long id) {
        Seen s = see(id, false);
        List<ItineraryEntry> entries = s.full()
                ? ItineraryEntry.list("inspectionId", Sort.by("visitDate").and("id"), id)
                : ItineraryEntry.list("inspectionId = ?1 and unitCode = ?2", Sort.by("visitDate").and("id"), id,
                        s.unit());
        return entries.stream().map(Views.ItineraryView::of).toList();
    }

    /** Starts a visit; without a filed itinerary it is refused and the attempt is registered for back-tracing. */
    @Transactional
    public Views.VisitView startVisit(long id, Inputs.VisitStart in) {
        Inspection i = forTeam(id, true);
        if (i.status != InspectionStatus.SCHEME_FILED && i.status != InspectionStatus.IN_PROGRESS) {
            throw Problems.conflict("inspection-not-open", "检查已报结果，不能再开展实地检查",
                    "The results are filed; no more visits");
        }
        ItineraryEntry e = in.itineraryEntryId() == null ? null : ItineraryEntry.findById(in.itineraryEntryId());
        boolean filed = e != null && e.inspectionId == id && e.unitCode.equals(in.unitCode());
        List<Finding> refusal = rules.fullProcessRecord().judge(
                new FullProcessRecord.Context(filed, in.unitCode(), in.itineraryEntryId()));
        if (!refusal.isEmpty()) {
            registerRefusedVisit(i, in, refusal);
            throw new RuleRefusedException(refusal);
        }
        if (Visit.count("itineraryEntryId", e.id) > 0) {
            throw Problems.conflict("itinerary-used", "该行程已开展过实地检查，请另报行程",
                    "This itinerary entry was visited already; file another");
        }
        requireVisitable(i, in.unitCode(), null);
        Map<String, Object> before = audit.snapshot(Views.InspectionView.full(i));
        Visit v = new Visit();
        v.inspectionId = id;
        v.itineraryEntryId = e.id;
        v.unitCode = e.unitCode;
        v.visitDate = e.visitDate;
        v.month = e.visitDate.toString().substring(0, 7);
        v.startedAt = OffsetDateTime.now();
        v.startedBy = access.name();
        v.burden(in.burden() == null ? new Burden(0, 0, 0, 0, 0, 0) : in.burden());
        v.persist();
        InspectionTarget t = InspectionTarget.of(id, v.unitCode).orElseThrow();
        if (t.visitStartedAt == null) {
            t.visitStartedAt = v.startedAt;
        }
        if (in.reception() != null) {
            applyReception(i, v, in.reception());
        }
        if (i.status == InspectionStatus.SCHEME_FILED) {
            i.status = InspectionStatus.IN_PROGRESS;
            i.step(InspectionStatus.IN_PROGRESS.name(), access.name());
        }
        i.step("VISIT_STARTED", access.name());
        Visit.flush();
        audit.record(AUDIT_TYPE, id, "VISIT_STARTED", before, Views.InspectionView.full(i));
        audit.created("visit", v.id, visitView(v));
        return visitView(v);
    }

    /** The refused attempt is a fact of its own: it is registered even though the visit is not written. */
    private void registerRefusedVisit(Inspection i, Inputs.VisitStart in, List<Finding> refusal) {
        String actor = access.name();
        QuarkusTransaction.requiringNew().run(() -> {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("inspectionId", i.id);
            evidence.put("approvalCode", i.approvalCode);
            evidence.put("unitCode", in.unitCode());
            evidence.put("itineraryEntryId", in.itineraryEntryId());
            evidence.put("actor", actor);
            String eventId = backtracing.register(BacktracingRegister.Kind.VISIT_WITHOUT_ITINERARY,
                    i.dispatchingUnitCode, in.unitCode(),
                    "检查组未报行程即要求对 " + in.unitCode() + " 开展实地检查（检查 " + i.id + "）", evidence);
            Map<String, Object> fact = new LinkedHashMap<>(evidence);
            fact.put("rule", refusal.get(0).rule());
            fact.put("backtracingEventId", eventId);
            audit.record(AUDIT_TYPE, i.id, "VISIT_REFUSED", Map.of(), fact);
        });
    }

    private void applyReception(Inspection i, Visit v, Reception r) {
        v.reception = r;
        List<Finding> findings = rules.receptionBurden().judge(r);
        v.receptionFindings = new ArrayList<>(findings);
        List<Finding> blocking = findings.stream().filter(Finding::blocks).toList();
        String signature = blocking.isEmpty() ? null : blocking.stream()
                .map(f -> String.valueOf(f.facts().get("violation"))).sorted().collect(Collectors.joining(","));
        if (signature != null && !signature.equals(v.reportedViolations)) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("inspectionId", i.id);
            evidence.put("visitId", v.id);
            evidence.put("approvalCode", i.approvalCode);
            evidence.put("reception", r);
            evidence.put("findings", blocking);
            backtracing.register(BacktracingRegister.Kind.RECEPTION_VIOLATION, i.dispatchingUnitCode, v.unitCode,
                    "实地检查接待违反第二十三条：" + signature + "（检查 " + i.id + "，走访 " + v.id + "）", evidence);
        }
        v.reportedViolations = signature;
    }

    /** The reception record and burden counts of a visit, updated with If-Match. */
    @Transactional
    public Visit updateVisit(long id, long visitId, String ifMatch, Inputs.VisitUpdate in) {
        Inspection i = forTeam(id, false);
        if (i.status == InspectionStatus.CLOSED) {
            throw Problems.conflict("inspection-closed", "检查已结束", "The inspection is closed");
        }
        Visit v = Visit.findById(visitId, LockModeType.PESSIMISTIC_WRITE);
        if (v == null || v.inspectionId != id) {
            throw Problems.notFound("visit", visitId);
        }
        Versions.check(ifMatch, v.version);
        Map<String, Object> before = audit.snapshot(visitView(v));
        if (in.reception() != null) {
            applyReception(i, v, in.reception());
        }
        if (in.burden() != null) {
            v.burden(in.burden());
        }
        Visit.flush();
        audit.record("visit", visitId, "UPDATE", before, visitView(v));
        return v;
    }

    @Transactional
    public Visit visit(long id, long visitId) {
        Seen s = see(id, false);
        Visit v = Visit.findById(visitId);
        if (v == null || v.inspectionId != id || (!s.full() && !v.unitCode.equals(s.unit()))) {
            throw Problems.notFound("visit", visitId);
        }
        return v;
    }

    @Transactional
    public List<Views.VisitView> visits(long id) {
        Seen s = see(id, false);
        List<Visit> list = s.full() ? Visit.list("inspectionId", Sort.by("id"), id)
                : Visit.list("inspectionId = ?1 and unitCode = ?2", Sort.by("id"), id, s.unit());
        return list.stream().map(this::visitView).toList();
    }

    public Views.VisitView visitView(Visit v) {
        boolean violation = v.receptionFindings.stream().anyMatch(Finding::blocks);
        return new Views.VisitView(v.id, v.inspectionId, v.itineraryEntryId, v.unitCode, v.visitDate, v.startedAt,
                v.reception, v.receptionFindings, violation, v.burden(), rules.formBurden().judge(v.burden()),
                VisitRating.count("visitId", v.id) > 0, v.version);
    }

    // ---------------------------------------------------------------- the visited unit speaks

    @Transactional
    public void rate(long id, long visitId, Inputs.Rating in) {
        Seen s = see(id, false);
        Visit v = Visit.findById(visitId);
        String unit = access.inspectedUnitCode().orElse(null);
        if (v == null || v.inspectionId != id || unit == null || !unit.equals(v.unitCode)) {
            throw Problems.notFound("visit", visitId);
        }
        if (VisitRating.count("visitId", visitId) > 0) {
            throw Problems.conflict("already-rated", "该次实地检查已评价", "This visit was rated already");
        }
        VisitRating r = new VisitRating();
        r.visitId = visitId;
        r.inspectionId = s.inspection().id;
        r.score = in.score().shortValue();
        r.comment = in.comment();
        r.burdenFlag = in.burdenFlag();
        r.misconductFlag = in.misconductFlag();
        r.persist();
        // The trail keeps that the visit was rated, not what was said: ratings stay unattributable.
        audit.record("visit", visitId, "RATED", Map.of(), Map.of("rated", true));
    }

    /** Aggregates only, for the organiser's office and auditors; withheld below the minimum count. */
    @Transactional
    public Views.RatingSummary ratings(long id) {
        Inspection i = see(id, false).inspection();
        if (!(access.reader() || access.office(i.organiserUnitCode, i.organiserRegion, i.coOrganiserCodes))) {
            throw Problems.forbidden("评价结果只以汇总形式向主办方办公厅（室）公开",
                    "Ratings are shown to the organiser's office, as aggregates only");
        }
        List<VisitRating> all = VisitRating.list("inspectionId", id);
        long count = all.size();
        if (count < minRatings) {
            return new Views.RatingSummary(id, count, null, Map.of(), 0, 0, List.of(), true, minRatings);
        }
        Map<Integer, Long> distribution = new TreeMap<>();
        for (int k = 1; k <= 5; k++) {
            final int score = k;
            distribution.put(k, all.stream().filter(r -> r.score == score).count());
        }
        double avg = all.stream().mapToInt(r -> r.score).average().orElse(0);
        List<String> comments = all.stream().map(r -> r.comment).filter(c -> c != null && !c.isBlank()).sorted()
                .toList();
        return new Views.RatingSummary(id, count, Math.round(avg * 100) / 100.0, distribution,
                all.stream().filter(r -> r.burdenFlag).count(), all.stream().filter(r -> r.misconductFlag).count(),
                comments, false, minRatings);
    }

    // ---------------------------------------------------------------- after: results and close

    @Transactional
    public Inspection fileResults(long id, String ifMatch, Inputs.Results in) {
        Inspection i = forTeam(id, true);
        Versions.check(ifMatch, i.version);
        if (i.status == InspectionStatus.SCHEME_FILED) {
            throw Problems.conflict("no-visit-yet", "尚未开展实地检查，不能报结果",
                    "No visit has started; results come after the visits");
        }
        if (i.status != InspectionStatus.IN_PROGRESS) {
            throw Problems.conflict("results-already-filed", "结果已报送", "The results were filed already");
        }
        List<String> outcomes = in.outcomes() == null ? List.of() : in.outcomes().stream().map(Inputs.Outcome::unitCode)
                .toList();
        List<String> findings = in.findings() == null ? List.of()
                : in.findings().stream().map(Inputs.NewFinding::targetUnitCode).toList();
        for (String u : outcomes) {
            if (!i.population.contains(u)) {
                throw Problems.invalid("outcomes", "unit " + u + " is not a target of this inspection");
            }
        }
        for (String u : findings) {
            if (!i.population.contains(u)) {
                throw Problems.invalid("findings", "unit " + u + " is not a target of this inspection");
            }
        }
        Map<String, Object> before = audit.snapshot(Views.InspectionView.full(i));
        i.results = new Records.Results(in.summary(), in.outcomes() == null ? List.of()
                : in.outcomes().stream().map(o -> new Records.Outcome(o.unitCode(), o.outcome())).toList(),
                access.name(), OffsetDateTime.now());
        i.status = InspectionStatus.RESULTS_FILED;
        i.step(InspectionStatus.RESULTS_FILED.name(), access.name());
        if (in.findings() != null) {
            ledger.file(i, in.findings());
        }
        Inspection.flush();
        audit.record(AUDIT_TYPE, id, "RESULTS_FILED", before, Views.InspectionView.full(i));
        return i;
    }

    @Transactional
    public Inspection close(long id, String ifMatch) {
        Seen s = see(id, true);
        Inspection i = s.inspection();
        if (!(access.team(i.dispatchingUnitCode)
                || access.office(i.organiserUnitCode, i.organiserRegion, i.coOrganiserCodes))) {
            throw Problems.forbidden("只有检查组或主办方办公厅（室）可以结束检查",
                    "Only the team or the organiser's office may close an inspection");
        }
        Versions.check(ifMatch, i.version);
        if (i.status != InspectionStatus.RESULTS_FILED) {
            throw Problems.conflict("results-not-filed", "须先报送结果才能结束", "File the results before closing");
        }
        Map<String, Object> before = audit.snapshot(Views.InspectionView.full(i));
        i.status = InspectionStatus.CLOSED;
        i.step(InspectionStatus.CLOSED.name(), access.name());
        Inspection.flush();
        audit.record(AUDIT_TYPE, id, "CLOSED", before, Views.InspectionView.full(i));
        return i;
    }

    // ---------------------------------------------------------------- burden totals (articles 14, 22)

    @Transactional
    public List<Views.BurdenTotal> burdenTotals(String unit, String month) {
        StringBuilder sql = new StringBuilder("SELECT v.unit_code, v.month, count(*), sum(v.forms), sum(v.materials), "
                + "sum(v.exams), sum(v.surveys), sum(v.online_votes), sum(v.messaging_groups) FROM visit v "
                + "JOIN inspection i ON i.id = v.inspection_id WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (unit != null && !unit.isBlank()) {
            sql.append(" AND v.unit_code = :unit");
            params.put("unit", unit);
        }
        if (month != null && !month.isBlank()) {
            if (!month.matches("\\d{4}-(0[1-9]|1[0-2])")) {
                throw Problems.invalid("month", "yyyy-MM");
            }
            sql.append(" AND v.month = :month");
            params.put("month", month);
        }
        if (!access.reader()) {
            String office = access.officeUnit().orElseThrow(() -> Problems.forbidden(
                    "负担统计向各级办公厅（室）和审计人员公开", "Burden totals are for the offices and auditors"));
            sql.append(" AND (i.organiser_unit_code = :office OR i.co_organiser_codes LIKE :officeLike");
            params.put("office", office);
            params.put("officeLike", "%," + office + ",%");
            Optional<String> region = access.officeRegion();
            if (region.isPresent()) {
                sql.append(" OR i.organiser_region = :region");
                params.put("region", region.get());
            }
            sql.append(")");
        }
        sql.append(" GROUP BY v.unit_code, v.month ORDER BY v.month, v.unit_code");
        var query = em.createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new Views.BurdenTotal((String) r[0], (String) r[1], n(r[2]), n(r[3]), n(r[4]),
                n(r[5]), n(r[6]), n(r[7]), n(r[8]))).toList();
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    public static LocalDate today() {
        return LocalDate.now();
    }
}
