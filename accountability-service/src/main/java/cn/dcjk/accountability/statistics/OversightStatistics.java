package cn.dcjk.accountability.statistics;

import cn.dcjk.accountability.access.Access;
import cn.dcjk.common.unit.RegionCode;
import cn.dcjk.common.security.Caller;
import cn.dcjk.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Statistics for oversight (article 26): by outcome and by the timeliness of the procedure only.
 * Deliberately nothing per team, unit or inspection — no count of cases can become an indicator
 * that ranks or rewards anyone (不以问责数量论英雄).
 */
@Path("/api/v1/accountability/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "statistics", description = "Outcomes and timeliness of the procedure, never a ranking (第二十六条)")
public class OversightStatistics {

    public record Statistics(Map<String, Long> casesByStatus, Map<String, Long> decisionsByOutcome,
            Double averageDaysOpenedToDecided, long decidedCases) {
    }

    @Inject
    EntityManager em;
    @Inject
    Caller caller;
    @Inject
    Access access;

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN, Roles.DISCIPLINE_OFFICER})
    @Transactional
    @Operation(summary = "Cases by status and outcome, and the average days from opening to decision, for your "
            + "body or jurisdiction; no ranking of anyone")
    public Statistics statistics() {
        String where;
        String param;
        if (access.overseer()) {
            where = "c.competentRegionCode like :p";
            param = RegionCode.prefix(access.callerRegion().orElse("999999")) + "%";
        } else {
            where = "c.competentUnitCode = :p";
            param = caller.unitCode();
        }
        Map<String, Long> byStatus = group("c.status", where, param);
        Map<String, Long> byOutcome = group("c.outcome", where + " and c.outcome is not null", param);
        List<?> decided = em.createQuery("select c.openedAt, c.decidedAt from AccountabilityCase c where " + where
                + " and c.decidedAt is not null").setParameter("p", param).getResultList();
        double total = 0;
        for (Object row : decided) {
            Object[] r = (Object[]) row;
            total += java.time.Duration.between((java.time.OffsetDateTime) r[0], (java.time.OffsetDateTime) r[1])
                    .toMinutes() / 1440.0;
        }
        return new Statistics(byStatus, byOutcome, decided.isEmpty() ? null : total / decided.size(),
                decided.size());
    }

    private Map<String, Long> group(String by, String where, String param) {
        Map<String, Long> out = new TreeMap<>();
        for (Object row : em.createQuery("select " + by + ", count(c) from AccountabilityCase c where " + where
                + " group by " + by).setParameter("p", param).getResultList()) {
            Object[] r = (Object[]) row;
            out.put(String.valueOf(r[0]), (Long) r[1]);
        }
        return out;
    }
}
