package cn.dcjk.accountability.backtracing;

import cn.dcjk.accountability.access.Access;
import cn.dcjk.accountability.directory.Directory;
import cn.dcjk.common.unit.RegionCode;
import cn.dcjk.common.directory.UnitInfo;
import cn.dcjk.common.api.Page;
import cn.dcjk.common.problem.ProblemException;
import cn.dcjk.common.data.audit.AuditTrail;
import cn.dcjk.common.data.version.Versions;
import cn.dcjk.common.problem.Problems;
import cn.dcjk.common.rule.Backtracing;
import cn.dcjk.common.data.idempotency.RequestKey;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import cn.dcjk.common.security.Roles;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The back-tracing register (article 32). A source's event is registered once: a retry, with or
 * without the same Idempotency-Key, gets the existing record back (200), never a duplicate.
 */
@ApplicationScoped
public class BacktracingService {

    public static final String AUDIT_TYPE = "backtracing";

    /** The answer: the record and whether this call created it. */
    public record Registered(BacktracingRecord record, boolean created) {
    }

    @Inject
    Caller caller;
    @Inject
    AuditTrail audit;
    @Inject
    EntityManager em;
    @Inject
    Directory directory;
    @Inject
    Access access;

    /**
     * A refusal of this service registered by itself when BACKTRACING says it is an abuse: in a
     * transaction of its own (the refused write rolls back, the record stays), exactly once per
     * refusal: the event id comes from the request's Idempotency-Key ({@link RequestKey}), so a retry
     * or a race of the same request finds the record the first one made. Returns the record, or
     * null when no abuse.
     */
    public BacktracingRecord registerRefusal(String actorUnitCode, String subjectUnitCode, List<Finding> refusal,
            Map<String, Object> evidence) {
        List<Finding> abuse = new Backtracing().judge(refusal);
        if (abuse.isEmpty()) {
            return null;
        }
        BacktracingKind kind = BacktracingKind.valueOf(String.valueOf(abuse.get(0).facts().get("kind")));
        Map<String, Object> all = new LinkedHashMap<>(evidence);
        all.put("findings", refusal.stream().filter(Finding::blocks).toList());
        all.put("actor", caller.name());
        String summary = refusal.stream().filter(Finding::blocks).findFirst().map(Finding::message).orElse(kind.name());
        String eventId = RequestKey.current(BacktracingSource.ACCOUNTABILITY + " refusal").toString();
        String actorRegion = regionOf(actorUnitCode);
        String subjectRegion = regionOf(subjectUnitCode);
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                    .setParameter(1, BacktracingSource.ACCOUNTABILITY.name() + "/" + eventId).getSingleResult();
            BacktracingRecord existing = BacktracingRecord.<BacktracingRecord>find("source = ?1 and sourceEventId = ?2",
                    BacktracingSource.ACCOUNTABILITY, eventId).firstResult();
            if (existing != null) {
                return existing;
            }
            BacktracingRecord r = new BacktracingRecord();
            r.source = BacktracingSource.ACCOUNTABILITY;
            r.sourceEventId = eventId;
            r.kind = kind;
            r.actorUnitCode = actorUnitCode;
            r.subjectUnitCode = subjectUnitCode;
            r.actorRegionCode = actorRegion;
            r.subjectRegionCode = subjectRegion;
            r.occurredAt = OffsetDateTime.now();
            r.summary = summary.length() > 5000 ? summary.substring(0, 5000) : summary;
            r.evidence = all;
            r.status = BacktracingRecord.Status.REGISTERED;
            r.recordedBy = caller.name();
            r.recordedAt = OffsetDateTime.now();
            r.persist();
            audit.created(AUDIT_TYPE, r.id, BacktracingView.of(r));
            return r;
        });
    }

    @Transactional
    public Registered register(BacktracingInputs.Entry in) {
        if (in.source() == BacktracingSource.ACCOUNTABILITY) {
            throw Problems.invalid("source", "ACCOUNTABILITY events are registered by this service itself");
        }
        // Machines report their own events; people register what handlers found.
        if (in.source() == BacktracingSource.HANDLER
                ? !caller.hasAny(Roles.COMPLAINT_HANDLER, Roles.DISCIPLINE_OFFICER, Roles.ADMIN)
                : !caller.hasAny(Roles.SERVICE, Roles.ADMIN)) {
            throw Problems.forbidden("该来源的事件不能由当前角色登记：" + in.source(),
                    "Your role does not report events of source " + in.source());
        }
        // Two deliveries of one event at the same moment: the second waits here, then finds the first.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, in.source().name() + "/" + in.sourceEventId()).getSingleResult();
        BacktracingRecord existing = BacktracingRecord.<BacktracingRecord>find("source = ?1 and sourceEventId = ?2",
                in.source(), in.sourceEventId()).firstResult();
        if (existing != null) {
            return new Registered(existing, false);
        }
        BacktracingRecord r = new BacktracingRecord();
        r.source = in.source();
        r.sourceEventId = in.sourceEventId();
        r.kind = in.kind();
        r.actorUnitCode = in.actorUnitCode();
        r.subjectUnitCode = in.subjectUnitCode();
        r.actorRegionCode = regionOf(in.actorUnitCode());
        r.subjectRegionCode = regionOf(in.subjectUnitCode());
        r.occurredAt = in.occurredAt();
        r.summary = in.summary();
        r.evidence = in.evidence() == null ? Map.of() : in.evidence();
        r.status = BacktracingRecord.Status.REGISTERED;
        r.recordedBy = caller.name();
        r.recordedAt = OffsetDateTime.now();
        r.persist();
        audit.created(AUDIT_TYPE, r.id, BacktracingView.of(r));
        return new Registered(r, true);
    }

    @Transactional
    public BacktracingRecord get(long id) {
        BacktracingRecord r = BacktracingRecord.findById(id);
        if (r == null || !visible(r)) {
            throw Problems.notFound("back-tracing record", id);
        }
        return r;
    }

    @Transactional
    public Page<BacktracingView> list(BacktracingKind kind, int page, int size) {
        String region = RegionCode.prefix(callerRegion());
        // Within the caller's region by either unit; records whose units were unknown: provincial readers only.
        String q = "(actorRegionCode like :region or subjectRegionCode like :region"
                + (region.length() <= 2 ? " or (actorRegionCode is null and subjectRegionCode is null))" : ")");
        io.quarkus.panache.common.Parameters p = io.quarkus.panache.common.Parameters.with("region", region + "%");
        if (kind != null) {
            q += " and kind = :kind";
            p.and("kind", kind);
        }
        var query = BacktracingRecord.find(q, Sort.by("id").descending(), p);
        List<BacktracingView> items = query.page(page, size).<BacktracingRecord>list().stream()
                .map(BacktracingView::of).toList();
        return new Page<>(items, page, size, query.count());
    }

    @Transactional
    public BacktracingRecord conclude(long id, BacktracingInputs.Conclusion in, String ifMatch) {
        BacktracingRecord r = BacktracingRecord.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null || !visible(r)) {
            throw Problems.notFound("back-tracing record", id);
        }
        Versions.check(ifMatch, r.version);
        if (r.status == BacktracingRecord.Status.CONCLUDED) {
            throw Problems.conflict("already-concluded", "该记录已办结", "The record is already concluded");
        }
        Map<String, Object> before = audit.snapshot(BacktracingView.of(r));
        r.handlerFindings = in.findings();
        r.outcome = in.outcome();
        r.status = BacktracingRecord.Status.CONCLUDED;
        BacktracingRecord.flush();
        audit.record(AUDIT_TYPE, r.id, "CONCLUDE", before, BacktracingView.of(r));
        return r;
    }

    public boolean visible(BacktracingRecord r) {
        String region = callerRegion();
        if (r.actorRegionCode == null && r.subjectRegionCode == null) {
            return RegionCode.prefix(region).length() <= 2;
        }
        return RegionCode.within(r.actorRegionCode, region) || RegionCode.within(r.subjectRegionCode, region);
    }

    private String callerRegion() {
        return access.callerRegion().orElseThrow(() -> Problems.forbidden("访问令牌未载明所属单位（unit_code）",
                "The access token names no unit (unit_code)"));
    }

    /**
     * The unit's region as the directory knows it now. Registering evidence must not wait for
     * plans-service: when it cannot answer, the region stays unknown and provincial readers see it.
     */
    private String regionOf(String unitCode) {
        if (unitCode == null) {
            return null;
        }
        try {
            return directory.unit(unitCode).map(UnitInfo::regionCode).orElse(null);
        } catch (ProblemException e) {
            return null;
        }
    }
}
