package cn.dcjk.accountability;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static cn.dcjk.accountability.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class BacktracingResourceTest {

    static Map<String, Object> event(String source, String eventId) {
        return Map.of("source", source, "sourceEventId", eventId, "kind", "DIRECT_DEMAND_REFUSED",
                "actorUnitCode", "370000-D-ENV", "subjectUnitCode", "370102-DIS",
                "occurredAt", "2026-11-27T10:00:00Z", "summary", "督查组直接向区纪委提出问责建议被拒",
                "evidence", Map.of("route", "/api/v1/accountability/referrals", "decision", "DENY"));
    }

    static int countOf(String eventId) {
        return given().auth().oauth2(AUDITOR).queryParam("size", 200).when().get("/api/v1/backtracing")
                .then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.sourceEventId == '" + eventId + "' }").size();
    }

    @Test
    void theSameEventTwiceIsStoredOnce() {
        String eventId = "gw-" + UUID.randomUUID();
        given().auth().oauth2(INTEGRATOR).contentType(ContentType.JSON).body(event("GATEWAY", eventId))
                .when().post("/api/v1/backtracing").then().statusCode(403); // provincial systems do not report the suite's events
        int id = given().auth().oauth2(SERVICES).contentType(ContentType.JSON).body(event("GATEWAY", eventId))
                .when().post("/api/v1/backtracing").then().statusCode(201)
                .body("status", equalTo("REGISTERED")).body("evidence.decision", equalTo("DENY"))
                .extract().jsonPath().getInt("id");
        given().auth().oauth2(SERVICES).contentType(ContentType.JSON).body(event("GATEWAY", eventId))
                .when().post("/api/v1/backtracing").then().statusCode(200).body("id", equalTo(id));
        // the relay's retry carries its message id as Idempotency-Key
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(SERVICES).contentType(ContentType.JSON).header("Idempotency-Key", key)
                    .body(event("GATEWAY", eventId)).when().post("/api/v1/backtracing")
                    .then().statusCode(200).body("id", equalTo(id));
        }
        assertEquals(1, countOf(eventId));
        // the same event id from another source is another event
        given().auth().oauth2(SERVICES).contentType(ContentType.JSON).body(event("INSPECTIONS", eventId))
                .when().post("/api/v1/backtracing").then().statusCode(201);
    }

    @Test
    void concurrentDeliveriesOfOneEventStoreItOnce() throws Exception {
        String eventId = "gw-" + UUID.randomUUID();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Callable<Integer> post = () -> {
                    start.await();
                    return given().auth().oauth2(SERVICES).contentType(ContentType.JSON)
                            .body(event("GATEWAY", eventId)).when().post("/api/v1/backtracing")
                            .then().extract().statusCode();
                };
                results.add(pool.submit(post));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get(60, TimeUnit.SECONDS));
            }
            statuses.sort(Integer::compareTo);
            assertEquals(List.of(200, 201), statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, countOf(eventId));
    }

    @Test
    void readersSeeTheirJurisdiction() {
        String eventId = "gw-" + UUID.randomUUID();
        int id = given().auth().oauth2(SERVICES).contentType(ContentType.JSON).body(event("GATEWAY", eventId))
                .when().post("/api/v1/backtracing").then().statusCode(201).extract().jsonPath().getInt("id");
        // subject 370102-DIS: Lixia's commission sees it, Shinan's does not
        given().auth().oauth2(OFFICER).when().get("/api/v1/backtracing/" + id).then().statusCode(200);
        given().auth().oauth2(FOREIGN_OFFICER).when().get("/api/v1/backtracing/" + id).then().statusCode(404);
        given().auth().oauth2(FOREIGN_OFFICER).queryParam("size", 200).when().get("/api/v1/backtracing")
                .then().statusCode(200).body("items.sourceEventId", not(hasItem(eventId)));
        given().auth().oauth2(OFFICER).queryParam("size", 200).when().get("/api/v1/backtracing")
                .then().statusCode(200).body("items.sourceEventId", hasItem(eventId));
    }

    @Test
    void evidenceIsRegisteredEvenWhenTheDirectoryCannotAnswer() {
        String eventId = "gw-" + UUID.randomUUID();
        Map<String, Object> body = new java.util.HashMap<>(event("GATEWAY", eventId));
        body.put("actorUnitCode", "370000-D-EDU");
        body.put("subjectUnitCode", "370102-PC");
        stub("service=plans&state=down");
        try {
            given().auth().oauth2(SERVICES).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/backtracing").then().statusCode(201);
        } finally {
            stub("service=plans&state=up");
        }
        assertEquals(1, countOf(eventId));
    }

    @Test
    void whoMayRegisterWhat() {
        given().auth().oauth2(PLANNER).contentType(ContentType.JSON).body(event("GATEWAY", "p-1"))
                .when().post("/api/v1/backtracing").then().statusCode(403);
        given().auth().oauth2(HANDLER).contentType(ContentType.JSON).body(event("GATEWAY", "h-1"))
                .when().post("/api/v1/backtracing").then().statusCode(403);
        given().auth().oauth2(SERVICES).contentType(ContentType.JSON).body(event("HANDLER", "i-1"))
                .when().post("/api/v1/backtracing").then().statusCode(403);
        given().auth().oauth2(AUDITOR).contentType(ContentType.JSON).body(event("GATEWAY", "a-1"))
                .when().post("/api/v1/backtracing").then().statusCode(403);
        given().auth().oauth2(SERVICES).contentType(ContentType.JSON)
                .body("{\"source\":\"GATEWAY\",\"sourceEventId\":\"\",\"kind\":\"OTHER\"}")
                .when().post("/api/v1/backtracing").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TEAM).when().get("/api/v1/backtracing").then().statusCode(403);
    }

    @Test
    void handlersRecordFindingsAndOutcomeAuditorsRead() {
        String eventId = "h-" + UUID.randomUUID();
        int id = given().auth().oauth2(HANDLER).contentType(ContentType.JSON).body(Map.of("source", "HANDLER",
                        "sourceEventId", eventId, "kind", "RECEPTION_VIOLATION", "subjectUnitCode", "370102-D-ENV",
                        "occurredAt", "2026-11-20T08:00:00Z", "summary", "超标准接待"))
                .when().post("/api/v1/backtracing").then().statusCode(201).extract().jsonPath().getInt("id");
        given().auth().oauth2(AUDITOR).contentType(ContentType.JSON)
                .body(Map.of("findings", "x", "outcome", "y"))
                .when().post("/api/v1/backtracing/" + id + "/conclusion").then().statusCode(403);
        given().auth().oauth2(HANDLER).contentType(ContentType.JSON)
                .body(Map.of("findings", "属实，接待超标", "outcome", "通报批评并责令退赔"))
                .when().post("/api/v1/backtracing/" + id + "/conclusion").then().statusCode(200)
                .body("status", equalTo("CONCLUDED"));
        given().auth().oauth2(AUDITOR).when().get("/api/v1/backtracing/" + id).then().statusCode(200)
                .body("outcome", equalTo("通报批评并责令退赔"));
        given().auth().oauth2(HANDLER).contentType(ContentType.JSON)
                .body(Map.of("findings", "again", "outcome", "again"))
                .when().post("/api/v1/backtracing/" + id + "/conclusion").then().statusCode(409);
    }
}
