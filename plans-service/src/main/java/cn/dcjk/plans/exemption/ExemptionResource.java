package cn.dcjk.plans.exemption;

import cn.dcjk.common.api.Page;
import cn.dcjk.common.data.audit.AuditTrail;
import cn.dcjk.common.data.idempotency.Idempotent;
import cn.dcjk.common.problem.Problems;
import cn.dcjk.common.security.Roles;
import cn.dcjk.plans.unit.Unit;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The exemptions registry (免督查, article 29): written by admins and by inspections-service when
 * it records commendations; a repeated (source, sourceId) answers the registered exemption again.
 */
@Path("/api/v1/exemptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "exemptions", description = "免督查: units exempt from a year's provincial comprehensive inspection")
@Authenticated
public class ExemptionResource {

    @Inject
    EntityManager em;
    @Inject
    AuditTrail audit;

    public record ExemptionInput(@NotBlank String unitCode, @Min(2018) @Max(2101) int year,
            @NotBlank @Size(max = 2000) String reason, @NotBlank @Size(max = 30) String source,
            @NotBlank @Size(max = 100) String sourceId) {
    }

    @GET
    @Transactional
    @Operation(summary = "Exemptions by year and unit")
    public Page<Exemption> list(@QueryParam("year") Integer year, @QueryParam("unit") String unit) {
        StringBuilder q = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (year != null) {
            q.append(" and year = :year");
            params.put("year", year);
        }
        if (unit != null) {
            q.append(" and unitCode = :unit");
            params.put("unit", unit);
        }
        List<Exemption> list = Exemption.list(q + " order by id", params);
        return new Page<>(list, 0, list.size(), list.size());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.SERVICE})
    @Idempotent
    @Transactional
    @Operation(summary = "Register an exemption (admin, integrator); idempotent on (source, sourceId)")
    public Response register(@Valid @NotNull ExemptionInput in) {
        Unit unit = Unit.findById(in.unitCode());
        if (unit == null) {
            throw Problems.invalid("unitCode", "unknown unit code " + in.unitCode());
        }
        // the unique key serialises concurrent deliveries of the same source event
        int inserted = em.createNativeQuery("INSERT INTO exemption (id, unit_code, year, reason, source, source_id, created_at) "
                        + "VALUES (nextval('exemption_seq'), ?1, ?2, ?3, ?4, ?5, now()) ON CONFLICT (source, source_id) DO NOTHING")
                .setParameter(1, in.unitCode()).setParameter(2, in.year()).setParameter(3, in.reason())
                .setParameter(4, in.source()).setParameter(5, in.sourceId()).executeUpdate();
        Exemption e = Exemption.find("source = ?1 and sourceId = ?2", in.source(), in.sourceId()).firstResult();
        if (inserted == 0) {
            return Response.ok(e).build();
        }
        audit.created("exemption", e.id, e);
        return Response.created(URI.create("/api/v1/exemptions/" + e.id)).entity(e).build();
    }
}
