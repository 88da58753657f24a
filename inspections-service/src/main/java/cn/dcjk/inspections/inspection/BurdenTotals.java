package cn.dcjk.inspections.inspection;

import cn.dcjk.common.problem.Problems;
import cn.dcjk.inspections.access.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the field work asked of the grassroots, per unit and month (articles 14 and 22), for the offices and auditors. */
@ApplicationScoped
public class BurdenTotals {

    @Inject
    Access access;
    @Inject
    EntityManager em;

    /** The length of an array of the reception record, 0 when there is none. */
    private static final String ARRAY_LENGTH = "CASE WHEN jsonb_typeof(v.reception->'%1$s') = 'array' "
            + "THEN jsonb_array_length(v.reception->'%1$s') ELSE 0 END";

    @Transactional
    public List<Views.BurdenTotal> burdenTotals(String unit, String month) {
        StringBuilder sql = new StringBuilder("SELECT v.unit_code, v.month, count(*), sum(v.forms), sum(v.materials), "
                + "sum(v.exams), sum(v.surveys), sum(v.online_votes), sum(v.messaging_groups), "
                // the reception record (article 23): escorts, briefing meetings and the people at them
                + "sum(" + ARRAY_LENGTH.formatted("escorts") + "), sum(" + ARRAY_LENGTH.formatted("briefings") + "), "
                + "sum((SELECT coalesce(sum((b->>'participants')::bigint), 0) FROM jsonb_array_elements("
                + "CASE WHEN jsonb_typeof(v.reception->'briefings') = 'array' THEN v.reception->'briefings' "
                + "ELSE '[]'::jsonb END) b)) FROM visit v "
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
                n(r[5]), n(r[6]), n(r[7]), n(r[8]), n(r[9]), n(r[10]), n(r[11]))).toList();
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
