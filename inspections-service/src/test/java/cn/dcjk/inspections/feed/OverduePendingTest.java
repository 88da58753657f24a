package cn.dcjk.inspections.feed;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The overdue detector's batches read the pending lines only: every pending line past its deadline is
 * noticed once, none before its deadline, none closed; and a batch's plan reads the same pages after
 * 10,000 closed or already noticed lines of earlier deadlines as before them (the ledger's history is
 * not stepped over on every batch).
 */
@QuarkusTest
class OverduePendingTest {

    static final long INSPECTION = 930_000_000L;

    @Inject
    EntityManager em;
    @Inject
    FindingOverdue overdue;

    /** The lines and the inspection of these tests go again: other tests list every inspection. */
    @org.junit.jupiter.api.AfterEach
    void cleanUp() {
        sql("DELETE FROM finding WHERE inspection_id = " + INSPECTION);
        sql("DELETE FROM inspection WHERE id = " + INSPECTION);
    }

    @Transactional
    void sql(String statement) {
        em.createNativeQuery(statement).executeUpdate();
    }

    /** Lines from {@code first}: deadlines from {@code from} a day apart, in a status, noticed or not. */
    @Transactional
    void lines(long first, int count, String from, String status, boolean noticed) {
        em.createNativeQuery("INSERT INTO inspection (id, item_id, approval_code, title, organiser_unit_code, organiser_region, "
                + "dispatching_unit_code, status, unannounced, provincial_comprehensive, starts_on, ends_on, team, population, "
                + "sampling_required, exception_granted, sample_draws, history, created_at, created_by, version) VALUES (?1, 1, "
                + "'DCJK-1990-0001', '逾期检查', '370000-D-ENV', '370000', '370000-D-ENV', 'CLOSED', false, false, "
                + "date '1990-01-01', date '1990-01-05', '[]', '[]', false, false, '[]', '[]', now(), 'test', 0) "
                + "ON CONFLICT DO NOTHING").setParameter(1, INSPECTION).executeUpdate();
        em.createNativeQuery("INSERT INTO finding (id, inspection_id, target_unit_code, problem, evidence, responsible_side, "
                + "deadline, status, dispatching_unit_code, organiser_unit_code, organiser_region, fed_back_at, rectifications, "
                + "verifications, created_at, version, overdue_noticed_at) SELECT ?1 + g, ?2, '370102-D-ENV', '逾期问题 ' || g, "
                + "'[\"证据\"]', '责任科室', CAST(?3 AS date) + g, ?4, '370000-D-ENV', '370000-D-ENV', '370000', now(), '[]', "
                + "'[]', now(), 0, CASE WHEN ?5 THEN now() END FROM generate_series(0, ?6 - 1) g")
                .setParameter(1, first).setParameter(2, INSPECTION).setParameter(3, from).setParameter(4, status)
                .setParameter(5, noticed).setParameter(6, count).executeUpdate();
    }

    @Transactional
    long number(String query) {
        return ((Number) em.createNativeQuery(query).getSingleResult()).longValue();
    }

    /** The batch's query prepared as the driver reuses it (executed five times first), explained. */
    @Transactional
    String explainBatch(LocalDate today) {
        String sql = FindingOverdue.PENDING.replace("?1", "$1");
        em.createNativeQuery("PREPARE overdue_test(date) AS " + sql).executeUpdate();
        try {
            for (int i = 0; i < 5; i++) {
                em.createNativeQuery("EXECUTE overdue_test('" + today + "')").getResultList();
            }
            @SuppressWarnings("unchecked")
            List<Object> lines = em.createNativeQuery("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF) EXECUTE overdue_test('"
                    + today + "')").getResultList();
            return String.join("\n", lines.stream().map(String::valueOf).toList());
        } finally {
            em.createNativeQuery("DEALLOCATE overdue_test").executeUpdate();
        }
    }

    static long pages(String plan) {
        Matcher m = Pattern.compile("Buffers: shared( hit=(\\d+))?( read=(\\d+))?").matcher(plan);
        assertTrue(m.find(), plan);
        return (m.group(2) == null ? 0 : Long.parseLong(m.group(2))) + (m.group(4) == null ? 0 : Long.parseLong(m.group(4)));
    }

    @Test
    void aBatchReadsThePendingLinesNotTheLedgersHistory() {
        // the current ledger: 3,000 lines due over the coming years, and 300 pending lines due in 1995
        lines(931_000_000L, 3_000, "2030-01-01", "FED_BACK", false);
        lines(932_000_000L, 300, "1995-01-01", "ANSWERED", false);
        sql("ANALYZE finding");
        LocalDate today = LocalDate.of(1996, 1, 1);
        String before = explainBatch(today);
        // ten thousand lines of earlier deadlines: closed, or noticed long ago
        lines(933_000_000L, 5_000, "1980-01-01", "CLOSED", false);
        lines(934_000_000L, 5_000, "1980-01-01", "RECTIFICATION_REPORTED", true);
        sql("ANALYZE finding");
        String after = explainBatch(today);
        for (String plan : List.of(before, after)) {
            assertTrue(plan.contains("finding_overdue_pending_in_order"), plan);
            assertFalse(plan.contains("Rows Removed by Filter"), plan);
        }
        assertTrue(pages(after) <= pages(before) + 2, () -> before + "\n---\n" + after);
    }

    @Test
    void everyPendingLinePastItsDeadlineIsNoticedOnceAndNoOther() {
        lines(941_000_000L, 250, "1970-01-01", "FED_BACK", false);      // pending, due 1970-01-01 to 1970-09-07
        lines(942_000_000L, 20, "1970-01-01", "CLOSED", false);         // closed: never
        lines(943_000_000L, 1, "1970-09-08", "ANSWERED", false);        // due the day the detector runs: not yet
        LocalDate today = LocalDate.of(1970, 9, 8);
        assertEquals(200, overdue.notice(today), "a full batch");
        assertEquals(50, overdue.notice(today), "the rest");
        assertEquals(0, overdue.notice(today), "noticed once");
        assertEquals(250, number("SELECT count(*) FROM finding WHERE id BETWEEN 941000000 AND 941000249 "
                + "AND overdue_noticed_at IS NOT NULL"));
        assertEquals(0, number("SELECT count(*) FROM finding WHERE id BETWEEN 942000000 AND 943000000 "
                + "AND overdue_noticed_at IS NOT NULL"));
        assertEquals(250, number("SELECT count(*) FROM audit_event WHERE object_type = 'finding' AND action = 'OVERDUE' "
                + "AND object_id BETWEEN '941000000' AND '941000249'"));
        // the next day the last line is past its deadline too
        assertEquals(1, overdue.notice(today.plusDays(1)));
    }
}
