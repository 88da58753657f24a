package cn.dcjk.plans.statistics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import cn.dcjk.common.data.idempotency.Idempotent;
import cn.dcjk.common.problem.Problems;
import cn.dcjk.common.security.Caller;
import cn.dcjk.common.security.Roles;
import cn.dcjk.plans.plan.PlanItem;
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

import java.time.YearMonth;
import java.util.ArrayList;
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

    @Schema(name = "BurdenStatistics")
    public record Burden(int year, int baselineYear, double target, List<OrganiserStanding> organisers,
            List<TargetMonth> targets, List<RegionRollup> regions) {
    }

    @GET
    @Path("/burden")
    @Transactional
    @Operation(summary = "Grassroots burden: per organiser against the baseline, per target unit by month, rolled up by region")
    public Burden burden(@QueryParam("year") @NotNull @Min(2018) @Max(2100) Integer year,
            @QueryParam("baselineYear") @Min(2000) @Max(2100) Integer baselineYear) {
        int base = baselineYear == null ? parameters.baselineYear() : baselineYear;
        String prefix = scopePrefix();
        @SuppressWarnings("unchecked")
        List<Object[]> organisers = em.createNativeQuery("SELECT u.code, u.name, u.region_code FROM unit u WHERE u.code IN "
                        + "(SELECT DISTINCT organiser_unit_code FROM plan_item WHERE year IN (?1, ?2) AND approved) "
                        + "AND u.region_code LIKE ?3 ORDER BY u.region_code, u.code")
                .setParameter(1, year).setParameter(2, base).setParameter(3, prefix + "%").getResultList();
        List<OrganiserStanding> standings = new ArrayList<>();
        Map<String, long[]> rollup = new TreeMap<>();
        for (Object[] o : organisers) {
            String code = (String) o[0];
            Map<String, Object> s = GrassrootsReduction.standing(candidates, code, year, base, parameters.grassrootsReduction(), 0);
            long granted = ((Number) em.createNativeQuery("SELECT count(*) FROM granted_exception g JOIN plan_item i "
                    + "ON i.id = g.item_id WHERE i.organiser_unit_code = ?1 AND i.year = ?2")
                    .setParameter(1, code).setParameter(2, year).getSingleResult()).longValue();
            standings.add(new OrganiserStanding(code, (String) o[1], (String) o[2], s, granted));
            String region = (String) o[2];
            // every region from the organiser's up to the province gets its numbers
            for (String r : ancestry(region)) {
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

    private List<TargetMonth> targetMonths(int year, String prefix) {
        @SuppressWarnings("unchecked")
        List<PlanItem> items = em.createNativeQuery("SELECT * FROM plan_item WHERE year = ?1 AND approved AND NOT withdrawn "
                + "AND cardinality(target_unit_codes) > 0 AND target_region_prefix LIKE ?2 LIMIT 20000", PlanItem.class)
                .setParameter(1, year).setParameter(2, prefix.length() > 2 ? prefix.substring(0, 2) + "%" : prefix + "%")
                .getResultList();
        Map<String, long[]> counts = new TreeMap<>();
        for (PlanItem i : items) {
            for (String t : i.targetUnitCodes) {
                String month = YearMonth.from(i.periodStart).toString();
                long[] c = counts.computeIfAbsent(t + "|" + month, k -> new long[2]);
                c[0] += i.plannedVisitDays().size();
                c[1] += i.forms.size() + i.materials.size();
            }
        }
        List<TargetMonth> out = new ArrayList<>();
        counts.forEach((k, c) -> out.add(new TargetMonth(k.split("\\|")[0], k.split("\\|")[1], c[0], c[1])));
        return out;
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
    @APIResponseSchema(value = BaselineSet.class, responseCode = "200")
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
        return Response.ok(new BaselineSet(organiser, year, in.itemCount())).build();
    }

    /** The grassroots baseline as set. */
    public record BaselineSet(String organiserUnitCode, int year, int itemCount) {
    }
}
