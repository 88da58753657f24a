package cn.dcjk.plans.benchmark;

import cn.dcjk.plans.plan.PlanFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Not a test: a benchmark of the submission check (the rulebook's dry run through HTTP) with
 * 1,000 and with 100,000 stored items. It prints both medians and their ratio; the rule checks
 * ask indexed candidates, so the ratio should stay within 2. Run it with
 * {@code ./mvnw -pl plans-service verify -Dgroups=benchmark -Ddcjk.excluded-groups=none -Dtest=SubmissionCheckBenchmark}.
 */
@QuarkusTest
@Tag("benchmark")
class SubmissionCheckBenchmark {

    static final int ROUNDS = 200;
    static final int WARMUP = 100;

    @Inject
    EntityManager em;

    @Test
    void submissionCheckScalesWithIndexedCandidates() {
        seed(1_000);
        measure(); // JIT warm-up on the small store
        measure();
        double small = measure();
        seed(99_000);
        em.clear();
        measure();
        double large = measure();
        System.out.printf("%nBENCHMARK submission check: 1,000 items %.2f ms, 100,000 items %.2f ms, ratio %.2f%n%n",
                small, large, large / small);
    }

    double measure() {
        Map<String, Object> item = PlanFixtures.with(PlanFixtures.item("大气污染防治专项检查"),
                "topics", List.of("topic-7", "topic-42"), "category", "SPECIAL");
        Map<String, Object> body = Map.of("item", item, "planType", "ANNUAL", "year", 2027);
        for (int i = 0; i < WARMUP; i++) {
            call(body);
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            long t0 = System.nanoTime();
            call(body);
            times.add(System.nanoTime() - t0);
        }
        Collections.sort(times);
        return times.get(times.size() / 2) / 1e6;
    }

    static void call(Map<String, Object> body) {
        given().auth().oauth2(PlanFixtures.PLANNER).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/plans/checks").then().statusCode(200);
    }

    /** Approved items spread over the seed's counties, 2025-2029, 500 topics, all categories. */
    @Transactional
    void seed(int count) {
        em.createNativeQuery("INSERT INTO plan (id, type, urgent, year, title, organiser_unit_code, reviewing_office_code, "
                + "approving_body_code, status, created_by, created_at) SELECT 900000000 + g, 'ANNUAL', false, "
                + "2025 + g % 5, 'bench', '370000-D-EDU', '370000-GO', '370000-GOV', 'ISSUED', 'bench', now() "
                + "FROM generate_series(1, 5) g ON CONFLICT DO NOTHING").executeUpdate();
        em.createNativeQuery("INSERT INTO plan_item (id, plan_id, title, category, activity_word, topics, organiser_unit_code, "
                + "acting_name, target_unit_codes, target_region_prefix, on_site, period_start, period_end, year, approved, "
                + "grassroots) SELECT nextval('plan_item_seq') + 1000000000, 900000001 + g % 5, '基准事项 ' || g, "
                + "(ARRAY['COMPREHENSIVE','SPECIAL','OBSERVATION_EVALUATION','RESEARCH_GUIDANCE'])[1 + g % 4], '检查', "
                + "ARRAY['topic-' || (g % 500)], '370000-D-' || (ARRAY['EDU','EM','AG','FIN','NR'])[1 + g % 5], 'OWN', "
                + "ARRAY[(ARRAY['370102','370112','370202','370211','370303','370304'])[1 + g % 6] || '-D-ENV'], "
                + "(ARRAY['370102','370112','370202','370211','370303','370304'])[1 + g % 6], g % 2 = 0, "
                + "make_date(2025 + g % 5, 1 + g % 12, 1 + g % 28), make_date(2025 + g % 5, 1 + g % 12, 1 + g % 28) + 10, "
                + "2025 + g % 5, true, true FROM generate_series(1, ?1) g")
                .setParameter(1, count).executeUpdate();
        // what approval writes for on-site items: their planned visits
        em.createNativeQuery("INSERT INTO planned_visit (unit_code, day, item_id) SELECT t, i.period_start, i.id "
                + "FROM plan_item i CROSS JOIN LATERAL unnest(i.target_unit_codes) t WHERE i.id > 1000000000 "
                + "AND i.on_site ON CONFLICT DO NOTHING").executeUpdate();
        em.createNativeQuery("ANALYZE plan_item").executeUpdate();
        em.createNativeQuery("ANALYZE planned_visit").executeUpdate();
    }
}
