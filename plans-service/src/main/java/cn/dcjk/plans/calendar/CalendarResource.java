package cn.dcjk.plans.calendar;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import cn.dcjk.common.api.Page;
import cn.dcjk.common.data.audit.AuditTrail;
import cn.dcjk.common.data.idempotency.Idempotent;
import cn.dcjk.common.problem.Problems;
import cn.dcjk.common.security.Roles;
import cn.dcjk.plans.plan.PlanItem;
import cn.dcjk.common.unit.RegionCode;
import cn.dcjk.plans.unit.Unit;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The coordination calendar (统筹日历) and the no-meeting months it respects (article 4). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "calendar", description = "Coordination calendar and no-meeting months (无会月)")
@Authenticated
public class CalendarResource {

    @Inject
    EntityManager em;
    @Inject
    AuditTrail audit;

    public record Activity(Long itemId, String approvalCode, String title, String organiserUnitCode,
            List<String> targetUnitCodes, boolean plannedVisit) {
    }

    public record Day(LocalDate date, List<Activity> activities) {
    }

    @GET
    @Path("/calendar")
    @Transactional
    @Operation(summary = "Every approved on-site activity touching a unit or the region under it, by day")
    public List<Day> calendar(@QueryParam("unit") @NotNull String unitCode, @QueryParam("from") @NotNull LocalDate from,
            @QueryParam("to") @NotNull LocalDate to) {
        if (to.isBefore(from)) {
            throw Problems.invalid("to", "before from");
        }
        if (ChronoUnit.DAYS.between(from, to) > 366) {
            throw Problems.invalid("to", "at most 366 days after from");
        }
        Unit unit = Unit.findById(unitCode);
        if (unit == null) {
            throw Problems.invalid("unit", "unknown unit code " + unitCode);
        }
        String prefix = unit.region().prefix();
        List<String> around = new ArrayList<>();
        for (int len = prefix.length(); len >= 2; len -= (len > 6 ? 3 : 2)) {
            around.add(prefix.substring(0, len));
        }
        // items whose targets lie in the unit's region, or whose scope covers it (a region-wide item of a
        // region around it), and whose period meets the asked one: each arm is one probe of the GiST
        // index plan_item_calendar (V20), so a month costs that month's items, not the region's history.
        // An item on units of several regions (counties of two cities: a province-wide common prefix) is
        // found by its common prefix (a region above this one) and the period, then by its targets: one of
        // them lies in the unit's region. At the province every item's prefix is inside already.
        List<String> inside = prefix.length() > 2 ? unitsInside(prefix) : List.of();
        String meets = "daterange(i.period_start, i.period_end, '[]') && daterange(?1, ?2, '[]')";
        StringBuilder arms = new StringBuilder("(i.target_region_prefix >= ?3 AND i.target_region_prefix < ?4 AND "
                + meets + ")");
        for (int k = 0; k < around.size(); k++) {
            arms.append(" OR (i.target_region_prefix = ?").append(5 + k).append(" AND i.target_region_code IS NOT NULL AND ")
                    .append(meets).append(')');
        }
        int targetsParameter = 5 + around.size();
        if (!inside.isEmpty()) {
            // only items whose common prefix is a region above this one can hold targets of several regions:
            // one GiST probe per such region and the period, then the targets checked on those few rows
            for (int k = 1; k < around.size(); k++) {
                arms.append(" OR (i.target_region_prefix = ?").append(5 + k)
                        .append(" AND i.target_unit_codes && CAST(?").append(targetsParameter).append(" AS text[]) AND ")
                        .append(meets).append(')');
            }
        }
        var query = em.createNativeQuery("SELECT i.* FROM plan_item i JOIN plan p ON p.id = i.plan_id "
                        + "WHERE i.approved AND NOT i.withdrawn AND i.on_site "
                        + "AND (p.status = 'ISSUED' OR (p.type = 'SINGLE_MATTER' AND p.status = 'APPROVED')) "
                        + "AND (" + arms + ") ORDER BY i.period_start, i.id LIMIT 2000", PlanItem.class)
                .setParameter(1, from).setParameter(2, to).setParameter(3, prefix).setParameter(4, successor(prefix));
        for (int k = 0; k < around.size(); k++) {
            query.setParameter(5 + k, around.get(k));
        }
        if (!inside.isEmpty()) {
            query.setParameter(targetsParameter, inside.toArray(String[]::new));
        }
        @SuppressWarnings("unchecked")
        List<PlanItem> items = query.getResultList();
        Map<LocalDate, List<Activity>> days = new TreeMap<>();
        for (PlanItem i : items) {
            LocalDate start = i.periodStart.isBefore(from) ? from : i.periodStart;
            LocalDate end = i.periodEnd.isAfter(to) ? to : i.periodEnd;
            for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
                days.computeIfAbsent(d, k -> new ArrayList<>()).add(new Activity(i.id, i.approvalCode, i.title,
                        i.organiserUnitCode, i.targetUnitCodes, i.plannedVisitDays().contains(d)));
            }
        }
        return days.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue())).toList();
    }

    /** The codes of the units in a region (the unit_region index); an item targeting one of them touches the region. */
    @SuppressWarnings("unchecked")
    private List<String> unitsInside(String prefix) {
        return em.createNativeQuery("SELECT code FROM unit WHERE region_code LIKE ?1").setParameter(1, prefix + "%")
                .getResultList();
    }

    /**
     * The digits after the prefix's whole range: "3709" → "3710", so {@code >= prefix and < successor} is
     * {@code LIKE prefix%} as a range an index can probe, in any collation (digits compare alike in all).
     */
    static String successor(String prefix) {
        String next = new java.math.BigInteger(prefix).add(java.math.BigInteger.ONE).toString();
        return next.length() > prefix.length() ? prefix + "~" : "0".repeat(prefix.length() - next.length()) + next;
    }

    public record MonthInput(@Min(2018) @Max(2100) int year, @Min(1) @Max(12) int month,
            @NotNull @Pattern(regexp = "[0-9]{6}([0-9]{3}([0-9]{3})?)?", message = "6, 9 or 12 digits") String regionCode,
            @Size(max = 300) String note) {
    }

    @GET
    @Path("/no-meeting-months")
    @Transactional
    @Operation(summary = "No-meeting months, by year and region (and the regions inside it)")
    public Page<NoMeetingMonth> months(@QueryParam("year") Integer year, @QueryParam("region") String region) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> p = new java.util.HashMap<>();
        if (year != null) {
            q.append(" and year = :year");
            p.put("year", year);
        }
        if (region != null) {
            if (!RegionCode.valid(region)) {
                throw Problems.invalid("region", "6, 9 or 12 digits");
            }
            q.append(" and regionCode like :region");
            p.put("region", new RegionCode(region).prefix() + "%");
        }
        List<NoMeetingMonth> list = NoMeetingMonth.list(q + " order by year, month, regionCode", p);
        return new Page<>(list, 0, list.size(), list.size());
    }

    @POST
    @Path("/no-meeting-months")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Idempotent
    @Transactional
    @Operation(summary = "Mark a month of a year as a no-meeting month for a region (admin)")
    @APIResponseSchema(value = NoMeetingMonth.class, responseCode = "201")
    public Response addMonth(@Valid @NotNull MonthInput in) {
        if (NoMeetingMonth.count("year = ?1 and month = ?2 and regionCode = ?3", in.year(), in.month(), in.regionCode()) > 0) {
            throw Problems.conflict("duplicate", "该无会月已存在", "That no-meeting month exists already");
        }
        NoMeetingMonth m = new NoMeetingMonth();
        m.year = in.year();
        m.month = in.month();
        m.regionCode = in.regionCode();
        m.note = in.note();
        m.persist();
        audit.created("no-meeting-month", m.id, m);
        return Response.created(URI.create("/api/v1/no-meeting-months/" + m.id)).entity(m).build();
    }

    @DELETE
    @Path("/no-meeting-months/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Idempotent
    @Transactional
    @Operation(summary = "Remove a no-meeting month (admin)")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response removeMonth(@PathParam("id") long id) {
        NoMeetingMonth m = NoMeetingMonth.findById(id);
        if (m == null) {
            throw Problems.notFound("no-meeting month", id);
        }
        audit.record("no-meeting-month", id, "DELETE", audit.snapshot(m), Map.of());
        m.delete();
        return Response.noContent().build();
    }
}
