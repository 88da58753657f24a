package cn.dcjk.plans.rule;

import cn.dcjk.plans.calendar.NoMeetingMonth;
import cn.dcjk.plans.mandate.Mandate;
import cn.dcjk.plans.plan.Category;
import cn.dcjk.plans.plan.PlanItem;
import cn.dcjk.common.unit.RegionCode;
import cn.dcjk.plans.unit.RegionPrefix;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The candidate queries behind the rules, each an index probe whose work does not grow with the years
 * stored: the partial index on approved items by organiser, year and category (V4); the period and
 * region of nearby items (V22); planned visits by unit and day (V5); the tallies (V20).
 */
@ApplicationScoped
public class ItemCandidates implements Candidates {

    private static final int MAX_CANDIDATES = 200;

    @Inject
    EntityManager em;
    @Inject
    PlanRuleParameters parameters;

    @Override
    public long approvedCount(String organiser, int year, Category category, Long excludeItemId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM plan_item WHERE approved AND NOT withdrawn "
                        + "AND organiser_unit_code = ?1 AND year = ?2 AND category = ?3 AND id <> ?4")
                .setParameter(1, organiser).setParameter(2, year).setParameter(3, category.name())
                .setParameter(4, excludeItemId == null ? -1L : excludeItemId)
                .getSingleResult()).longValue();
    }

    /**
     * The nearby items: under review or approved, their period meeting the window, their region inside the
     * item's ({@code >= ?4 and < ?5}) or one around it ({@code = any(?6)}), and either sharing a topic
     * (compared as the rules compare them, case aside) or with a title that could be as similar as
     * NO-SIMILAR-SERIES asks: one that holds a bigram of {@link ItemMeasures#titleProbe} once stripped as
     * {@link ItemMeasures#STRIPPED} says. Both region arms probe plan_item_nearby (V22) by the period and
     * the region together, so a check reads that period's items of the region, the same with one year
     * stored as with ten. Topics and titles are tested on those rows only (the GIN index on topics, whose
     * entries span every year, stays out of the plan).
     */
    public static final String NEARBY = "SELECT i.* FROM plan_item i JOIN plan p ON p.id = i.plan_id "
            + "WHERE NOT i.withdrawn AND p.status IN ('SUBMITTED', 'OFFICE_REVIEWED', 'FORWARDED', 'APPROVED', 'ISSUED') "
            + "AND i.id <> ?1 "
            + "AND ((daterange(i.period_start, i.period_end, '[]') && daterange(?2, ?3, '[]') "
            + "AND i.target_region_prefix >= ?4 AND i.target_region_prefix < ?5) "
            + "OR (daterange(i.period_start, i.period_end, '[]') && daterange(?2, ?3, '[]') "
            + "AND i.target_region_prefix = ANY(?6))) "
            + "AND (EXISTS (SELECT 1 FROM unnest(i.topics) t WHERE lower(t) = ANY(CAST(?7 AS text[]))) "
            + "OR ?10 OR translate(i.title, ?8, '') LIKE ANY (CAST(?9 AS text[]))) "
            + "ORDER BY i.period_start, i.id LIMIT " + MAX_CANDIDATES;

    @Override
    public List<PlanItem> nearby(PlanItem item, int gapDays) {
        String p = item.targetRegionPrefix;
        // regions above the item's, matched exactly (its own and those inside it are the range arm)
        List<String> above = RegionPrefix.andAbove(p);
        List<String> around = above.isEmpty() ? List.of() : above.subList(1, above.size());
        // a window at least as wide as the rule's (callers filter by the exact gap): never an empty range
        int gap = Math.max(0, gapDays);
        boolean ordered = !item.periodEnd.isBefore(item.periodStart);
        LocalDate[] window = {(ordered ? item.periodStart : item.periodEnd).minusDays(gap),
                (ordered ? item.periodEnd : item.periodStart).plusDays(gap)};
        // the stripped characters include LIKE's own (%, _ and \\), so a bigram is matched literally
        List<String> probe = ItemMeasures.titleProbe(item.title == null ? "" : item.title,
                parameters.similarityThreshold());
        @SuppressWarnings("unchecked")
        List<PlanItem> found = em.createNativeQuery(NEARBY, PlanItem.class)
                .setParameter(1, item.id == null ? -1L : item.id)
                .setParameter(2, window[0])
                .setParameter(3, window[1])
                .setParameter(4, p)
                .setParameter(5, RegionPrefix.successor(p))
                .setParameter(6, around.toArray(String[]::new))
                .setParameter(7, ItemMeasures.normalise(item.topics).toArray(String[]::new))
                .setParameter(8, ItemMeasures.STRIPPED)
                .setParameter(9, probe == null ? new String[0]
                        : probe.stream().map(b -> "%" + b + "%").toArray(String[]::new))
                .setParameter(10, probe == null)
                .getResultList();
        return found;
    }

    @Override
    public List<PlanItem> visitsTo(Collection<String> unitCodes, LocalDate from, LocalDate to, Long excludeItemId) {
        // planned_visit's primary key (unit, day) serves the window; only approved items have rows
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT item_id, unit_code, day FROM planned_visit "
                        + "WHERE unit_code = ANY(?1) AND day BETWEEN ?2 AND ?3 AND item_id <> ?4 ORDER BY item_id LIMIT 5000")
                .setParameter(1, unitCodes.toArray(String[]::new))
                .setParameter(2, from).setParameter(3, to)
                .setParameter(4, excludeItemId == null ? -1L : excludeItemId)
                .getResultList();
        java.util.Map<Long, PlanItem> byItem = new java.util.LinkedHashMap<>();
        for (Object[] r : rows) {
            PlanItem v = byItem.computeIfAbsent(((Number) r[0]).longValue(), id -> {
                PlanItem item = new PlanItem();
                item.id = id;
                item.onSite = true;
                return item;
            });
            String unit = (String) r[1];
            LocalDate day = r[2] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[2];
            if (!v.targetUnitCodes.contains(unit)) {
                v.targetUnitCodes.add(unit);
            }
            if (!v.visitDates.contains(day)) {
                v.visitDates.add(day);
            }
            v.periodStart = v.periodStart == null || day.isBefore(v.periodStart) ? day : v.periodStart;
            v.periodEnd = v.periodStart;
        }
        return new ArrayList<>(byItem.values());
    }

    /** Records the planned visits of an item just approved (one row per target and day). */
    public void plan(PlanItem item) {
        if (!item.onSite) {
            return;
        }
        for (String unit : item.targetUnitCodes) {
            for (LocalDate day : item.plannedVisitDays()) {
                em.createNativeQuery("INSERT INTO planned_visit (unit_code, day, item_id) VALUES (?1, ?2, ?3) "
                                + "ON CONFLICT DO NOTHING")
                        .setParameter(1, unit).setParameter(2, day).setParameter(3, item.id).executeUpdate();
            }
        }
    }

    /** Forgets the planned visits of an item that is no longer approved. */
    public void unplan(PlanItem item) {
        em.createNativeQuery("DELETE FROM planned_visit WHERE item_id = ?1").setParameter(1, item.id).executeUpdate();
    }

    static List<String> list(Object array) {
        List<String> out = new ArrayList<>();
        if (array instanceof Object[] a) {
            for (Object o : a) {
                out.add(String.valueOf(o));
            }
        } else if (array instanceof java.sql.Array sql) {
            try {
                for (Object o : (Object[]) sql.getArray()) {
                    out.add(String.valueOf(o));
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    static List<LocalDate> dates(Object array) {
        List<LocalDate> out = new ArrayList<>();
        Object[] values;
        try {
            values = array instanceof java.sql.Array sql ? (Object[]) sql.getArray() : (Object[]) array;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        if (values != null) {
            for (Object o : values) {
                out.add(o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o);
            }
        }
        return out;
    }

    @Override
    public Set<String> exempt(Collection<String> unitCodes, int year) {
        @SuppressWarnings("unchecked")
        List<String> codes = em.createNativeQuery("SELECT DISTINCT unit_code FROM exemption WHERE year = ?1 "
                        + "AND unit_code = ANY(?2)")
                .setParameter(1, year).setParameter(2, unitCodes.toArray(String[]::new)).getResultList();
        return new HashSet<>(codes);
    }

    @Override
    public List<NoMeetingMonth> noMeetingMonths(int fromYear, int toYear) {
        return NoMeetingMonth.list("year >= ?1 and year <= ?2", fromYear, toYear);
    }

    @Override
    public long grassrootsItems(String organiser, int year) {
        // organiser_tally is kept exact by triggers on plan_item (V20): one row, however many items
        @SuppressWarnings("unchecked")
        List<Number> n = em.createNativeQuery("SELECT grassroots_items FROM organiser_tally WHERE organiser_unit_code = ?1 "
                        + "AND year = ?2").setParameter(1, organiser).setParameter(2, year).getResultList();
        return n.isEmpty() ? 0 : n.get(0).longValue();
    }

    @Override
    public Optional<Integer> recordedBaseline(String organiser, int year) {
        @SuppressWarnings("unchecked")
        List<Number> n = em.createNativeQuery("SELECT item_count FROM grassroots_baseline WHERE organiser_unit_code = ?1 "
                        + "AND year = ?2").setParameter(1, organiser).setParameter(2, year).getResultList();
        return n.stream().findFirst().map(Number::intValue);
    }

    static String prefix(String regionCode) {
        return new RegionCode(regionCode).prefix();
    }

    @Override
    public Optional<PlanItem> byApprovalCode(String approvalCode) {
        return PlanItem.find("approvalCode", approvalCode).firstResultOptional();
    }

    @Override
    public Optional<Mandate> mandate(String reference) {
        return Mandate.find("reference", reference).firstResultOptional();
    }
}
