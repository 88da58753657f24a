package cn.dcjk.plans.benchmark;

import cn.dcjk.plans.calendar.CalendarQuery;
import cn.dcjk.plans.plan.PlanFixtures;
import cn.dcjk.plans.rule.ItemCandidates;
import cn.dcjk.plans.rule.ItemMeasures;
import cn.dcjk.plans.unit.RegionPrefix;
import cn.dcjk.plans.unit.UnitInput;
import cn.dcjk.plans.unit.province.ProvinceTree;
import cn.dcjk.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
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

import static io.restassured.RestAssured.given;

/**
 * Not a test: the province at scale. It loads Shandong's whole directory through the import
 * endpoint (units per second), then times the hot reads with 1,000 stored items — the current
 * year, 2027, spread over every provincial and city department as organisers and the province's
 * townships as targets — and again after ten years of history (2017–2026) bring the store to
 * 1,000,000 items. The answers stay the same size, so the ratio shows what the history costs:
 * the dry-run check, a city's calendar for a month, the province's burden statistics for a year,
 * the positive list's first page; and a directory lookup with the seed against the whole tree.
 * Then it streams a year's positive list as CSV and reports the heap, and prints the plans of the
 * hot queries ({@code EXPLAIN (ANALYZE, BUFFERS)}). Run:
 * {@code ./mvnw -pl plans-service -am verify -Dgroups=benchmark -Ddcjk.excluded-groups=none -Dtest=ProvinceScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@QuarkusTest
@Tag("benchmark")
class ProvinceScaleBenchmark {

    static final int ROUNDS = 60;
    static final int WARMUP = 30;
    static final int FIRST_WARMUP = 300;
    static final int HISTORY = 999_000;
    static final int CURRENT = 1_000;

    @Inject
    EntityManager em;

    @Test
    void provinceScale() throws Exception {
        // tokens live minutes: each phase takes fresh ones
        String reader = Tokens.token("planner", "planner", "370000-D-ENV");
        for (int i = 0; i < FIRST_WARMUP; i++) {
            lookup(reader, "370102-D-EDU");
        }
        double lookupSeed = median(() -> lookup(reader, "370102-D-EDU"));

        List<UnitInput> tree = ProvinceTree.units();
        long t0 = System.nanoTime();
        for (int from = 0; from < tree.size(); from += ProvinceTree.CHUNK) {
            given().auth().oauth2(Tokens.token("admin", "admin", "370000-GO")).contentType(ContentType.JSON)
                    .body(tree.subList(from, Math.min(tree.size(), from + ProvinceTree.CHUNK)))
                    .when().post("/api/v1/units/import").then().statusCode(200);
        }
        double importSeconds = (System.nanoTime() - t0) / 1e9;
        long units = ((Number) em.createNativeQuery("SELECT count(*) FROM unit").getSingleResult()).longValue();
        String reader2 = Tokens.token("planner", "planner", "370000-D-ENV");
        double lookupTree = median(() -> lookup(reader2, "371702-D-EDU"));
        System.out.printf("BENCHMARK progress: imported %d units in %.1f s%n", tree.size(), importSeconds);

        seed(0, CURRENT, 2027, 2027);
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
        System.out.println("BENCHMARK progress: at 1k " + small);
        String nearbyAt1k = explainNearby();
        for (int done = 0; done < HISTORY; done += 111_000) {
            seed(CURRENT + done, Math.min(111_000, HISTORY - done), 2017, 2026);
            System.out.println("BENCHMARK progress: history " + (done + 111_000));
        }
        analyze();
        reads = reads();
        long items = ((Number) em.createNativeQuery("SELECT count(*) FROM plan_item").getSingleResult()).longValue();
        Map<String, Double> large = new LinkedHashMap<>();
        reads.forEach((name, call) -> large.put(name, median(call)));

        StringBuilder out = new StringBuilder("\nBENCHMARK province scale (plans-service)\n");
        out.append(String.format("  import: %d rows of the tree in %.1f s = %.0f units/s; directory now %d units%n",
                tree.size(), importSeconds, tree.size() / importSeconds, units));
        out.append(String.format("  unit lookup: %.2f ms with the seed, %.2f ms with the whole tree, ratio %.2f%n",
                lookupSeed, lookupTree, lookupTree / lookupSeed));
        out.append(String.format("  stored items: %,d then %,d%n", CURRENT, items));
        for (String name : reads.keySet()) {
            out.append(String.format("  %-28s %7.2f ms at 1k  %7.2f ms at 1M  ratio %.2f  %s%n", name, small.get(name),
                    large.get(name), large.get(name) / small.get(name), large.get(name) < 100 ? "under 100 ms" : "OVER 100 ms"));
        }
        out.append(export(2026));
        out.append("\nEXPLAIN (ANALYZE, BUFFERS) of the check's nearby items, as the service's plan cache runs it\n-- at 1k\n")
                .append(nearbyAt1k).append("-- at 1M\n").append(explainNearby());
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

    Map<String, Supplier<Object>> reads() {
        Supplier<String> planner = fresh("planner", "planner", "370000-D-ENV");
        Supplier<String> auditor = fresh("auditor", "auditor", "370000-PO");
        String checkJson = checkJson();
        // timed with the JDK's client: the answer's time, not a test library's
        Map<String, Supplier<Object>> reads = new LinkedHashMap<>();
        reads.put("dry-run check", () -> http("/api/v1/plans/checks", planner.get(), checkJson));
        reads.put("city calendar, a month", () -> http("/api/v1/calendar?unit=370100-PC&from=2027-03-01&to=2027-03-31",
                planner.get(), null));
        reads.put("province burden, a year", () -> http("/api/v1/statistics/burden?year=2027&baselineYear=2018",
                auditor.get(), null));
        reads.put("positive list, first page", () -> http("/api/v1/positive-list?year=2027&size=50", null, null));
        return reads;
    }

    /**
     * The item the dry run checks, the same in both phases: a county department, ten days of February 2027,
     * two of the 500 topics the seed spreads over every year (the nearby items' topics grow with history).
     */
    static final Map<String, Object> CHECKED = PlanFixtures.with(PlanFixtures.item("大气污染防治专项检查"),
            "topics", List.of("topic-7", "topic-42"), "category", "SPECIAL", "targetUnitCodes", List.of("370102-D-ENV"),
            "periodStart", "2027-02-10", "periodEnd", "2027-02-20");

    static String checkJson() {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                    Map.of("item", CHECKED, "planType", "ANNUAL", "year", 2027));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Object lookup(String token, String code) {
        return http("/api/v1/units/" + code, token, null);
    }

    /** A GET (or a POST of {@code json}) answered 200; its body. */
    static byte[] http(String pathAndQuery, String token, String json) {
        return cn.dcjk.testing.Timing.http(RestAssured.port, pathAndQuery, token, json);
    }

    /** See {@link cn.dcjk.testing.Timing#median}. */
    static double median(Supplier<Object> call) {
        return cn.dcjk.testing.Timing.median(WARMUP, ROUNDS, call);
    }

    /**
     * {@code count} approved, issued, publishable items from {@code first}, spread over the years,
     * over every provincial and city department as organiser (one annual plan each per year) and over
     * the province's township governments as targets; every other one on site, with its planned visit.
     */
    @Transactional
    void seed(int first, int count, int fromYear, int toYear) {
        int years = toYear - fromYear + 1;
        em.createNativeQuery("CREATE TEMP TABLE IF NOT EXISTS bench_org AS SELECT row_number() OVER (ORDER BY code) AS n, code "
                + "FROM unit WHERE kind = 'DEPARTMENT' AND level IN ('PROVINCE', 'CITY')").executeUpdate();
        em.createNativeQuery("CREATE TEMP TABLE IF NOT EXISTS bench_target AS SELECT row_number() OVER (ORDER BY code) AS n, "
                + "code, region_code FROM unit WHERE kind = 'GOVERNMENT' AND level = 'TOWNSHIP'").executeUpdate();
        em.createNativeQuery("INSERT INTO plan (id, type, urgent, year, title, organiser_unit_code, reviewing_office_code, "
                + "submitting_office_code, approving_body_code, status, created_by, created_at) SELECT 800000000 + o.n * 100 + y, "
                + "'ANNUAL', false, y, '基准计划', o.code, '370000-GO', '370000-PO', '370000-PC', 'ISSUED', 'bench', now() "
                + "FROM bench_org o "
                + "CROSS JOIN generate_series(?1, ?2) y ON CONFLICT DO NOTHING")
                .setParameter(1, fromYear).setParameter(2, toYear).executeUpdate();
        em.createNativeQuery("INSERT INTO plan_item (id, plan_id, title, category, activity_word, topics, organiser_unit_code, "
                + "acting_name, target_unit_codes, target_region_prefix, on_site, period_start, period_end, year, approved, "
                + "grassroots, publishable, approval_code, forms) "
                + "SELECT 2000000000 + g, 800000000 + o.n * 100 + y, '基准事项 ' || g, "
                + "(ARRAY['COMPREHENSIVE','SPECIAL','OBSERVATION_EVALUATION','RESEARCH_GUIDANCE'])[1 + g % 4], '检查', "
                + "ARRAY['topic-' || (g % 500)], o.code, 'OWN', ARRAY[t.code], t.region_code, g % 2 = 0, "
                + "make_date(y, 1 + g % 12, 1 + g % 28), make_date(y, 1 + g % 12, 1 + g % 28) + 3 + g % 10, y, true, true, "
                + "true, 'DCJK-' || y || '-' || lpad(g::text, 7, '0'), ARRAY['表' || g % 3] "
                + "FROM generate_series(?1, ?2) g "
                + "CROSS JOIN LATERAL (SELECT ?3 + (g / 7) % ?4 AS y) yy "
                + "JOIN bench_org o ON o.n = 1 + g % (SELECT count(*) FROM bench_org) "
                + "JOIN bench_target t ON t.n = 1 + (g::bigint * 7919) % (SELECT count(*) FROM bench_target)")
                .setParameter(1, first + 1).setParameter(2, first + count).setParameter(3, fromYear).setParameter(4, years)
                .executeUpdate();
        em.createNativeQuery("INSERT INTO planned_visit (unit_code, day, item_id) SELECT i.target_unit_codes[1], i.period_start, "
                + "i.id FROM plan_item i WHERE i.id > ?1 AND i.id <= ?2 AND i.on_site ON CONFLICT DO NOTHING")
                .setParameter(1, 2000000000L + first).setParameter(2, 2000000000L + first + count).executeUpdate();
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
            for (String t : List.of("plan", "plan_item", "planned_visit", "organiser_tally", "target_month_tally", "unit")) {
                st.execute("VACUUM (ANALYZE) " + t);
            }
        }
    }

    /** Streams a year's positive list as CSV and reads it to the end; the heap before, at its peak during, after. */
    String export(int year) throws Exception {
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
                URI.create("http://localhost:" + RestAssured.port + "/api/v1/positive-list?format=csv&year=" + year)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
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
        return String.format("  positive list CSV of %d: %,d rows, %,d bytes in %.1f s; heap %d MB before, %d MB peak "
                + "during (garbage included), %d MB after%n", year, lines - 1, bytes, seconds, before >> 20,
                peak.get() >> 20, after >> 20);
    }

    /** The check's nearby query for {@link #CHECKED}, with the parameters the service gives it. */
    @Transactional
    String explainNearby() {
        return explainPrepared(ItemCandidates.NEARBY, List.of(-1L, java.time.LocalDate.of(2027, 2, 10),
                java.time.LocalDate.of(2027, 2, 20), "370102", RegionPrefix.successor("370102"), new String[] {"3701", "37"},
                new String[] {"topic-7", "topic-42"}, ItemMeasures.STRIPPED,
                ItemMeasures.titleProbe((String) CHECKED.get("title"), 0.6).stream().map(b -> "%" + b + "%")
                        .toArray(String[]::new), false));
    }

    /**
     * A query ({@code ?n} parameters) explained as the service runs it: prepared on the server and executed
     * five times first, as the driver does with a statement it reuses, so the plan shown is the one the
     * server's plan cache settles on (a generic plan when it is no dearer), not one for inlined literals.
     */
    String explainPrepared(String sql, List<Object> parameters) {
        String prepared = sql.replaceAll("\\?(\\d+)", "\\$$1");
        List<String> literals = new ArrayList<>();
        for (Object p : parameters) {
            literals.add(p instanceof Number ? p.toString() : p instanceof String[] a
                    ? "'{" + String.join(",", a) + "}'" : "'" + p.toString().replace("'", "''") + "'");
        }
        String execute = "EXECUTE bench_explained(" + String.join(", ", literals) + ")";
        em.createNativeQuery("PREPARE bench_explained AS " + prepared).executeUpdate();
        try {
            for (int i = 0; i < 5; i++) {
                em.createNativeQuery(execute).getResultList();
            }
            @SuppressWarnings("unchecked")
            List<Object> plan = em.createNativeQuery("EXPLAIN (ANALYZE, BUFFERS) " + execute).getResultList();
            StringBuilder b = new StringBuilder();
            plan.forEach(line -> b.append(line).append('\n'));
            return b.toString();
        } finally {
            em.createNativeQuery("DEALLOCATE bench_explained").executeUpdate();
        }
    }

    @Transactional
    String explain() {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("positive list, first page of 2027", "SELECT i.approval_code, i.title, i.category, i.activity_word, "
                + "i.organiser_unit_code, coalesce(u.name, i.organiser_unit_code), i.period_start, i.period_end, i.on_site "
                + "FROM plan_item i JOIN plan p ON p.id = i.plan_id LEFT JOIN unit u ON u.code = i.organiser_unit_code "
                + "WHERE i.year = 2027 AND i.approved AND NOT i.withdrawn AND i.publishable AND i.approval_code > '' "
                + "AND (p.status = 'ISSUED' OR (p.type = 'SINGLE_MATTER' AND p.status = 'APPROVED')) "
                + "ORDER BY i.approval_code LIMIT 50");
        queries.put("burden: organisers of 2027 against 2018", "SELECT u.code, u.name, u.region_code, "
                + "coalesce(max(t.grassroots_items) FILTER (WHERE t.year = 2027), 0), "
                + "coalesce(max(t.grassroots_items) FILTER (WHERE t.year = 2018), 0), max(b.item_count) "
                + "FROM organiser_tally t JOIN unit u ON u.code = t.organiser_unit_code "
                + "LEFT JOIN grassroots_baseline b ON b.organiser_unit_code = t.organiser_unit_code AND b.year = 2018 "
                + "WHERE t.year IN (2027, 2018) AND t.approved_items > 0 AND u.region_code LIKE '%' "
                + "GROUP BY u.code, u.name, u.region_code ORDER BY u.region_code, u.code");
        queries.put("burden: heaviest unit-months of 2027", "SELECT unit_code, to_char(month, 'YYYY-MM'), planned_visits, forms "
                + "FROM target_month_tally WHERE month >= make_date(2027, 1, 1) AND month < make_date(2028, 1, 1) "
                + "AND region_code LIKE '%' AND (planned_visits > 0 OR forms > 0) "
                + "ORDER BY planned_visits DESC, forms DESC, unit_code, month LIMIT 500");
        queries.put("check: planned visits to the targets", "SELECT item_id, unit_code, day FROM planned_visit "
                + "WHERE unit_code = ANY('{370102-D-EDU}') AND day BETWEEN '2027-02-10' AND '2027-02-20' AND item_id <> -1 "
                + "ORDER BY item_id LIMIT 5000");
        queries.put("check: approved items of the organiser, year and category", "SELECT count(*) FROM plan_item "
                + "WHERE approved AND NOT withdrawn AND organiser_unit_code = '370000-D-ENV' AND year = 2027 "
                + "AND category = 'SPECIAL' AND id <> -1");
        queries.put("check: GRASSROOTS-REDUCTION's count", "SELECT grassroots_items FROM organiser_tally "
                + "WHERE organiser_unit_code = '370000-D-ENV' AND year = 2027");
        StringBuilder b = new StringBuilder("\nEXPLAIN (ANALYZE, BUFFERS) at 1M items\n");
        // the calendar as the service builds it (every arm, the region's units for the multi-region one)
        @SuppressWarnings("unchecked")
        List<String> inside = em.createNativeQuery(CalendarQuery.UNITS_INSIDE).setParameter(1, "3701%").getResultList();
        CalendarQuery calendar = CalendarQuery.of("3701", inside, java.time.LocalDate.of(2027, 3, 1),
                java.time.LocalDate.of(2027, 3, 31));
        b.append("-- calendar (Jinan, March 2027), the service's query with its ").append(inside.size())
                .append(" units inside\n").append(explainPrepared(calendar.sql(), calendar.parameters()));
        queries.forEach((name, sql) -> {
            b.append("-- ").append(name).append('\n');
            @SuppressWarnings("unchecked")
            List<Object> plan = em.createNativeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql).getResultList();
            plan.forEach(line -> b.append(line).append('\n'));
        });
        return b.toString();
    }
}
