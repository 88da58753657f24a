package cn.dcjk.plans.backtracing;

import cn.dcjk.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static cn.dcjk.plans.plan.PlanFixtures.APPROVER;
import static cn.dcjk.plans.plan.PlanFixtures.addItem;
import static cn.dcjk.plans.plan.PlanFixtures.item;
import static cn.dcjk.plans.plan.PlanFixtures.plan;
import static cn.dcjk.plans.plan.PlanFixtures.reviewAndForward;
import static cn.dcjk.plans.plan.PlanFixtures.step;
import static cn.dcjk.plans.plan.PlanFixtures.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Article 32 (「实行责任倒查」): plans-service's refusals that the article lists as abuses (over-quota and
 * over-frequency attempts) reach accountability-service's back-tracing register through the outbox,
 * exactly once per refusal: a retry with the same Idempotency-Key and a race of the same request
 * queue one report; a new attempt (no key, or another key) is a refusal of its own; a refusal that
 * is no abuse, and a dry run, queue nothing.
 */
@QuarkusTest
class BacktracingReportTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PLANNER = Tokens.token("planner-fin", "planner", "370000-D-FIN");

    @Inject
    DataSource db;

    @Test
    void art32AnOverFrequencyAttemptIsReportedOncePerRefusalUnderRetriesAndRaces() throws Exception {
        Map<String, Object> visit = with(item("陶瓷企业安全检查"), "targetUnitCodes", List.of("370304-E-CERAMIC"),
                "periodStart", "2027-11-15", "periodEnd", "2027-11-15");
        long approved = plan(PLANNER, "ANNUAL", 2027, "第一次到陶瓷企业");
        addItem(PLANNER, approved, visit).statusCode(201);
        step(PLANNER, approved, "submit", null).statusCode(200);
        reviewAndForward(approved);
        step(APPROVER, approved, "approve", null).statusCode(200);

        long second = plan(PLANNER, "ANNUAL", 2027, "第二次到陶瓷企业");
        addItem(PLANNER, second, with(visit, "title", "陶瓷企业排污检查", "topics", List.of("窑炉排放"))).statusCode(201);
        // a dry run refuses nothing and reports nothing
        given().auth().oauth2(PLANNER).contentType(ContentType.JSON).body(Map.of("planId", second))
                .when().post("/api/v1/plans/checks").then().statusCode(200)
                .body("items[0].findings.rule", hasItem("VISIT-FREQUENCY"));
        assertEquals(0, reports(second).size(), "a dry run is no attempt");

        // one request retried with its key: one report
        for (int attempt = 0; attempt < 3; attempt++) {
            submit(second, "retry-" + second).statusCode(422).body("findings.rule", hasItem("VISIT-FREQUENCY"));
        }
        assertEquals(1, reports(second).size(), "a retry with the same Idempotency-Key is the same refusal");

        // one request raced by six clients with one key: one report
        int racers = 6;
        CyclicBarrier start = new CyclicBarrier(racers);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return submit(second, "race-" + second).extract().statusCode();
                }, pool));
            }
            for (CompletableFuture<Integer> a : answers) {
                assertEquals(422, a.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(2, reports(second).size(), "a race of one request is one refusal");

        // two attempts without a key are two refusals
        submit(second, null).statusCode(422);
        submit(second, null).statusCode(422);
        List<JsonNode> reports = reports(second);
        assertEquals(4, reports.size(), "each new attempt is a refusal of its own");

        JsonNode r = reports.get(0);
        assertEquals("PLANS", r.path("source").asText());
        assertEquals("OVER_FREQUENCY", r.path("kind").asText());
        assertEquals("370000-D-FIN", r.path("actorUnitCode").asText());
        assertEquals("370304-E-CERAMIC", r.path("subjectUnitCode").asText());
        assertEquals(r.path("sourceEventId").asText(), r.path("messageId").asText(), "keyed on the event id");
        assertEquals("SUBMISSION", r.path("evidence").path("stage").asText());
        assertEquals("VISIT-FREQUENCY", r.path("evidence").path("findings").get(0).path("rule").asText());
        assertTrue(r.path("summary").asText().contains(String.valueOf(second)), r.path("summary").asText());
    }

    @Test
    void art32AnOverQuotaAttemptIsReportedAndARefusalThatIsNoAbuseIsNot() throws Exception {
        String planner = Tokens.token("planner-em", "planner", "370000-D-EM");
        long first = plan(planner, "ANNUAL", 2027, "应急管理厅综合督查");
        addItem(planner, first, with(item("应急管理综合督查"), "category", "COMPREHENSIVE")).statusCode(201);
        step(planner, first, "submit", null).statusCode(200);
        reviewAndForward(first);
        step(APPROVER, first, "approve", null).statusCode(200);

        long over = plan(planner, "ANNUAL", 2027, "应急管理厅第二次综合督查");
        addItem(planner, over, with(item("第二次应急管理综合检查"), "category", "COMPREHENSIVE")).statusCode(201);
        submit(planner, over, "over-" + over).statusCode(422).body("findings.rule", hasItem("COMPREHENSIVE-CAP"));
        List<JsonNode> reports = reports(over);
        assertEquals(1, reports.size());
        assertEquals("OVER_QUOTA", reports.get(0).path("kind").asText());
        assertEquals("370000-D-EM", reports.get(0).path("subjectUnitCode").asText());

        // asked for with its written justification, the exception the approver declines is the procedure, no abuse
        long justified = plan(planner, "ANNUAL", 2027, "应急管理厅有理由的第二次综合督查");
        addItem(planner, justified, with(item("第三次应急管理综合检查"), "category", "COMPREHENSIVE",
                "justifications", Map.of("COMPREHENSIVE-CAP", "确有必要：机构改革后的全面检查"))).statusCode(201);
        step(planner, justified, "submit", null).statusCode(200);
        reviewAndForward(justified);
        step(APPROVER, justified, "approve", null).statusCode(422).body("findings.rule", hasItem("COMPREHENSIVE-CAP"));
        assertEquals(0, reports(justified).size(), "a declined exception is no abuse");

        // SAMPLE-AT-MOST-THIRD unjustified is refused, but the article lists it as no abuse
        long sample = plan(planner, "ANNUAL", 2027, "抽样过多的计划");
        addItem(planner, sample, with(item("抽样过多的检查"), "sampling", Map.of("population", 6, "sampleSize", 4)))
                .statusCode(201);
        submit(planner, sample, null).statusCode(422).body("findings.rule", hasItem("SAMPLE-AT-MOST-THIRD"));
        assertEquals(0, reports(sample).size());
    }

    static io.restassured.response.ValidatableResponse submit(long plan, String key) {
        return submit(PLANNER, plan, key);
    }

    static io.restassured.response.ValidatableResponse submit(String planner, long plan, String key) {
        var request = given().auth().oauth2(planner).contentType(ContentType.JSON)
                .header("If-Match", cn.dcjk.plans.plan.PlanFixtures.etag(plan)).body(Map.of());
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/v1/plans/" + plan + "/submit").then();
    }

    /** The reports queued for the register about one plan, oldest first, each with its message id. */
    List<JsonNode> reports(long plan) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id, body FROM outbox_message WHERE destination = "
                        + "'accountability' AND path = '/api/v1/backtracing' ORDER BY created_at, id")) {
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    JsonNode body = JSON.readTree(r.getString(2));
                    if (body.path("evidence").path("planId").asLong() == plan) {
                        ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("messageId", r.getString(1));
                        found.add(body);
                    }
                }
            }
        }
        return found;
    }
}
