package cn.dcjk.plans.calendar;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import cn.dcjk.common.api.Page;
import cn.dcjk.common.data.audit.AuditTrail;
import cn.dcjk.common.data.idempotency.Idempotent;
import cn.dcjk.common.problem.Problems;
import cn.dcjk.common.security.Roles;
import cn.dcjk.plans.plan.PlanItem;
import cn.dcjk.common.unit.RegionCode;
import cn.dcjk.plans.unit.RegionPrefix;
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
        CalendarQuery q = CalendarQuery.of(prefix, prefix.length() > 2 ? unitsInside(prefix) : List.of(), from, to);
        var query = em.createNativeQuery(q.sql(), PlanItem.class);
        for (int k = 0; k < q.parameters().size(); k++) {
            query.setParameter(k + 1, q.parameters().get(k));
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
    List<String> unitsInside(String prefix) {
        return em.createNativeQuery(CalendarQuery.UNITS_INSIDE).setParameter(1, prefix + "%")
                .getResultList();
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
