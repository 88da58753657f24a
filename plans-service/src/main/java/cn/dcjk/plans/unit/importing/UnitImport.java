package cn.dcjk.plans.unit.importing;

import cn.dcjk.common.data.audit.AuditTrail;
import cn.dcjk.common.problem.Problem;
import cn.dcjk.common.problem.ProblemException;
import cn.dcjk.common.problem.ProblemException.Text;
import cn.dcjk.plans.unit.UnitDirectory;
import cn.dcjk.plans.unit.UnitInput;
import cn.dcjk.plans.unit.UnitView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bulk import of the units directory (an integrator's first day): rows are matched by code, so
 * loading the same file twice changes nothing. Every row is checked first — its fields, and the
 * hierarchy it forms with the directory and the other rows (parent known and active, region
 * within the parent's, parent not of a lower level, no cycle). One rejected row refuses the whole
 * file with 422 naming each rejected row; nothing is half-written. Accepted files are written in
 * one transaction, parents before children, with one audit event per created or changed unit.
 */
@ApplicationScoped
public class UnitImport {

    /** Rows per file; a whole province is loaded as a sequence of files, parents first (the request body limit is 1 MB). */
    public static final int MAX_ROWS = 2_000;
    /** How many rejected rows the answer names; the count is always complete. */
    static final int MAX_REPORTED = 1_000;

    @Inject
    EntityManager em;
    @Inject
    Validator validator;
    @Inject
    AuditTrail audit;

    /** What an import did (or, for a dry run, would do). */
    public record Report(int received, int created, int updated, int unchanged, boolean dryRun) {
    }

    /** A row refused, by its position in the file. */
    public record Rejected(int row, String code, String field, String message) {
    }

    @Transactional
    public Report load(List<UnitInput> rows, boolean dryRun) {
        if (rows == null || rows.isEmpty() || rows.size() > MAX_ROWS) {
            throw cn.dcjk.common.problem.Problems.invalid("body", "an array of 1 to " + MAX_ROWS + " units");
        }
        if (!dryRun) {
            // one import at a time, and no single-unit write in between: the comparison below stays exact
            em.createNativeQuery("LOCK TABLE unit IN SHARE ROW EXCLUSIVE MODE").executeUpdate();
        }
        Map<String, UnitView> existing = existing(rows);
        List<Rejected> rejected = new ArrayList<>();
        Map<String, Integer> byCode = new HashMap<>();
        boolean[] ok = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            ok[i] = fields(i, rows.get(i), byCode, rejected);
        }
        Hierarchy h = new Hierarchy(rows, ok, byCode, existing);
        for (int i = 0; i < rows.size(); i++) {
            if (ok[i]) {
                h.check(i).ifPresent(rejected::add);
            }
        }
        if (!rejected.isEmpty()) {
            throw refused(rows.size(), rejected);
        }
        List<UnitInput> created = new ArrayList<>();
        List<UnitInput> updated = new ArrayList<>();
        for (UnitInput in : rows) {
            UnitView before = existing.get(in.code());
            if (before == null) {
                created.add(in);
            } else if (!same(before, in)) {
                updated.add(in);
            }
        }
        Report report = new Report(rows.size(), created.size(), updated.size(),
                rows.size() - created.size() - updated.size(), dryRun);
        if (dryRun || created.size() + updated.size() == 0) {
            return report;
        }
        List<UnitInput> writes = new ArrayList<>(created);
        writes.addAll(updated);
        writes.sort(Comparator.comparingInt(h::depth));
        write(writes);
        for (UnitInput in : created) {
            audit.created(UnitDirectory.AUDIT_TYPE, in.code(), view(in, false));
        }
        for (UnitInput in : updated) {
            UnitView before = existing.get(in.code());
            audit.record(UnitDirectory.AUDIT_TYPE, in.code(), "UPDATE", audit.snapshot(before), view(in, before.retired()));
        }
        return report;
    }

    private boolean fields(int i, UnitInput in, Map<String, Integer> byCode, List<Rejected> rejected) {
        if (in == null) {
            rejected.add(new Rejected(i, null, "rows[" + i + "]", "a unit object"));
            return false;
        }
        boolean fine = true;
        for (ConstraintViolation<UnitInput> v : validator.validate(in)) {
            rejected.add(new Rejected(i, in.code(), "rows[" + i + "]." + v.getPropertyPath(), v.getMessage()));
            fine = false;
        }
        if (in.code() != null) {
            Integer first = byCode.putIfAbsent(in.code(), i);
            if (first != null) {
                rejected.add(new Rejected(i, in.code(), "rows[" + i + "].code", "the same code as rows[" + first + "]"));
                return false;
            }
        }
        if (fine) {
            String levelProblem = Hierarchy.levelMatchesRegion(in.level(), in.regionCode());
            if (levelProblem != null) {
                rejected.add(new Rejected(i, in.code(), "rows[" + i + "].regionCode", levelProblem));
                fine = false;
            }
        }
        return fine;
    }

    private static ProblemException refused(int received, List<Rejected> rejected) {
        List<Problem.FieldError> errors = rejected.stream().limit(MAX_REPORTED)
                .map(r -> new Problem.FieldError(r.field(), r.message())).toList();
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("received", received);
        ext.put("rejectedCount", rejected.size());
        ext.put("rejected", rejected.stream().limit(MAX_REPORTED).toList());
        return new ProblemException(422, "unit-import-rejected", new Text("导入被拒绝", "Import rejected"),
                new Text(rejected.size() + " 行未通过校验，未导入任何单位",
                        rejected.size() + " rows were rejected; no unit was imported"),
                errors, null, ext, null);
    }

    /**
     * The directory's units the file touches: its codes, their parents and the parents' ancestors (the
     * chains a cycle could run through), fetched level by level, so a file costs its own size, not the
     * directory's.
     */
    private Map<String, UnitView> existing(List<UnitInput> rows) {
        Map<String, UnitView> map = new HashMap<>();
        java.util.Set<String> asked = new java.util.HashSet<>();
        java.util.Set<String> next = new java.util.HashSet<>();
        for (UnitInput in : rows) {
            if (in != null && in.code() != null) {
                next.add(in.code());
            }
            if (in != null && in.parentCode() != null) {
                next.add(in.parentCode());
            }
        }
        while (!next.isEmpty()) {
            asked.addAll(next);
            @SuppressWarnings("unchecked")
            List<Object[]> found = em.createNativeQuery("SELECT code, name, name_en, level, kind, branch, region_code, "
                    + "parent_code, retired FROM unit WHERE code = ANY(?1)").setParameter(1, next.toArray(String[]::new))
                    .getResultList();
            next = new java.util.HashSet<>();
            for (Object[] r : found) {
                UnitView u = new UnitView((String) r[0], (String) r[1], (String) r[2],
                        cn.dcjk.plans.unit.UnitLevel.valueOf((String) r[3]), cn.dcjk.plans.unit.UnitKind.valueOf((String) r[4]),
                        cn.dcjk.plans.unit.Branch.valueOf((String) r[5]), (String) r[6], (String) r[7], (Boolean) r[8]);
                map.put(u.code(), u);
                if (u.parentCode() != null && !asked.contains(u.parentCode())) {
                    next.add(u.parentCode());
                }
            }
        }
        return map;
    }

    static boolean same(UnitView u, UnitInput in) {
        return u.name().equals(in.name().trim()) && java.util.Objects.equals(u.nameEn(), in.nameEn())
                && u.level() == in.level() && u.kind() == in.kind() && u.branch() == branch(in)
                && u.regionCode().equals(in.regionCode()) && java.util.Objects.equals(u.parentCode(), in.parentCode());
    }

    static cn.dcjk.plans.unit.Branch branch(UnitInput in) {
        return in.branch() == null ? cn.dcjk.plans.unit.Branch.NONE : in.branch();
    }

    static UnitView view(UnitInput in, boolean retired) {
        return new UnitView(in.code(), in.name().trim(), in.nameEn(), in.level(), in.kind(), branch(in), in.regionCode(),
                in.parentCode(), retired);
    }

    /** One statement, batched; a changed unit's version moves on so a stale If-Match is refused afterwards. */
    private void write(List<UnitInput> writes) {
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO unit (code, name, name_en, level, kind, branch, "
                    + "region_code, parent_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET "
                    + "name = EXCLUDED.name, name_en = EXCLUDED.name_en, level = EXCLUDED.level, kind = EXCLUDED.kind, "
                    + "branch = EXCLUDED.branch, region_code = EXCLUDED.region_code, parent_code = EXCLUDED.parent_code, "
                    + "version = unit.version + 1")) {
                int n = 0;
                for (UnitInput in : writes) {
                    ps.setString(1, in.code());
                    ps.setString(2, in.name().trim());
                    ps.setString(3, in.nameEn());
                    ps.setString(4, in.level().name());
                    ps.setString(5, in.kind().name());
                    ps.setString(6, branch(in).name());
                    ps.setString(7, in.regionCode());
                    ps.setString(8, in.parentCode());
                    ps.addBatch();
                    if (++n % 500 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        });
    }
}
