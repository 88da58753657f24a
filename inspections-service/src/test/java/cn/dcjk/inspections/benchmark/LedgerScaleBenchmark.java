package cn.dcjk.inspections.benchmark;

import cn.dcjk.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;


/**
 * Not a test: the rectification ledger with 1,000 lines and with 1,000,000 (ten years of findings
 * over the province's county departments). It times, through HTTP, an auditor's first page of the
 * whole ledger, the same page a hundred pages deep by cursor, and an inspected unit's own ledger
 * (the same 200 lines in both runs); then streams the whole ledger as CSV and reports the heap
 * before, at its peak and after; and prints the plans of the queries ({@code EXPLAIN (ANALYZE, BUFFERS)}).
 * Run: {@code ./mvnw -pl inspections-service -am verify -Dgroups=benchmark -Ddcjk.excluded-groups=none -Dtest=LedgerScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@QuarkusTest
@Tag("benchmark")
class LedgerScaleBenchmark {

    static final int ROUNDS = 60;
    static final int WARMUP = 30;
    static final int FIRST_WARMUP = 300;
    static final String UNIT = "370102-D-ENV";

    @Inject
    EntityManager em;

    @Test
    void ledgerAtAMillionLines() throws Exception {
        inspections();
        seed(0, 200, true);
        seed(200, 800, false);
        analyze();
        Map<String, Supplier<Object>> reads = reads();
        // the first phase runs on a cold JIT: warm every read well past its compilation before timing it
        reads.values().forEach(call -> {
            for (int i = 0; i < FIRST_WARMUP; i++) {
                call.get();
            }
        });
        Map<String, Double> small = new LinkedHashMap<>();
        reads.forEach((name, call) -> small.put(name, median(call)));
        for (int done = 0; done < 999_000; done += 111_000) {
            seed(1_000 + done, 111_000, false);
        }
        analyze();
        reads = reads(); // tokens live minutes: each phase takes fresh ones
        Map<String, Double> large = new LinkedHashMap<>();
        reads.forEach((name, call) -> large.put(name, median(call)));
        StringBuilder out = new StringBuilder("\nBENCHMARK province scale (inspections-service, findings ledger)\n");
        for (String name : reads.keySet()) {
            out.append(String.format("  %-34s %7.2f ms at 1k  %7.2f ms at 1M  ratio %.2f  %s%n", name, small.get(name),
                    large.get(name), large.get(name) / small.get(name), large.get(name) < 100 ? "under 100 ms" : "OVER 100 ms"));
        }
        out.append(export());
        out.append(explain());
        System.out.println(out);
    }

    /** A token renewed every minute: test tokens live minutes, a phase on a busy machine may take longer. */
    static Supplier<String> fresh(String user, String role, String unit) {
        String[] token = new String[1];
        long[] at = new long[1];
        return () -> {
            if (token[0] == null || System.nanoTime() - at[0] > 60_000_000_000L) {
                token[0] = Tokens.token(user, role, unit);
                at[0] = System.nanoTime();
            }
            return token[0];
        };
    }

    static final Supplier<String> AUDITOR = fresh("auditor", "auditor", "370000-PO");
    static final Supplier<String> INSPECTED = fresh("inspected-unit", "inspected-unit", UNIT);

    static String auditor() {
        return AUDITOR.get();
    }

    /** Timed with the JDK's client: the answer's time, not a test library's. */
    Map<String, Supplier<Object>> reads() {
        Map<String, Supplier<Object>> reads = new LinkedHashMap<>();
        reads.put("auditor, first page", () -> http("/api/v1/findings", auditor()));
        reads.put("auditor, by cursor (deadline_id)", () -> http("/api/v1/findings?after=2027-01-01_0", auditor()));
        reads.put("inspected unit, its own ledger", () -> http("/api/v1/findings", INSPECTED.get()));
        return reads;
    }

    /** A GET answered 200; its body. */
    static byte[] http(String pathAndQuery, String token) {
        return cn.dcjk.testing.Timing.http(RestAssured.port, pathAndQuery, token, null);
    }

    /** See {@link cn.dcjk.testing.Timing#median}. */
    static double median(Supplier<Object> call) {
        return cn.dcjk.testing.Timing.median(WARMUP, ROUNDS, call);
    }

    @Transactional
    void inspections() {
        em.createNativeQuery("INSERT INTO inspection (id, item_id, approval_code, title, organiser_unit_code, organiser_region, "
                + "dispatching_unit_code, status, unannounced, provincial_comprehensive, starts_on, ends_on, team, population, "
                + "sampling_required, exception_granted, sample_draws, history, created_at, created_by, version) "
                + "SELECT 900000000 + g, g, 'DCJK-2026-' || lpad(g::text, 4, '0'), '基准检查', '370000-D-ENV', '370000', "
                + "'370000-D-ENV', 'CLOSED', false, false, date '2017-01-01', date '2017-01-05', '[]', '[]', false, false, "
                + "'[]', '[]', now(), 'bench', 0 FROM generate_series(1, 1000) g").executeUpdate();
    }

    /** Fed-back lines: {@code mine} on the inspected unit with deadlines in 2027; the others on 136 county departments over ten years. */
    @Transactional
    void seed(int first, int count, boolean mine) {
        String target = mine ? "'" + UNIT + "'" : "'37' || lpad((1 + g % 99)::text, 2, '0') || lpad((1 + g % 17)::text, 2, '0') || '-D-EDU'";
        String deadline = mine ? "date '2027-01-01' + (g % 365)" : "date '2017-01-01' + (g % 3650)";
        em.createNativeQuery("INSERT INTO finding (id, inspection_id, target_unit_code, problem, evidence, responsible_side, "
                + "deadline, status, dispatching_unit_code, organiser_unit_code, organiser_region, fed_back_at, rectifications, "
                + "verifications, created_at, version, overdue_noticed_at) SELECT 800000000 + g, 900000001 + g % 1000, "
                + target + ", '台账问题 ' || g, '[\"证据\"]', '责任科室', " + deadline + ", "
                + "(ARRAY['FED_BACK','ANSWERED','RECTIFICATION_REPORTED','CLOSED'])[1 + g % 4], '370000-D-ENV', '370000-D-ENV', "
                // history as the service leaves it: a line past its deadline unclosed was noticed overdue the day after
                + "'370000', now(), '[]', '[]', now(), 0, CASE WHEN g % 4 <> 3 AND " + deadline + " < current_date "
                + "THEN (" + deadline + " + 1)::timestamptz END FROM generate_series(?1, ?2) g")
                .setParameter(1, first + 1).setParameter(2, first + count).executeUpdate();
    }

    @Inject
    io.agroal.api.AgroalDataSource db;

    /**
     * VACUUM and ANALYZE what the seed wrote, outside a transaction, so the reads are timed on settled
     * tables, not against the autovacuum a million inserts set off.
     */
    void analyze() throws java.sql.SQLException {
        try (java.sql.Connection c = db.getConnection(); java.sql.Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            st.execute("VACUUM (ANALYZE) finding");
            st.execute("VACUUM (ANALYZE) finding_tally");
        }
    }

    /** The whole ledger as CSV, read to the end; the heap before, at its peak (garbage included) and after. */
    String export() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long t0 = System.nanoTime();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + RestAssured.port + "/api/v1/findings/ledger"))
                .header("Authorization", "Bearer " + auditor()).build(), HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = response.body()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        sampler.join();
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        return String.format("  ledger CSV (status %d): %,d lines, %,d bytes in %.1f s; heap %d MB before, %d MB peak "
                + "during (garbage included), %d MB after%n", response.statusCode(), lines - 1, bytes, seconds,
                before >> 20, peak.get() >> 20, after >> 20);
    }

    @Transactional
    String explain() {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("auditor, first page", "SELECT * FROM finding ORDER BY deadline, id LIMIT 50");
        queries.put("auditor, by cursor", "SELECT * FROM finding WHERE deadline >= '2027-01-01' AND (deadline > '2027-01-01' "
                + "OR id > 0) ORDER BY deadline, id LIMIT 50");
        queries.put("export, a page half way (cursor in 2022)", "SELECT * FROM finding WHERE deadline >= '2022-01-01' "
                + "AND (deadline > '2022-01-01' OR id > 0) ORDER BY deadline, id LIMIT 500");
        queries.put("the whole ledger's total", "SELECT coalesce(sum(lines), 0) FROM finding_tally");
        queries.put("inspected unit, its own ledger", "SELECT * FROM finding WHERE target_unit_code = '370102-D-ENV' "
                + "AND status <> 'FILED' ORDER BY deadline, id LIMIT 50");
        queries.put("inspected unit, its total", "SELECT count(*) FROM finding WHERE target_unit_code = '370102-D-ENV' "
                + "AND status <> 'FILED'");
        queries.put("the overdue detector's batch (every tick)", "SELECT id FROM finding WHERE overdue_noticed_at IS NULL "
                + "AND status <> 'CLOSED' AND deadline < current_date ORDER BY deadline, id LIMIT 200");
        StringBuilder b = new StringBuilder("\nEXPLAIN (ANALYZE, BUFFERS) at 1M lines\n");
        queries.forEach((name, sql) -> {
            b.append("-- ").append(name).append('\n');
            @SuppressWarnings("unchecked")
            List<Object> plan = em.createNativeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql).getResultList();
            plan.forEach(line -> b.append(line).append('\n'));
        });
        return b.toString();
    }
}
