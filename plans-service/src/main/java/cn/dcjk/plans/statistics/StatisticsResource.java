package cn.dcjk.plans.statistics;

import cn.dcjk.common.data.idempotency.Idempotent;
import cn.dcjk.common.problem.Problems;
import cn.dcjk.common.security.Caller;
import cn.dcjk.common.security.Roles;
import cn.dcjk.plans.rule.ItemCandidates;
import cn.dcjk.plans.rule.PlanRuleParameters;
import cn.dcjk.plans.rule.GrassrootsReduction;
import cn.dcjk.plans.unit.Unit;
import cn.dcjk.plans.unit.UnitKind;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Burden statistics (articles 20, 24): per organiser, grassroots items against the baseline year
 * and the exceptions granted; per target unit, planned visits and forms by month; rolled up by
 * region so a city sees its counties and the province sees everything (upward reporting).
 */
@Path("/api/v1/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "statistics", description = "Burden on the grassroots (articles 20, 24)")
@Authenticated
public class StatisticsResource {

    @Inject
    EntityManager em;
    @Inject
    Caller caller;
    @Inject
    ItemCandidates candidates;
    @Inject
    PlanRuleParameters parameters;
    @Inject
    cn.dcjk.common.data.audit.AuditTrail audit;

    public record OrganiserStanding(String organiserUnitCode, String name, String regionCode, Map<String, Object> standing,
            long exceptionsGranted) {
    }

    public record TargetMonth(String unitCode, String month, long plannedVisits, long forms) {
    }

    public record RegionRollup(String regionCode, long items, long baselineItems, Double reduction, Boolean meetsTarget) {
    }

    public record Burden(int year, int baselineYear, double target, List<OrganiserStanding> organisers,
            List<TargetMonth> targets, List<RegionRollup> regions) {
    }

    /** How many unit-months {@code targets} lists: the heaviest first. */
    static final int TARGETS = 500;

    @GET
    @Path("/burden")
    @Transactional
    @Operation(summary = "Grassroots burden: per organiser against the baseline, the heaviest target unit-months, rolled up by region")
    public Burden burden(@QueryParam("year") @NotNull @Min(2018) @Max(2100) Integer year,
            @QueryParam("baselineYear") @Min(2000) @Max(2100) Integer baselineYear) {
        int base = baselineYear == null ? parameters.baselineYear() : baselineYear;
        String prefix = scopePrefix();
        // organisers with approved items in the year or the baseline year, from the tallies (V20), one query
        @SuppressWarnings("unchecked")
        List<Object[]> organisers = em.createNativeQuery("SELECT u.code, u.name, u.region_code, "
                        + "coalesce(max(t.grassroots_items) FILTER (WHERE t.year = ?1), 0), "
                        + "coalesce(max(t.grassroots_items) FILTER (WHERE t.year = ?2), 0), max(b.item_count) "
                        + "FROM organiser_tally t JOIN unit u ON u.code = t.organiser_unit_code "
                        + "LEFT JOIN grassroots_baseline b ON b.organiser_unit_code = t.organiser_unit_code AND b.year = ?2 "
                        + "WHERE t.year IN (?1, ?2) AND t.approved_items > 0 AND u.region_code LIKE ?3 "
                        + "GROUP BY u.code, u.name, u.region_code ORDER BY u.region_code, u.code")
                .setParameter(1, year).setParameter(2, base).setParameter(3, prefix + "%").getResultList();
        Map<String, Long> grassroots = new HashMap<>();
        Map<String, Integer> baselines = new HashMap<>();
        for (Object[] o : organisers) {
            grassroots.put(TalliedCandidates.key((String) o[0], year), ((Number) o[3]).longValue());
            grassroots.put(TalliedCandidates.key((String) o[0], base), ((Number) o[4]).longValue());
            if (o[5] != null) {
                baselines.put(TalliedCandidates.key((String) o[0], base), ((Number) o[5]).intValue());
            }
        }
        Map<String, Long> granted = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> grants = em.createNativeQuery("SELECT i.organiser_unit_code, count(*) FROM granted_exception g "
                + "JOIN plan_item i ON i.id = g.item_id WHERE i.year = ?1 GROUP BY 1").setParameter(1, year).getResultList();
        grants.forEach(g -> granted.put((String) g[0], ((Number) g[1]).longValue()));
        TalliedCandidates tallies = new TalliedCandidates(candidates, grassroots, baselines);
        List<OrganiserStanding> standings = new ArrayList<>();
        Map<String, long[]> rollup = new TreeMap<>();
        for (Object[] o : organisers) {
            String code = (String) o[0];
            Map<String, Object> s = GrassrootsReduction.standing(tallies, code, year, base, parameters.grassrootsReduction(), 0);
            standings.add(new OrganiserStanding(code, (String) o[1], (String) o[2], s, granted.getOrDefault(code, 0L)));
            // every region from the organiser's up to the province gets its numbers
            for (String r : ancestry((String) o[2])) {
                long[] sums = rollup.computeIfAbsent(r, k -> new long[2]);
                sums[0] += ((Number) s.get("items")).longValue();
                sums[1] += ((Number) s.get("baselineItems")).longValue();
            }
        }
        List<RegionRollup> regions = new ArrayList<>();
        rollup.forEach((r, sums) -> {
            Double reduction = sums[1] > 0 ? Math.round((1.0 - (double) sums[0] / sums[1]) * 100) / 100.0 : null;
            regions.add(new RegionRollup(r, sums[0], sums[1], reduction,
                    reduction == null ? null : reduction >= parameters.grassrootsReduction()));
        });
        return new Burden(year, base, parameters.grassrootsReduction(), standings, targetMonths(year, prefix), regions);
    }

    /** The heaviest unit-months of the year inside the caller's scope: planned visit days, then forms. */
    private List<TargetMonth> targetMonths(int year, String prefix) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT unit_code, to_char(month, 'YYYY-MM'), planned_visits, forms "
                        + "FROM target_month_tally WHERE month >= make_date(?1, 1, 1) AND month < make_date(?1 + 1, 1, 1) "
                        + "AND region_code LIKE ?2 AND (planned_visits > 0 OR forms > 0) "
                        + "ORDER BY planned_visits DESC, forms DESC, unit_code, month LIMIT " + TARGETS)
                .setParameter(1, year).setParameter(2, prefix + "%").getResultList();
        return rows.stream().map(r -> new TargetMonth((String) r[0], (String) r[1], ((Number) r[2]).longValue(),
                ((Number) r[3]).longValue())).toList();
    }

    /** What the caller may see: auditors and admins everything, committees, governments, offices their region, others their own unit's region. */
    private String scopePrefix() {
        if (caller.hasAny(Roles.AUDITOR, Roles.ADMIN)) {
            return "";
        }
        Unit mine = Unit.findById(caller.unitCode());
        if (mine == null) {
            throw Problems.forbidden("未知单位", "Unknown unit");
        }
        return mine.kind.committeeOrGovernmentOrOffice() || mine.kind == UnitKind.DISCIPLINE_COMMISSION
                ? mine.region().prefix() : mine.regionCode;
    }

    static List<String> ancestry(String region) {
        String p = new cn.dcjk.common.unit.RegionCode(region).prefix();
        List<String> out = new ArrayList<>();
        for (int len = p.length(); len >= 2; len -= (len > 6 ? 3 : 2)) {
            String cut = p.substring(0, len);
            out.add(cut.length() < 6 ? (cut + "000000").substring(0, 6) : cut);
        }
        return out;
    }

    public record BaselineInput(@Min(0) int itemCount) {
    }

    @PUT
    @Path("/baselines/{organiser}/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Idempotent
    @Transactional
    @Operation(summary = "Record an organiser's grassroots item count of a year before the system (admin)")
    public Response baseline(@PathParam("organiser") String organiser, @PathParam("year") int year,
            @Valid @NotNull BaselineInput in) {
        if (Unit.findById(organiser) == null) {
            throw Problems.notFound("unit", organiser);
        }
        @SuppressWarnings("unchecked")
        List<Number> before = em.createNativeQuery("SELECT item_count FROM grassroots_baseline WHERE organiser_unit_code = ?1 "
                + "AND year = ?2").setParameter(1, organiser).setParameter(2, year).getResultList();
        em.createNativeQuery("INSERT INTO grassroots_baseline (organiser_unit_code, year, item_count) VALUES (?1, ?2, ?3) "
                        + "ON CONFLICT (organiser_unit_code, year) DO UPDATE SET item_count = EXCLUDED.item_count")
                .setParameter(1, organiser).setParameter(2, year).setParameter(3, in.itemCount()).executeUpdate();
        audit.record("grassroots-baseline", organiser + ":" + year, before.isEmpty() ? "CREATE" : "UPDATE",
                before.isEmpty() ? Map.of() : Map.of("itemCount", before.get(0).intValue()), Map.of("itemCount", in.itemCount()));
        return Response.ok(Map.of("organiserUnitCode", organiser, "year", year, "itemCount", in.itemCount())).build();
    }
}
