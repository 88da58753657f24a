package cn.dcjk.plans.calendar;

import cn.dcjk.plans.unit.RegionPrefix;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The calendar's query for a region and a period, with its parameters in order ({@code ?1} first): built in
 * one place, so what the service runs is what the province benchmark explains.
 *
 * <p>Items whose targets lie in the unit's region, or whose scope covers it (a region-wide item of a region
 * around it), and whose period meets the asked one: each arm is one probe of the GiST index
 * plan_item_calendar (V20), so a month costs that month's items, not the region's history. An item on
 * units of several regions (counties of two cities: a province-wide common prefix) is found by its
 * common prefix (a region above this one) and the period, then by its targets: one of them lies in the
 * unit's region ({@code inside}: the codes of the region's units). At the province every item's prefix
 * is inside already.
 */
public record CalendarQuery(String sql, List<Object> parameters) {

    /** The codes of the units in a region ({@code ?1}: the prefix and {@code %}), through the unit_region index. */
    public static final String UNITS_INSIDE = "SELECT code FROM unit WHERE region_code LIKE ?1";

    public static CalendarQuery of(String prefix, List<String> inside, LocalDate from, LocalDate to) {
        List<String> around = RegionPrefix.andAbove(prefix);
        List<Object> parameters = new ArrayList<>(List.of(from, to, prefix, RegionPrefix.successor(prefix)));
        parameters.addAll(around);
        String meets = "daterange(i.period_start, i.period_end, '[]') && daterange(?1, ?2, '[]')";
        StringBuilder arms = new StringBuilder("(i.target_region_prefix >= ?3 AND i.target_region_prefix < ?4 AND "
                + meets + ")");
        for (int k = 0; k < around.size(); k++) {
            arms.append(" OR (i.target_region_prefix = ?").append(5 + k).append(" AND i.target_region_code IS NOT NULL AND ")
                    .append(meets).append(')');
        }
        if (prefix.length() > 2 && !inside.isEmpty()) {
            int targets = 5 + around.size();
            // only items whose common prefix is a region above this one can hold targets of several regions:
            // one GiST probe per such region and the period, then the targets checked on those few rows
            for (int k = 1; k < around.size(); k++) {
                arms.append(" OR (i.target_region_prefix = ?").append(5 + k)
                        .append(" AND i.target_unit_codes && CAST(?").append(targets).append(" AS text[]) AND ")
                        .append(meets).append(')');
            }
            parameters.add(inside.toArray(String[]::new));
        }
        return new CalendarQuery("SELECT i.* FROM plan_item i JOIN plan p ON p.id = i.plan_id "
                + "WHERE i.approved AND NOT i.withdrawn AND i.on_site "
                + "AND (p.status = 'ISSUED' OR (p.type = 'SINGLE_MATTER' AND p.status = 'APPROVED')) "
                + "AND (" + arms + ") ORDER BY i.period_start, i.id LIMIT 2000", parameters);
    }
}
