package cn.dcjk.plans.mandate;

import cn.dcjk.common.api.Page;
import cn.dcjk.common.data.audit.AuditTrail;
import cn.dcjk.common.data.idempotency.Idempotent;
import cn.dcjk.common.problem.Problems;
import cn.dcjk.common.security.Caller;
import cn.dcjk.common.security.Roles;
import cn.dcjk.plans.unit.Unit;
import cn.dcjk.plans.unit.UnitKind;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mandates on record (articles 6, 9, 10): a party committee or government records its unified
 * deployments (统一部署) and its approvals of coordination bodies acting in its name. Only a
 * committee-approver of that committee or government records them, in its own name; items that
 * claim one cite its reference and the rules look it up.
 */
@Path("/api/v1/mandates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "mandates", description = "统一部署 and approvals of coordination bodies, on record")
@Authenticated
public class MandateResource {

    @Inject
    Caller caller;
    @Inject
    AuditTrail audit;

    public record MandateInput(@NotNull MandateKind kind, @NotBlank @Size(max = 200) String reference,
            @NotBlank @Size(max = 300) String title, @Size(max = 40) String granteeUnitCode,
            @Min(2018) @Max(2101) int year) {
    }

    @GET
    @Transactional
    @Operation(summary = "Mandates on record, by reference, granting unit or year")
    public Page<Mandate> list(@QueryParam("reference") String reference, @QueryParam("grantingUnit") String granting,
            @QueryParam("year") Integer year) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (reference != null) {
            q.append(" and reference = :reference");
            params.put("reference", reference);
        }
        if (granting != null) {
            q.append(" and grantingUnitCode = :granting");
            params.put("granting", granting);
        }
        if (year != null) {
            q.append(" and year = :year");
            params.put("year", year);
        }
        List<Mandate> list = Mandate.list(q + " order by id", params);
        return new Page<>(list, 0, list.size(), list.size());
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "One mandate")
    public Mandate get(@PathParam("id") long id) {
        Mandate m = Mandate.findById(id);
        if (m == null) {
            throw Problems.notFound("mandate", id);
        }
        return m;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COMMITTEE_APPROVER)
    @Idempotent
    @Transactional
    @Operation(summary = "Record a unified deployment or a coordination body's approval (committee-approver of a "
            + "party committee or government, in its own name)")
    public Response record(@Valid @NotNull MandateInput in) {
        Unit granting = Unit.findById(caller.unitCode());
        if (granting == null || (granting.kind != UnitKind.PARTY_COMMITTEE && granting.kind != UnitKind.GOVERNMENT)) {
            throw Problems.forbidden("只有党委、政府可以登记统一部署或批准", "Only a party committee or government records mandates");
        }
        if (in.kind() == MandateKind.COORDINATION_BODY_APPROVAL) {
            Unit grantee = in.granteeUnitCode() == null ? null : Unit.findById(in.granteeUnitCode());
            if (grantee == null || grantee.retired || grantee.kind != UnitKind.COORDINATION_BODY) {
                throw Problems.invalid("granteeUnitCode", "name the coordination body approved");
            }
        } else if (in.granteeUnitCode() != null) {
            throw Problems.invalid("granteeUnitCode", "a unified deployment names no grantee");
        }
        if (Mandate.count("reference", in.reference().trim()) > 0) {
            throw Problems.conflict("duplicate-reference", "文号 " + in.reference() + " 已登记",
                    "Reference " + in.reference() + " is already on record");
        }
        Mandate m = new Mandate();
        m.kind = in.kind();
        m.reference = in.reference().trim();
        m.title = in.title().trim();
        m.grantingUnitCode = granting.code;
        m.grantingUnitKind = granting.kind;
        m.grantingRegionCode = granting.regionCode;
        m.granteeUnitCode = in.granteeUnitCode();
        m.year = in.year();
        m.recordedBy = caller.name();
        m.recordedAt = OffsetDateTime.now();
        m.persist();
        audit.created("mandate", m.id, m);
        return Response.created(URI.create("/api/v1/mandates/" + m.id)).entity(m).build();
    }
}
