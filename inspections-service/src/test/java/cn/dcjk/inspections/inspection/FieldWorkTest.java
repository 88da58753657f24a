package cn.dcjk.inspections.inspection;

import cn.dcjk.inspections.ServicesStub;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.dcjk.inspections.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** During the inspection: itinerary before visits, reception records, unannounced visits, access, races. */
@QuarkusTest
class FieldWorkTest {

    static final List<String> POP = ServicesStub.COUNTY_ENV;
    static final String MINE = "370102-D-ENV";
    static final String OTHER = "370202-D-ENV";

    @Inject
    EntityManager em;

    boolean delivered(String messageId) {
        return QuarkusTransaction.requiringNew().call(() -> (Boolean) em.createNativeQuery(
                        "SELECT delivered_at IS NOT NULL FROM outbox_message WHERE id = ?1")
                .setParameter(1, UUID.fromString(messageId)).getSingleResult());
    }

    long sampledInspection(boolean unannounced, String... units) {
        long id = open(TEAM, "DCJK-2026-0007", unannounced, POP);
        sample(TEAM, id, seedFor(POP, 2, units), 2);
        return id;
    }

    @Test
    void aVisitWithoutItineraryIsRefusedAndRegisteredForBackTracing() {
        long id = sampledInspection(false, MINE);
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).body(Map.of("unitCode", MINE))
                .when().post("/api/v1/inspections/" + id + "/visits")
                .then().statusCode(422).body("findings[0].rule", equalTo("FULL-PROCESS-RECORD"))
                .body("findings[0].articles", contains(12));
        // an entry for another unit does not cover this one
        long foreignEntry = itinerary(TEAM, id, Sampling.draw(POP, seedFor(POP, 2, MINE), 2).stream()
                .filter(u -> !u.equals(MINE)).findFirst().orElseThrow(), TODAY);
        given().auth().oauth2(TEAM).contentType(ContentType.JSON)
                .body(Map.of("unitCode", MINE, "itineraryEntryId", foreignEntry))
                .when().post("/api/v1/inspections/" + id + "/visits").then().statusCode(422);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> arrived("backtracing", "evidence.inspectionId", id).size() == 2);
        List<Map<String, Object>> registered = arrived("backtracing", "evidence.inspectionId", id);
        assertTrue(registered.stream().allMatch(r -> r.get("kind").equals("VISIT_WITHOUT_ITINERARY")
                && r.get("source").equals("INSPECTIONS") && r.get("actorUnitCode").equals("370000-D-ENV")
                && r.get("subjectUnitCode").equals(MINE) && Boolean.TRUE.equals(r.get("authorized"))));
        // nothing else moved: still no visit, still SCHEME_FILED
        given().auth().oauth2(TEAM).when().get("/api/v1/inspections/" + id)
                .then().body("status", equalTo("SCHEME_FILED"));
        given().auth().oauth2(TEAM).when().get("/api/v1/inspections/" + id + "/visits").then().body("$", hasSize(0));
        given().auth().oauth2(AUDITOR).when().get("/api/v1/audit/inspection/" + id)
                .then().body("items.action", hasItem("VISIT_REFUSED"));
    }

    @Test
    void art32ARefusedVisitRetriedWithItsIdempotencyKeyIsRegisteredOnce() throws Exception {
        long id = sampledInspection(false, MINE);
        java.util.function.Supplier<Integer> attempt = () -> given().auth().oauth2(TEAM)
                .header("Idempotency-Key", "visit-retry-" + id).contentType(ContentType.JSON)
                .body(Map.of("unitCode", MINE)).when().post("/api/v1/inspections/" + id + "/visits")
                .then().extract().statusCode();
        assertEquals(422, attempt.get());
        assertEquals(422, attempt.get());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> racing = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                racing.add(pool.submit(attempt::get));
            }
            for (Future<Integer> f : racing) {
                assertEquals(422, f.get());
            }
        } finally {
            pool.shutdown();
        }
        // without a key, each request is an attempt of its own
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).body(Map.of("unitCode", MINE))
                .when().post("/api/v1/inspections/" + id + "/visits").then().statusCode(422);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> arrived("backtracing", "evidence.inspectionId", id).size() >= 2);
        Thread.sleep(1000); // a late third would show now
        assertEquals(2, arrived("backtracing", "evidence.inspectionId", id).size(),
                "five requests with one key and one without: two refusals");
        given().auth().oauth2(AUDITOR).when().get("/api/v1/audit/inspection/" + id)
                .then().body("items.findAll { it.action == 'VISIT_REFUSED' }", hasSize(2));
    }

    @Test
    void receptionViolationsAreFlaggedAndSurviveTheRegisterBeingDown() {
        long id = sampledInspection(false, MINE);
        long entry = itinerary(TEAM, id, MINE, TODAY);
        Map<String, Object> bad = Map.of(
                "escorts", List.of(Map.of("unitCode", "370100-D-ENV", "level", "CITY", "counterpart", true),
                        Map.of("unitCode", MINE, "level", "COUNTY", "counterpart", false)),
                "borderWelcome", true,
                "briefings", List.of(Map.of("kind", "COMPREHENSIVE", "participants", 45)),
                "principalLeadersPresent", false, "overallImportance", false);
        stub("backtracing", false);
        long visitId;
        try {
            JsonPath v = visit(TEAM, id, entry, MINE, bad);
            visitId = v.getLong("id");
            assertEquals(true, v.getBoolean("receptionViolation"));
            assertEquals(List.of("COUNTERPART_ESCORT", "LAYERED_ESCORT", "BORDER_WELCOME", "LARGE_BRIEFING"),
                    v.getList("receptionFindings.facts.violation"));
            // the register is down: the relay tries and is refused, nothing is lost
            await().atMost(Duration.ofSeconds(30)).until(() -> received("backtracing").getInt("refused") > 0);
        } finally {
            stub("backtracing", true);
        }
        List<Map<String, Object>> arrived = awaitArrival("backtracing", "evidence.visitId", visitId);
        String eventId = (String) arrived.get(0).get("sourceEventId");
        assertEquals("RECEPTION_VIOLATION", arrived.get(0).get("kind"));
        assertEquals(eventId, arrived.get(0).get("idempotencyKey"));
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered(eventId));
        assertEquals(1, arrived("backtracing", "evidence.visitId", visitId).size());
        assertEquals(1, ((Number) arrived("backtracing", "evidence.visitId", visitId).get(0).get("deliveries")).intValue());

        // the same record filed again is not registered twice; a stale If-Match is refused
        String tag = given().auth().oauth2(TEAM).when().get("/api/v1/inspections/" + id + "/visits/" + visitId)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).header("If-Match", tag)
                .body(Map.of("reception", bad)).when().put("/api/v1/inspections/" + id + "/visits/" + visitId)
                .then().statusCode(200);
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).header("If-Match", tag)
                .body(Map.of("reception", bad)).when().put("/api/v1/inspections/" + id + "/visits/" + visitId)
                .then().statusCode(412);
    }

    @Test
    void principalLeadersWithARecordedReasonOfOverallImportanceAreARecordedException() {
        long id = sampledInspection(false, MINE);
        long entry = itinerary(TEAM, id, MINE, TODAY);
        Map<String, Object> leaders = Map.of("escorts", List.of(), "borderWelcome", false, "briefings", List.of(),
                "principalLeadersPresent", true, "overallImportance", true,
                "principalLeadersReason", "中央生态环境保护督察反馈问题整改，属全局性工作");
        JsonPath v = visit(TEAM, id, entry, MINE, leaders);
        assertEquals(false, v.getBoolean("receptionViolation"));
        assertEquals("PRINCIPLE", v.getString("receptionFindings[0].severity"));
        assertEquals(true, v.getBoolean("receptionFindings[0].exceptionGranted"));
        // without the reason it is a violation
        String tag = given().auth().oauth2(TEAM).when().get("/api/v1/inspections/" + id + "/visits/" + v.getLong("id"))
                .then().extract().header("ETag");
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).header("If-Match", tag)
                .body(Map.of("reception", Map.of("principalLeadersPresent", true, "overallImportance", false,
                        "borderWelcome", false)))
                .when().put("/api/v1/inspections/" + id + "/visits/" + v.getLong("id"))
                .then().statusCode(200).body("receptionViolation", equalTo(true))
                .body("receptionFindings[0]", not(hasKey("exceptionGranted")));
    }

    @Test
    void unannouncedInspectionsAreInvisibleToTheInspectedUnitUntilItsVisitStarts() {
        long id = sampledInspection(true, MINE, OTHER);
        String other = unitToken(OTHER);
        for (String token : List.of(UNIT, other)) {
            given().auth().oauth2(token).when().get("/api/v1/inspections/" + id).then().statusCode(404)
                    .contentType("application/problem+json");
            given().auth().oauth2(token).when().get("/api/v1/inspections/" + id + "/itinerary").then().statusCode(404);
            given().auth().oauth2(token).when().get("/api/v1/inspections?size=200")
                    .then().statusCode(200).body("items.id", not(hasItem((int) id)));
        }
        long entry = itinerary(TEAM, id, MINE, TODAY);
        given().auth().oauth2(UNIT).when().get("/api/v1/inspections/" + id).then().statusCode(404);
        given().auth().oauth2(UNIT).when().get("/api/v1/inspections/" + id + "/itinerary").then().statusCode(404);

        long visitId = visit(TEAM, id, entry, MINE, cleanReception()).getLong("id");
        // now the visited unit sees what concerns it, and nothing of the other unit
        given().auth().oauth2(UNIT).when().get("/api/v1/inspections/" + id)
                .then().statusCode(200).body("population", contains(MINE)).body("sampledUnits", contains(MINE))
                .body("history", hasSize(0));
        given().auth().oauth2(UNIT).when().get("/api/v1/inspections/" + id + "/itinerary")
                .then().statusCode(200).body("unitCode", everyItem(equalTo(MINE)));
        given().auth().oauth2(UNIT).when().get("/api/v1/inspections/" + id + "/visits/" + visitId)
                .then().statusCode(200);
        given().auth().oauth2(UNIT).when().get("/api/v1/inspections/" + id + "/sample").then().statusCode(403);
        given().auth().oauth2(UNIT).when().get("/api/v1/inspections?size=200")
                .then().body("items.id", hasItem((int) id));
        // the other sampled unit, not yet visited, still sees nothing
        given().auth().oauth2(other).when().get("/api/v1/inspections/" + id).then().statusCode(404);
        given().auth().oauth2(other).when().get("/api/v1/inspections/" + id + "/visits/" + visitId)
                .then().statusCode(404);
    }

    @Test
    void anAnnouncedInspectionIsVisibleToItsTargetsBeforeTheVisitButNotToOthers() {
        long id = sampledInspection(false, MINE);
        given().auth().oauth2(UNIT).when().get("/api/v1/inspections/" + id)
                .then().statusCode(200).body("population", contains(MINE));
        given().auth().oauth2(unitToken("370000-D-EDU")).when().get("/api/v1/inspections/" + id).then().statusCode(404);
    }

    @Test
    void accessIsCheckedOnEveryObject() {
        long id = sampledInspection(false, MINE);
        given().auth().oauth2(TEAM2).when().get("/api/v1/inspections/" + id).then().statusCode(200);
        given().auth().oauth2(OFFICE).when().get("/api/v1/inspections/" + id).then().statusCode(200);
        given().auth().oauth2(AUDITOR).when().get("/api/v1/inspections/" + id).then().statusCode(200);
        for (String stranger : List.of(FOREIGN_TEAM, CITY_OFFICE, PLANNER)) {
            given().auth().oauth2(stranger).when().get("/api/v1/inspections/" + id).then().statusCode(404);
            given().auth().oauth2(stranger).when().get("/api/v1/inspections/" + id + "/itinerary").then()
                    .statusCode(404);
        }
        given().auth().oauth2(FOREIGN_TEAM).contentType(ContentType.JSON)
                .body(Map.of("date", TODAY.toString(), "unitCode", MINE, "siteType", "OFFICE"))
                .when().post("/api/v1/inspections/" + id + "/itinerary").then().statusCode(404);
        // the office can see, but field work is the team's
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("seed", 1, "size", 1))
                .when().post("/api/v1/inspections/" + id + "/sample").then().statusCode(403);
        given().auth().oauth2(AUDITOR).contentType(ContentType.JSON).body(Map.of("seed", 1, "size", 1))
                .when().post("/api/v1/inspections/" + id + "/sample").then().statusCode(403);
        given().auth().oauth2(UNIT).contentType(ContentType.JSON)
                .body(Map.of("date", TODAY.toString(), "unitCode", MINE, "siteType", "OFFICE"))
                .when().post("/api/v1/inspections/" + id + "/itinerary").then().statusCode(403);
    }

    @Test
    void twoTeamMembersFilingResultsAtOnceOneWinsTheOther412() throws Exception {
        long id = sampledInspection(false, MINE);
        visit(TEAM, id, itinerary(TEAM, id, MINE, TODAY), MINE, cleanReception());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> answers = new ArrayList<>();
        String version = etag(TEAM, id);
        for (String token : List.of(TEAM, TEAM2)) {
            Callable<Integer> file = () -> {
                start.await();
                return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", version)
                        .body(results(MINE, List.of(finding(MINE, TODAY.plusDays(20), "由 " + token.hashCode()))))
                        .when().post("/api/v1/inspections/" + id + "/results").then().extract().statusCode();
            };
            answers.add(pool.submit(file));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : answers) {
            statuses.add(f.get());
        }
        pool.shutdown();
        statuses.sort(Integer::compare);
        // the loser read the same version: its If-Match is stale once the winner wrote (412)
        assertEquals(List.of(200, 412), statuses);
        // nothing half-written: exactly one set of findings
        given().auth().oauth2(TEAM).queryParam("inspection", id).when().get("/api/v1/findings")
                .then().body("total", equalTo(1));
    }

    @Test
    void visitedUnitsRateVisitsAndTheOfficeSeesOnlyAggregates() {
        long id = sampledInspection(false, MINE, OTHER);
        long v1 = visit(TEAM, id, itinerary(TEAM, id, MINE, TODAY), MINE, cleanReception()).getLong("id");
        long v2 = visit(TEAM, id, itinerary(TEAM, id, OTHER, TODAY), OTHER, cleanReception()).getLong("id");
        String rate = "/api/v1/inspections/" + id + "/visits/%d/ratings";
        given().auth().oauth2(unitToken(OTHER)).contentType(ContentType.JSON).body(Map.of("score", 5))
                .when().post(String.format(rate, v1)).then().statusCode(404);
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).body(Map.of("score", 5))
                .when().post(String.format(rate, v1)).then().statusCode(403);
        given().auth().oauth2(UNIT).contentType(ContentType.JSON).body(Map.of("score", 6))
                .when().post(String.format(rate, v1)).then().statusCode(400);
        given().auth().oauth2(UNIT).contentType(ContentType.JSON)
                .body(Map.of("score", 2, "comment", "要求填报表格过多", "burdenFlag", true))
                .when().post(String.format(rate, v1)).then().statusCode(201);
        given().auth().oauth2(UNIT).contentType(ContentType.JSON).body(Map.of("score", 4))
                .when().post(String.format(rate, v1)).then().statusCode(409);
        given().auth().oauth2(OFFICE).when().get("/api/v1/inspections/" + id + "/ratings")
                .then().statusCode(200).body("withheld", equalTo(true)).body("average", nullValue());
        given().auth().oauth2(unitToken(OTHER)).contentType(ContentType.JSON).body(Map.of("score", 4))
                .when().post(String.format(rate, v2)).then().statusCode(201);
        String summary = given().auth().oauth2(OFFICE).when().get("/api/v1/inspections/" + id + "/ratings")
                .then().statusCode(200).body("count", equalTo(2)).body("average", equalTo(3.0f))
                .body("burdenFlags", equalTo(1)).body("comments", contains("要求填报表格过多"))
                .extract().asString();
        assertTrue(!summary.contains(MINE) && !summary.contains(OTHER) && !summary.contains("visitId"));
        given().auth().oauth2(TEAM).when().get("/api/v1/inspections/" + id + "/ratings").then().statusCode(403);
        given().auth().oauth2(AUDITOR).when().get("/api/v1/audit/visit/" + v1)
                .then().body(not(org.hamcrest.Matchers.containsString("要求填报表格过多")));
    }

    @Test
    void burdenTotalsPerUnitAndMonthAreReadByTheOffices() {
        long id = sampledInspection(false, MINE);
        java.time.LocalDate later = TODAY.plusDays(45);
        visit(TEAM, id, itinerary(TEAM, id, MINE, later), MINE, cleanReception());
        String month = later.toString().substring(0, 7);
        given().auth().oauth2(OFFICE).queryParam("unit", MINE).queryParam("month", month)
                .when().get("/api/v1/inspections/burden")
                .then().statusCode(200).body("[0].unitCode", equalTo(MINE)).body("[0].month", equalTo(month))
                .body("[0].forms", org.hamcrest.Matchers.greaterThanOrEqualTo(2))
                .body("[0].messagingGroups", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                // the reception met (article 23): one escort, one briefing of six people at this visit
                .body("[0].escorts", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("[0].briefings", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("[0].briefingParticipants", org.hamcrest.Matchers.greaterThanOrEqualTo(6));
        given().auth().oauth2(CITY_OFFICE).queryParam("unit", MINE).queryParam("month", month)
                .when().get("/api/v1/inspections/burden").then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(UNIT).when().get("/api/v1/inspections/burden").then().statusCode(403);
        given().auth().oauth2(OFFICE).queryParam("month", "2026-13").when().get("/api/v1/inspections/burden")
                .then().statusCode(400);
    }

    @Test
    void art10AnItemApprovedAsNotOnSiteGetsNoItineraryAndTheAttemptIsRegistered() {
        long id = open(TEAM, "DCJK-2026-0102", false, List.of(MINE, "370112-D-ENV"));
        given().auth().oauth2(TEAM).contentType(ContentType.JSON)
                .body(Map.of("date", TODAY.toString(), "unitCode", MINE, "siteType", "OFFICE"))
                .when().post("/api/v1/inspections/" + id + "/itinerary")
                .then().statusCode(422).body("findings[0].rule", equalTo("ON-SITE-AS-APPROVED"))
                .body("findings[0].articles", contains(10));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> arrived("backtracing", "evidence.inspectionId", id).size() == 1);
        Map<String, Object> r = arrived("backtracing", "evidence.inspectionId", id).get(0);
        assertEquals("FIELD_WORK_OUTSIDE_APPROVAL", r.get("kind"));
        assertEquals(MINE, r.get("subjectUnitCode"));
        given().auth().oauth2(TEAM).when().get("/api/v1/inspections/" + id + "/itinerary")
                .then().statusCode(200).body("$", org.hamcrest.Matchers.hasSize(0));
    }

    @Test
    void art10ConstructionSiteVisitsStayWithinTheApprovedNumber() {
        long id = open(TEAM, "DCJK-2026-0103", false, List.of(MINE, "370112-D-ENV"));
        given().auth().oauth2(TEAM).contentType(ContentType.JSON)
                .body(Map.of("date", TODAY.toString(), "unitCode", MINE, "siteType", "CONSTRUCTION_SITE",
                        "necessity", "核实在建项目环评落实"))
                .when().post("/api/v1/inspections/" + id + "/itinerary").then().statusCode(201);
        given().auth().oauth2(TEAM).contentType(ContentType.JSON)
                .body(Map.of("date", TODAY.toString(), "unitCode", "370112-D-ENV", "siteType", "CONSTRUCTION_SITE",
                        "necessity", "再去一个工地"))
                .when().post("/api/v1/inspections/" + id + "/itinerary")
                .then().statusCode(422).body("findings[0].rule", equalTo("ON-SITE-AS-APPROVED"))
                .body("findings[0].facts.approvedConstructionSiteVisits", equalTo(1));
        // an office visit is not a construction-site visit
        itinerary(TEAM, id, "370112-D-ENV", TODAY);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> arrived("backtracing", "evidence.inspectionId", id).size() == 1);
    }
}
