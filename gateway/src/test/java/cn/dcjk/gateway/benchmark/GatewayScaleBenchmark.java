package cn.dcjk.gateway.benchmark;

import cn.dcjk.gateway.directory.DirectoryClient;
import cn.dcjk.gateway.policy.DecisionSearch;
import cn.dcjk.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;


/**
 * Not a test: the gateway at province scale. The decision log's first page for a day, and its first
 * page without a range (the count capped), with 1,000 decisions stored (500 of them on the day asked)
 * and with 1,000,000 (the other 999,500 spread over the ten years before), through HTTP; and the policy's unit lookup from the directory cache holding
 * a few units against holding the whole province's 22,000. Prints medians, ratios and the service's query plans.
 * Run: {@code ./mvnw -pl gateway -am verify -Dgroups=benchmark -Ddcjk.excluded-groups=none -Dtest=GatewayScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@QuarkusTest
@Tag("benchmark")
class GatewayScaleBenchmark {

    static final int ROUNDS = 60;
    static final int WARMUP = 30;

    @Inject
    EntityManager em;
    @Inject
    DirectoryClient directory;

    @Test
    void decisionLogAndDirectoryCache() throws Exception {
        seed(0, 500, true);
        seed(500, 500, false);
        analyze();
        for (int i = 0; i < 300; i++) { // the first phase runs on a cold JIT: warm the reads well past their compilation
            firstPageOfTheDay();
            firstPageOfTheLog();
        }
        double small = median(GatewayScaleBenchmark::firstPageOfTheDay);
        double smallLog = median(GatewayScaleBenchmark::firstPageOfTheLog);
        for (int done = 0; done < 999_000; done += 111_000) {
            seed(1_000 + done, 111_000, false);
        }
        analyze();
        double large = median(GatewayScaleBenchmark::firstPageOfTheDay);
        double largeLog = median(GatewayScaleBenchmark::firstPageOfTheLog);
        StringBuilder out = new StringBuilder("\nBENCHMARK province scale (gateway)\n");
        out.append(String.format("  decision log, first page of a day: %.2f ms at 1k, %.2f ms at 1M, ratio %.2f%n",
                small, large, large / small));
        out.append(String.format("  decision log, first page without a range (count capped at %d): %.2f ms at 1k, %.2f ms "
                + "at 1M, ratio %.2f%n", DecisionSearch.COUNT_CAP, smallLog, largeLog, largeLog / smallLog));

        String auth = "Bearer " + auditor();
        directory.clear();
        directory.unit("370102-DIS", auth).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        double fewUnits = lookupNanos(auth);
        // the whole province's units in the cache (the test directory answers them as unknown: cached all the same)
        for (int i = 0; i < 22_000; i++) {
            directory.unit(String.format("37%04d-D-%d", i % 10_000, i), auth).toCompletionStage().toCompletableFuture()
                    .get(5, TimeUnit.SECONDS);
        }
        double province = lookupNanos(auth);
        out.append(String.format("  policy unit lookup from the cache: %.0f ns with 1 unit, %.0f ns with 22,001, ratio %.2f%n",
                fewUnits, province, province / fewUnits));
        out.append(explain());
        System.out.println(out);
    }

    static String auditor = Tokens.token("auditor", "auditor", "370000-PO");
    static long issued = System.nanoTime();

    /** Test tokens live minutes, a phase on a busy machine may take longer: renewed every minute. */
    static String auditor() {
        if (System.nanoTime() - issued > 60_000_000_000L) {
            auditor = Tokens.token("auditor", "auditor", "370000-PO");
            issued = System.nanoTime();
        }
        return auditor;
    }

    static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();

    static Object firstPageOfTheDay() {
        return get("/api/v1/gateway/decisions?from=2027-03-15T00:00:00Z&to=2027-03-16T00:00:00Z");
    }

    static Object firstPageOfTheLog() {
        return get("/api/v1/gateway/decisions");
    }

    /** Timed with the JDK's client: the answer's time, not a test library's. */
    static Object get(String pathAndQuery) {
        try {
            java.net.http.HttpResponse<byte[]> r = HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    "http://localhost:" + io.restassured.RestAssured.port + pathAndQuery))
                    .header("Authorization", "Bearer " + auditor()).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("decisions answered " + r.statusCode());
            }
            return r.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    double lookupNanos(String auth) throws Exception {
        long sink = 0;
        for (int i = 0; i < 200_000; i++) { // warm-up
            sink += directory.unit("370102-DIS", auth).result().isPresent() ? 1 : 0;
        }
        List<Long> times = new ArrayList<>();
        for (int r = 0; r < 21; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 100_000; i++) {
                sink += directory.unit("370102-DIS", auth).result().isPresent() ? 1 : 0;
            }
            times.add((System.nanoTime() - t0) / 100_000);
        }
        Collections.sort(times);
        if (sink == 42) {
            System.out.println();
        }
        return times.get(times.size() / 2);
    }

    /** See {@link cn.dcjk.testing.Timing#median}. */
    static double median(Supplier<Object> call) {
        return cn.dcjk.testing.Timing.median(WARMUP, ROUNDS, call);
    }

    /** Decisions on 2027-03-15 ({@code onTheDay}) or spread over the ten years before it. */
    @Transactional
    void seed(int first, int count, boolean onTheDay) {
        String at = onTheDay ? "timestamptz '2027-03-15 00:00:00+00' + (g % 86400) * interval '1 second'"
                : "timestamptz '2017-03-15 00:00:00+00' + (g % 3652) * interval '1 day' + (g % 86400) * interval '1 second'";
        em.createNativeQuery("INSERT INTO decision (id, at, request_id, caller, unit_code, dispatching_unit_code, method, "
                + "route, rule, outcome, reason, recipient_unit_code) SELECT gen_random_uuid(), " + at + ", 'bench-' || g, "
                + "'team-' || (g % 300), '370' || lpad((g % 1000)::text, 3, '0') || '-D-ENV', '370000-D-ENV', 'POST', "
                + "'/api/v1/accountability/referrals', 'NO-DIRECT-DEMAND', CASE WHEN g % 10 = 0 THEN 'DENY' ELSE 'ALLOW' END, "
                + "'benchmark', '370102-DIS' FROM generate_series(?1, ?2) g")
                .setParameter(1, first + 1).setParameter(2, first + count).executeUpdate();
    }

    @Inject
    io.agroal.api.AgroalDataSource db;

    /** VACUUM and ANALYZE outside a transaction: reads timed on a settled table, not against autovacuum. */
    void analyze() throws java.sql.SQLException {
        try (java.sql.Connection c = db.getConnection(); java.sql.Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            st.execute("VACUUM (ANALYZE) decision");
        }
    }

    /** The service's own queries (DecisionSearch.queries), explained with their parameters bound. */
    @Transactional
    String explain() {
        StringBuilder b = new StringBuilder("\nEXPLAIN (ANALYZE, BUFFERS) at 1M decisions\n");
        Map<String, DecisionSearch.Queries> pages = new LinkedHashMap<>();
        pages.put("first page of 2027-03-15", DecisionSearch.queries(new DecisionSearch.Filter(null, null, null, null,
                OffsetDateTime.parse("2027-03-15T00:00:00Z"), OffsetDateTime.parse("2027-03-16T00:00:00Z")), null, 0, 50));
        pages.put("first page of the whole log", DecisionSearch.queries(new DecisionSearch.Filter(null, null, null, null,
                null, null), null, 0, 50));
        pages.put("a unit's first page (its own decisions and its teams')", DecisionSearch.queries(
                new DecisionSearch.Filter(null, null, "370102-D-ENV", null, null, null), null, 0, 50));
        pages.forEach((name, q) -> {
            for (String sql : List.of(q.rows(), q.count())) {
                b.append("-- ").append(name).append(sql == q.rows() ? ", rows" : ", count").append('\n');
                var query = em.createNativeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql);
                int n = sql == q.rows() ? q.parameters().size() : q.countParameters();
                for (int i = 0; i < n; i++) {
                    query.setParameter(i + 1, q.parameters().get(i));
                }
                @SuppressWarnings("unchecked")
                List<Object> plan = query.getResultList();
                plan.forEach(line -> b.append(line).append('\n'));
            }
        });
        return b.toString();
    }
}
