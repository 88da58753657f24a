package cn.dcjk.plans.unit;

import cn.dcjk.common.unit.RegionCode;
import cn.dcjk.common.api.Page;
import cn.dcjk.common.data.audit.AuditTrail;
import cn.dcjk.common.data.version.Versions;
import cn.dcjk.common.problem.Problems;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The units directory: lookups, the "lower than" relation, and the admin's changes. */
@ApplicationScoped
public class UnitDirectory {

    public static final String AUDIT_TYPE = "unit";

    @Inject
    AuditTrail audit;

    /** Filters of GET /units; any may be null. */
    public record Filter(UnitLevel level, UnitKind kind, String parent, String region, List<String> codes,
            boolean includeRetired) {
    }

    @Transactional
    public Page<UnitView> list(Filter f, int page, int size) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (!f.includeRetired()) {
            q.append(" and retired = false");
        }
        if (f.level() != null) {
            q.append(" and level = :level");
            p.and("level", f.level());
        }
        if (f.kind() != null) {
            q.append(" and kind = :kind");
            p.and("kind", f.kind());
        }
        if (f.parent() != null) {
            q.append(" and parentCode = :parent");
            p.and("parent", f.parent());
        }
        if (f.region() != null) {
            if (!RegionCode.valid(f.region())) {
                throw Problems.invalid("region", "6, 9 or 12 digits");
            }
            q.append(" and regionCode like :region");
            p.and("region", new RegionCode(f.region()).prefix() + "%");
        }
        if (f.codes() != null && !f.codes().isEmpty()) {
            q.append(" and code in :codes");
            p.and("codes", f.codes());
        }
        var query = Unit.find(q.toString(), Sort.by("regionCode").and("code"), p);
        List<UnitView> items = query.page(page, size).<Unit>list().stream().map(UnitView::of).toList();
        return new Page<>(items, page, size, query.count());
    }

    @Transactional
    public Unit get(String code) {
        return find(code).orElseThrow(() -> Problems.notFound("unit", code));
    }

    public Optional<Unit> find(String code) {
        return Unit.<Unit>findByIdOptional(code);
    }

    /** From the parent up to the root (the provincial party committee). */
    @Transactional
    public List<UnitView> ancestors(String code) {
        Unit unit = get(code);
        List<UnitView> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String next = unit.parentCode;
        while (next != null && seen.add(next)) {
            Unit parent = Unit.findById(next);
            if (parent == null) {
                break;
            }
            chain.add(UnitView.of(parent));
            next = parent.parentCode;
        }
        return chain;
    }

    /** Is {@code code} of a lower level than {@code other}: its region strictly inside the other's. */
    @Transactional
    public boolean lowerThan(String code, String other) {
        return get(code).lowerThan(get(other));
    }

    @Transactional
    public Unit create(UnitInput in) {
        if (Unit.findById(in.code()) != null) {
            throw Problems.conflict("duplicate", "单位编码已存在：" + in.code(), "Unit code already exists: " + in.code());
        }
        Unit u = new Unit();
        u.code = in.code();
        apply(u, in);
        u.persist();
        audit.created(AUDIT_TYPE, u.code, UnitView.of(u));
        return u;
    }

    @Transactional
    public Unit update(String code, UnitInput in, String ifMatch) {
        Unit u = Unit.findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (u == null) {
            throw Problems.notFound("unit", code);
        }
        Versions.check(ifMatch, u.version);
        if (in.code() != null && !in.code().equals(code)) {
            throw Problems.invalid("code", "the code of a unit cannot change");
        }
        Map<String, Object> before = audit.snapshot(UnitView.of(u));
        apply(u, in);
        Unit.flush();
        audit.record(AUDIT_TYPE, code, "UPDATE", before, UnitView.of(u));
        return u;
    }

    @Transactional
    public Unit retire(String code, String ifMatch) {
        Unit u = Unit.findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (u == null) {
            throw Problems.notFound("unit", code);
        }
        Versions.check(ifMatch, u.version);
        if (u.retired) {
            throw Problems.conflict("already-retired", "单位已撤销：" + code, "Unit already retired: " + code);
        }
        if (Unit.count("parentCode = ?1 and retired = false", code) > 0) {
            throw Problems.conflict("has-active-children", "该单位仍有下属单位，不能撤销",
                    "The unit still has active units under it");
        }
        Map<String, Object> before = audit.snapshot(UnitView.of(u));
        u.retired = true;
        u.retiredAt = OffsetDateTime.now();
        Unit.flush();
        audit.record(AUDIT_TYPE, code, "RETIRE", before, UnitView.of(u));
        return u;
    }

    private void apply(Unit u, UnitInput in) {
        if (in.parentCode() != null) {
            Unit parent = Unit.findById(in.parentCode());
            if (parent == null || parent.retired) {
                throw Problems.invalid("parentCode", "unknown unit code " + in.parentCode());
            }
            if (in.parentCode().equals(u.code)) {
                throw Problems.invalid("parentCode", "a unit cannot be its own parent");
            }
            if (!new RegionCode(in.regionCode()).within(parent.region())) {
                throw Problems.invalid("regionCode", "must lie within the parent's region " + parent.regionCode);
            }
        }
        u.name = in.name().trim();
        u.nameEn = in.nameEn();
        u.level = in.level();
        u.kind = in.kind();
        u.branch = in.branch() == null ? Branch.NONE : in.branch();
        u.regionCode = in.regionCode();
        u.parentCode = in.parentCode();
    }
}
