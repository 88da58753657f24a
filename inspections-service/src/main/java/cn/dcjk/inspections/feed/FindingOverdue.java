package cn.dcjk.inspections.feed;

import cn.dcjk.common.data.audit.AuditTrail;
import cn.dcjk.common.security.RunAs;
import cn.dcjk.inspections.finding.FindingLedger;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Finds the findings whose rectification deadline has passed unclosed and records that once per
 * finding (action {@code OVERDUE}, actor {@code system}): audited, in the findings feed, and the
 * event {@code cn.dcjk.finding.overdue} for webhooks.
 */
@ApplicationScoped
public class FindingOverdue {

    public static final String ACTION = "OVERDUE";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final int BATCH = 200;
    /**
     * The next batch of pending lines, oldest deadline first: a range of the partial index
     * finding_overdue_pending_in_order (V53), which holds only lines not closed and not yet noticed, so a
     * batch reads its own lines however many closed or noticed ones the ledger keeps.
     */
    static final String PENDING = "SELECT id FROM finding WHERE overdue_noticed_at IS NULL AND status <> 'CLOSED' "
            + "AND deadline < ?1 ORDER BY deadline, id LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED";

    @Inject
    EntityManager em;
    @Inject
    AuditTrail audit;

    @Scheduled(every = "${dcjk.findings.overdue-check-every:5m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void check() {
        LocalDate today = LocalDate.now(ZONE);
        int n;
        do {
            n = notice(today);
        } while (n == BATCH);
    }

    /** Notices one batch of findings overdue on {@code today}; returns how many. */
    public int notice(LocalDate today) {
        return RunAs.as(RunAs.Principal.system(), () -> QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("UPDATE finding SET overdue_noticed_at = now() WHERE id IN ("
                            + PENDING + ") RETURNING id, deadline")
                    .setParameter(1, today).getResultList();
            for (Object[] r : rows) {
                audit.record(FindingLedger.AUDIT_TYPE, ((Number) r[0]).longValue(), ACTION, Map.of(),
                        Map.of("overdue", true, "deadline", r[1].toString()));
            }
            return rows.size();
        }));
    }
}
