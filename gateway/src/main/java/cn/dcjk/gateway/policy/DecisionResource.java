package cn.dcjk.gateway.policy;

import cn.dcjk.common.api.Page;
import cn.dcjk.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The decision log for auditors: every channel-policy decision, newest first. */
@Path("/api/v1/gateway/decisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "gateway", description = "The article-27 channel rule's decision log")
public class DecisionResource {

    @Inject
    EntityManager em;

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Transactional
    @Operation(summary = "Decisions of NO-DIRECT-DEMAND, filtered by outcome, caller, unit, request id and time")
    public Page<Decision> list(@QueryParam("outcome") Decision.Outcome outcome, @QueryParam("caller") String caller,
            @QueryParam("unit") String unit, @QueryParam("requestId") String requestId,
            @QueryParam("from") OffsetDateTime from, @QueryParam("to") OffsetDateTime to,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (outcome != null) {
            params.add(outcome.name());
            where.append(" AND outcome = ?").append(params.size());
        }
        if (caller != null) {
            params.add(caller);
            where.append(" AND caller = ?").append(params.size());
        }
        if (unit != null) {
            params.add(unit);
            where.append(" AND (unit_code = ?").append(params.size()).append(" OR dispatching_unit_code = ?")
                    .append(params.size()).append(')');
        }
        if (requestId != null) {
            params.add(requestId);
            where.append(" AND request_id = ?").append(params.size());
        }
        if (from != null) {
            params.add(from);
            where.append(" AND at >= ?").append(params.size());
        }
        if (to != null) {
            params.add(to);
            where.append(" AND at < ?").append(params.size());
        }
        Query rows = em.createNativeQuery("SELECT id, at, request_id, caller, unit_code, dispatching_unit_code, method, "
                + "route, rule, outcome, reason, recipient_unit_code FROM decision" + where + " ORDER BY at DESC, id "
                + "LIMIT " + size + " OFFSET " + ((long) page * size));
        Query count = em.createNativeQuery("SELECT count(*) FROM decision" + where);
        for (int i = 0; i < params.size(); i++) {
            rows.setParameter(i + 1, params.get(i));
            count.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> list = rows.getResultList();
        List<Decision> items = list.stream().map(r -> new Decision(((UUID) r[0]).toString(), at(r[1]), (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8],
                Decision.Outcome.valueOf((String) r[9]), (String) r[10], (String) r[11])).toList();
        return new Page<>(items, page, size, ((Number) count.getSingleResult()).longValue());
    }

    private static OffsetDateTime at(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
