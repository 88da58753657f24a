package cn.dcjk.common.data.audit;

import cn.dcjk.common.api.Page;
import cn.dcjk.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Auditors read the trail of one object, oldest first. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit", description = "The audit trail of an object, for auditors")
public class AuditResource {

    @GET
    @Path("/{objectType}/{objectId}")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Transactional
    @Operation(summary = "The audit trail of one object: who, unit, when, request id, field-level changes")
    public Page<AuditEvent> trail(@PathParam("objectType") String objectType, @PathParam("objectId") String objectId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        var query = AuditEvent.find("objectType = ?1 and objectId = ?2 order by id", objectType, objectId);
        return new Page<>(query.page(page, size).list(), page, size, query.count());
    }
}
