package cn.dcjk.gateway.policy;

import cn.dcjk.common.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads of the decision log, every one bounded whatever the log's length: a page is an index range
 * newest first (by time, by outcome, by caller, by request id, or by unit: the caller's unit and the
 * dispatching unit as two ranges merged in order); pages go on by keyset cursor ({@code before}, the
 * last decision of the page before), and offset pages stop at {@link #OFFSET_CAP} rows; the count stops
 * at {@link #COUNT_CAP} and says so. Before, a count without a time range read the whole log.
 */
@ApplicationScoped
public class DecisionSearch {

    /** The most decisions a count reads; beyond, the total is this figure and marked as capped. */
    public static final int COUNT_CAP = 10_000;
    /** The deepest row an offset page may reach; deeper pages go by cursor. */
    public static final int OFFSET_CAP = 10_000;

    private static final String COLUMNS = "id, at, request_id, caller, unit_code, dispatching_unit_code, method, route, rule, "
            + "outcome, reason, recipient_unit_code";

    @Inject
    EntityManager em;

    public record Filter(Decision.Outcome outcome, String caller, String unit, String requestId, OffsetDateTime from,
            OffsetDateTime to) {
    }

    /** Where a page ended: the last decision's time and id; the next page starts after it (older, or same time and larger id). */
    public record Cursor(Instant at, UUID id) {

        @Override
        public String toString() {
            return at + "_" + id;
        }

        public static Cursor parse(String s) {
            int sep = s == null ? -1 : s.lastIndexOf('_');
            try {
                return new Cursor(Instant.parse(s.substring(0, sep)), UUID.fromString(s.substring(sep + 1)));
            } catch (RuntimeException e) {
                throw Problems.invalid("before", "a cursor as given in the Link header or in next (<time>_<id>)");
            }
        }
    }

    /**
     * A page's two queries ({@code ?n} parameters): its rows, and its capped count, whose parameters are the
     * first {@code countParameters} of {@code parameters}.
     */
    public record Queries(String rows, String count, List<Object> parameters, int countParameters) {
    }

    /** The queries of a page, as {@link #page} runs them. */
    public static Queries queries(Filter filter, Cursor before, int page, int size) {
        List<Object> params = new ArrayList<>();
        List<String> base = conditions(filter, params);
        int unit = 0;
        if (filter.unit() != null) {
            params.add(filter.unit());
            unit = params.size();
        }
        // the count's parameters come first (JPA numbers them without gaps), the cursor's after them
        int counted = params.size();
        List<String> paged = new ArrayList<>(base);
        if (before != null) {
            // keyset, newest first: the index starts at the cursor (the first clause), the second breaks ties
            params.add(OffsetDateTime.ofInstant(before.at(), ZoneOffset.UTC));
            int at = params.size();
            params.add(before.id());
            paged.add("at <= ?" + at);
            paged.add("(at < ?" + at + " OR id > ?" + params.size() + ")");
        }
        long reach = (long) (page + 1) * size;
        return new Queries("SELECT " + COLUMNS + " FROM " + source(paged, unit, reach) + " d ORDER BY at DESC, id LIMIT "
                + size + " OFFSET " + ((long) page * size), "SELECT count(*) FROM (SELECT 1 FROM "
                + source(base, unit, COUNT_CAP + 1) + " d LIMIT " + (COUNT_CAP + 1) + ") c", params, counted);
    }

    @Transactional
    public DecisionPage page(Filter filter, Cursor before, int page, int size) {
        if ((long) (page + 1) * size > OFFSET_CAP) {
            throw Problems.invalid("page", "offset pages reach the " + OFFSET_CAP + " newest decisions of the filter; "
                    + "go on with before=, the cursor in the Link header or in next");
        }
        Queries q = queries(filter, before, page, size);
        Query rows = em.createNativeQuery(q.rows());
        Query count = em.createNativeQuery(q.count());
        for (int i = 0; i < q.parameters().size(); i++) {
            rows.setParameter(i + 1, q.parameters().get(i));
            if (i < q.countParameters()) {
                count.setParameter(i + 1, q.parameters().get(i));
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> list = rows.getResultList();
        List<Decision> items = list.stream().map(r -> new Decision(r[0].toString(), at(r[1]), (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8],
                Decision.Outcome.valueOf((String) r[9]), (String) r[10], (String) r[11])).toList();
        long total = ((Number) count.getSingleResult()).longValue();
        String next = items.size() == size
                ? new Cursor(items.get(size - 1).at().toInstant(), UUID.fromString(items.get(size - 1).id())).toString() : null;
        return new DecisionPage(items, page, size, Math.min(total, COUNT_CAP), total > COUNT_CAP, next);
    }

    private static List<String> conditions(Filter f, List<Object> params) {
        List<String> and = new ArrayList<>();
        if (f.outcome() != null) {
            params.add(f.outcome().name());
            and.add("outcome = ?" + params.size());
        }
        if (f.caller() != null) {
            params.add(f.caller());
            and.add("caller = ?" + params.size());
        }
        if (f.requestId() != null) {
            params.add(f.requestId());
            and.add("request_id = ?" + params.size());
        }
        if (f.from() != null) {
            params.add(f.from());
            and.add("at >= ?" + params.size());
        }
        if (f.to() != null) {
            params.add(f.to());
            and.add("at < ?" + params.size());
        }
        return and;
    }

    /**
     * The decisions to read from: the log, or for a unit two index ranges (its own decisions, and those of
     * teams it dispatched, each once), each read newest first and no further than {@code reach} rows, so a
     * page and a capped count read what they answer, not the unit's whole history.
     */
    private static String source(List<String> conditions, int unit, long reach) {
        if (unit == 0) {
            return "(SELECT " + COLUMNS + " FROM decision" + where(conditions) + ")";
        }
        List<String> own = new ArrayList<>(conditions);
        own.add("unit_code = ?" + unit);
        List<String> dispatched = new ArrayList<>(conditions);
        dispatched.add("dispatching_unit_code = ?" + unit);
        dispatched.add("unit_code IS DISTINCT FROM ?" + unit);
        String newest = " ORDER BY at DESC, id LIMIT " + reach + ")";
        return "((SELECT " + COLUMNS + " FROM decision" + where(own) + newest + " UNION ALL (SELECT " + COLUMNS
                + " FROM decision" + where(dispatched) + newest + ")";
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static OffsetDateTime at(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
