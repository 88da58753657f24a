package cn.dcjk.inspections.inspection;

import cn.dcjk.inspections.ServicesStub;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.dcjk.inspections.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The walk from an approved item to a verified close, with real tokens per role, and its refusals. */
@QuarkusTest
class InspectionWalkTest {

    static final List<String> POP = ServicesStub.COUNTY_ENV;
    static final String MINE = "370102-D-ENV";

    long total() {
        return given().auth().oauth2(AUDITOR).when().get("/api/v1/inspections?size=1")
                .then().statusCode(200).extract().jsonPath().getLong("total");
    }

    @Test
    void theWholeWalkFromSchemeToVerifiedClose() {
        // before: the scheme
        long id = given().auth().oauth2(TEAM).contentType(ContentType.JSON)
                .body(scheme("DCJK-2026-0007", false, POP))
                .when().post("/api/v1/inspections")
                .then().statusCode(201).header("ETag", notNullValue())
                .body("status", equalTo("SCHEME_FILED")).body("approvalCode", equalTo("DCJK-2026-0007"))
                .body("dispatchingUnitCode", equalTo("370000-D-ENV")).body("samplingRequired", equalTo(true))
                .body("history[0].step", equalTo("SCHEME_FILED")).body("history[0].actor", equalTo("team-a"))
                .body("history[0].at", notNullValue())
                .extract().jsonPath().getLong("id");

        // sampling: seeded, reproducible, exactly a third (2 of 6)
        long seed = seedFor(POP, 2, MINE);
        JsonPath s = sample(TEAM, id, seed, 2);
        assertEquals(Sampling.draw(POP, seed, 2), s.getList("current.units"));
        assertEquals(seed, s.getLong("current.seed"));
        given().auth().oauth2(OFFICE).when().get("/api/v1/inspections/" + id + "/sample")
                .then().statusCode(200).body("current.units", equalTo(Sampling.draw(POP, seed, 2)))
                .body("current.algorithm", notNullValue()).body("maxWithoutException", equalTo(2));

        // during: itinerary, then the visit with its reception record
        long entry = itinerary(TEAM, id, MINE, TODAY);
        JsonPath v = visit(TEAM, id, entry, MINE, cleanReception());
        assertEquals(false, v.getBoolean("receptionViolation"));
        assertEquals("FORM-BURDEN", v.getString("warnings[0].rule"));
        given().auth().oauth2(TEAM).when().get("/api/v1/inspections/" + id)
                .then().statusCode(200).body("status", equalTo("IN_PROGRESS"));

        // after: results with a finding
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).header("If-Match", etag(TEAM, id))
                .body(results(MINE, List.of(finding(MINE, TODAY.plusDays(30), "危废台账不全"))))
                .when().post("/api/v1/inspections/" + id + "/results")
                .then().statusCode(200).body("status", equalTo("RESULTS_FILED"));
        long findingId = given().auth().oauth2(TEAM).queryParam("inspection", id).when().get("/api/v1/findings")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].status", equalTo("FILED"))
                .body("items[0].light", equalTo("GREEN"))
                .extract().jsonPath().getLong("items[0].id");

        // the inspected unit sees its finding only once it is fed back
        given().auth().oauth2(UNIT).when().get("/api/v1/findings/" + findingId).then().statusCode(404);
        String tag = given().auth().oauth2(TEAM).contentType(ContentType.JSON).header("If-Match", cn.dcjk.inspections.Fixtures.findingTag(findingId)).body(Map.of("note", "请按期整改"))
                .when().post("/api/v1/findings/" + findingId + "/feedback")
                .then().statusCode(200).body("status", equalTo("FED_BACK")).extract().header("ETag");
        given().auth().oauth2(UNIT).when().get("/api/v1/findings/" + findingId)
                .then().statusCode(200).body("problem", equalTo("危废台账不全"));
        given().auth().oauth2(UNIT).contentType(ContentType.JSON).header("If-Match", cn.dcjk.inspections.Fixtures.findingTag(findingId)).body(Map.of("answer", "情况属实，立即整改"))
                .when().post("/api/v1/findings/" + findingId + "/answer")
                .then().statusCode(200).body("status", equalTo("ANSWERED"));
        given().auth().oauth2(UNIT).contentType(ContentType.JSON).header("If-Match", cn.dcjk.inspections.Fixtures.findingTag(findingId))
                .body(Map.of("description", "已补齐台账", "evidence", List.of("台账扫描件")))
                .when().post("/api/v1/findings/" + findingId + "/rectifications")
                .then().statusCode(200).body("status", equalTo("RECTIFICATION_REPORTED"));
        // the office sends it back once, the team then verifies and closes
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).header("If-Match", cn.dcjk.inspections.Fixtures.findingTag(findingId))
                .body(Map.of("outcome", "SEND_BACK", "comment", "佐证不足"))
                .when().post("/api/v1/findings/" + findingId + "/verification")
                .then().statusCode(200).body("status", equalTo("SENT_BACK"));
        given().auth().oauth2(UNIT).contentType(ContentType.JSON).header("If-Match", cn.dcjk.inspections.Fixtures.findingTag(findingId))
                .body(Map.of("description", "补充现场照片", "evidence", List.of("照片 3 张")))
                .when().post("/api/v1/findings/" + findingId + "/rectifications")
                .then().statusCode(200).body("rectifications", hasSize(2));
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).header("If-Match", cn.dcjk.inspections.Fixtures.findingTag(findingId))
                .body(Map.of("outcome", "CLOSE", "comment", "整改到位，销号"))
                .when().post("/api/v1/findings/" + findingId + "/verification")
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("light", nullValue());
        // the inspected unit cannot verify its own rectification
        given().auth().oauth2(UNIT).contentType(ContentType.JSON).header("If-Match", cn.dcjk.inspections.Fixtures.findingTag(findingId)).body(Map.of("outcome", "CLOSE", "comment", "x"))
                .when().post("/api/v1/findings/" + findingId + "/verification").then().statusCode(403);

        given().auth().oauth2(TEAM).header("If-Match", etag(TEAM, id))
                .when().post("/api/v1/inspections/" + id + "/close")
                .then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("history.step", contains("SCHEME_FILED", "SAMPLE_DRAWN", "IN_PROGRESS", "VISIT_STARTED",
                        "RESULTS_FILED", "CLOSED"));
        given().auth().oauth2(AUDITOR).when().get("/api/v1/audit/inspection/" + id)
                .then().statusCode(200).body("total", greaterThan(4));
        given().auth().oauth2(AUDITOR).when().get("/api/v1/audit/finding/" + findingId)
                .then().statusCode(200).body("total", greaterThan(5));
    }

    @Test
    void unapprovedExpiredRevokedOrForeignItemsOpenNothing() {
        long before = total();
        for (String code : List.of("DCJK-2025-0001", "DCJK-2026-0009", "NO-SUCH-CODE")) {
            given().auth().oauth2(TEAM).contentType(ContentType.JSON).body(scheme(code, false, POP))
                    .when().post("/api/v1/inspections")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("findings[0].rule", equalTo("APPROVED-ITEM-ONLY"))
                    .body("findings[0].articles", contains(5, 12))
                    .body("findings[0].severity", equalTo("PROHIBITED"));
        }
        // a team dispatched by a unit that is neither organiser nor co-organiser
        given().auth().oauth2(FOREIGN_TEAM).contentType(ContentType.JSON).body(scheme("DCJK-2026-0007", false, POP))
                .when().post("/api/v1/inspections")
                .then().statusCode(422).body("findings.rule", hasItem("APPROVED-ITEM-ONLY"));
        // targets that the approval does not name
        given().auth().oauth2(TEAM).contentType(ContentType.JSON)
                .body(scheme("DCJK-2026-0101", false, List.of("370102-D-ENV", "370303-D-ENV")))
                .when().post("/api/v1/inspections")
                .then().statusCode(422).body("findings[0].facts.unapprovedTargets", contains("370303-D-ENV"));
        // dates outside the approved period
        Map<String, Object> late = new java.util.HashMap<>(scheme("DCJK-2026-0007", false, POP));
        late.put("endDate", TODAY.plusDays(200).toString());
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).body(late).when().post("/api/v1/inspections")
                .then().statusCode(422);
        // only teams file schemes
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(scheme("DCJK-2026-0007", false, POP))
                .when().post("/api/v1/inspections").then().statusCode(403);
        assertEquals(before, total());
    }

    @Test
    void whenPlansServiceIsDownTheAnswerIs503AndNothingOpens() {
        long before = total();
        stub("approvals", false);
        try {
            given().auth().oauth2(TEAM).contentType(ContentType.JSON).body(scheme("DCJK-2026-0007", false, POP))
                    .when().post("/api/v1/inspections")
                    .then().statusCode(503).contentType("application/problem+json")
                    .body("dependency", equalTo("plans-service")).header("Retry-After", notNullValue());
        } finally {
            stub("approvals", true);
        }
        assertEquals(before, total());
    }

    @Test
    void moreThanAThirdIsRefusedWithoutTheApprovedException() {
        long id = open(TEAM, "DCJK-2026-0007", false, POP);
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).body(Map.of("seed", 5, "size", 3))
                .when().post("/api/v1/inspections/" + id + "/sample")
                .then().statusCode(422).body("findings[0].rule", equalTo("SAMPLE-AT-MOST-THIRD"))
                .body("findings[0].severity", equalTo("PRINCIPLE")).body("findings[0].facts.max", equalTo(2));
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).body(Map.of("seed", 5, "size", 7))
                .when().post("/api/v1/inspections/" + id + "/sample").then().statusCode(400);
        // without a seed the system picks one and records it
        JsonPath first = given().auth().oauth2(TEAM).contentType(ContentType.JSON).body(Map.of("size", 2))
                .when().post("/api/v1/inspections/" + id + "/sample")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(Sampling.draw(POP, first.getLong("current.seed"), 2), first.getList("current.units"));
        // a redraw needs its reason, and is recorded beside the first draw
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).body(Map.of("seed", 9, "size", 2))
                .when().post("/api/v1/inspections/" + id + "/sample").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(TEAM).contentType(ContentType.JSON)
                .body(Map.of("seed", 9, "size", 2, "reason", "一个抽中单位正在搬迁"))
                .when().post("/api/v1/inspections/" + id + "/sample")
                .then().statusCode(200).body("draws", hasSize(2)).body("draws[1].reason", equalTo("一个抽中单位正在搬迁"));
        // only sampled units can be visited
        List<String> drawn = Sampling.draw(POP, 9, 2);
        String notSampled = POP.stream().filter(u -> !drawn.contains(u)).findFirst().orElseThrow();
        given().auth().oauth2(TEAM).contentType(ContentType.JSON)
                .body(Map.of("date", TODAY.toString(), "unitCode", notSampled, "siteType", "FIELD"))
                .when().post("/api/v1/inspections/" + id + "/itinerary")
                .then().statusCode(422).body("findings[0].rule", equalTo("ON-SITE-AS-APPROVED"))
                .body("findings[0].severity", equalTo("PROHIBITED"));
    }

    @Test
    void theApprovedExceptionAllowsUpToItsSizeAndIsRecorded() {
        long id = open(TEAM, "DCJK-2026-0008", false, POP);
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).body(Map.of("seed", 3, "size", 5))
                .when().post("/api/v1/inspections/" + id + "/sample").then().statusCode(422);
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).body(Map.of("seed", 3, "size", 4))
                .when().post("/api/v1/inspections/" + id + "/sample")
                .then().statusCode(200).body("findings[0].exceptionGranted", equalTo(true))
                .body("current.exceptionGranted", equalTo(true)).body("current.units", hasSize(4));
    }

    @Test
    void writesAreIdempotentAndBadInputIsAProblem() {
        String key = "open-" + System.nanoTime();
        long first = given().auth().oauth2(TEAM).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(scheme("DCJK-2026-0007", false, POP)).when().post("/api/v1/inspections")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(scheme("DCJK-2026-0007", false, POP)).when().post("/api/v1/inspections")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo((int) first));
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).body("{\"approvalCode\": ")
                .when().post("/api/v1/inspections").then().statusCode(400).contentType("application/problem+json");
        Map<String, Object> extra = new java.util.HashMap<>(scheme("DCJK-2026-0007", false, POP));
        extra.put("approved", true);
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).body(extra)
                .when().post("/api/v1/inspections").then().statusCode(400).contentType("application/problem+json");
        Map<String, Object> noLeader = new java.util.HashMap<>(scheme("DCJK-2026-0007", false, POP));
        noLeader.remove("leader");
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).body(noLeader)
                .when().post("/api/v1/inspections").then().statusCode(400).body("errors.field", hasItem(
                        org.hamcrest.Matchers.containsString("leader")));
        // out of order: results before any visit
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).header("If-Match", etag(TEAM, first))
                .body(results(MINE, List.of()))
                .when().post("/api/v1/inspections/" + first + "/results")
                .then().statusCode(409).contentType("application/problem+json");
        // without If-Match: 428
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).body(results(MINE, List.of()))
                .when().post("/api/v1/inspections/" + first + "/results")
                .then().statusCode(428).body("type", org.hamcrest.Matchers.endsWith("/problems/precondition-required"));
        // a stale If-Match
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).header("If-Match", "\"999\"")
                .body(results(MINE, List.of())).when().post("/api/v1/inspections/" + first + "/results")
                .then().statusCode(412).body("type", org.hamcrest.Matchers.endsWith("/problems/stale-version"));
    }

    @Test
    void theRulesAreListed() {
        given().auth().oauth2(PLANNER).when().get("/api/v1/rules").then().statusCode(200)
                .body("name", org.hamcrest.Matchers.hasItems("APPROVED-ITEM-ONLY", "FULL-PROCESS-RECORD",
                        "SAMPLE-AT-MOST-THIRD", "UNANNOUNCED", "RECEPTION-BURDEN", "FORM-BURDEN", "RESULTS-NOT-TRACES",
                        "NO-ACCOUNTABILITY-QUOTA", "PROBLEM-LEDGER", "COMMENDATION-EXEMPTS", "ON-SITE-AS-APPROVED",
                        "DIFFERENTIATED-INDICATORS"))
                .body("find { it.name == 'RESULTS-NOT-TRACES' }.parameters.maxWeight", equalTo(0.50f))
                .body("find { it.name == 'RECEPTION-BURDEN' }.severity", equalTo("PROHIBITED + PRINCIPLE"));
    }
}
