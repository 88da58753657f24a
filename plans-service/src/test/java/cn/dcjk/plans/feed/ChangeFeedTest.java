package cn.dcjk.plans.feed;

import cn.dcjk.plans.plan.PlanFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The feeds of plans-service: what each caller sees, the cursor, updatedSince, and bad input. */
@QuarkusTest
class ChangeFeedTest {

    @Test
    void aPlannerSeesTheChangesOfItsOwnPlansOnlyAndAnAuditorSeesAll() {
        long plan = PlanFixtures.plan(PlanFixtures.PLANNER, "ANNUAL", 2027, "变更订阅测试");
        PlanFixtures.addItem(PlanFixtures.PLANNER, plan, PlanFixtures.item("订阅测试事项")).statusCode(201);
        List<String> own = objects(PlanFixtures.PLANNER, "/api/v1/plans/changes");
        assertTrue(own.contains("plan/" + plan), own.toString());
        assertTrue(own.stream().anyMatch(o -> o.startsWith("item/")), "the item's change comes with its plan");
        List<String> other = objects(PlanFixtures.OTHER_PLANNER, "/api/v1/plans/changes");
        assertFalse(other.contains("plan/" + plan), "another department's planner does not see it");
        assertFalse(other.stream().anyMatch(o -> o.startsWith("item/")));
        assertTrue(objects(PlanFixtures.AUDITOR, "/api/v1/plans/changes").contains("plan/" + plan));
    }

    @Test
    void anApprovalEntersThePlansAndTheApprovalsFeedsAsOneEventAndADeletedItemStaysReadableUnderItsPlan() {
        long plan = PlanFixtures.reviewed("审批订阅测试", PlanFixtures.item("审批订阅事项"));
        PlanFixtures.step(PlanFixtures.APPROVER, plan, "approve", java.util.Map.of("comment", "同意")).statusCode(200);
        JsonPath approvals = given().auth().oauth2(PlanFixtures.PLANNER).queryParam("limit", 500)
                .when().get("/api/v1/approvals/changes").then().statusCode(200).extract().jsonPath();
        List<String> approved = approvals.getList("changes.findAll { it.objectId == '" + plan + "' }.action");
        assertEquals(List.of("APPROVE"), approved);
        assertEquals(null, approvals.getString("changes.find { it.objectId == '" + plan + "' }.eventType"),
                "the event is the plans feed's, once");
        String eventId = approvals.getString("changes.find { it.objectId == '" + plan + "' }.eventId");
        JsonPath plans = given().auth().oauth2(PlanFixtures.PLANNER).queryParam("limit", 500)
                .queryParam("updatedSince", OffsetDateTime.now().minusMinutes(5).toString())
                .when().get("/api/v1/plans/changes").then().statusCode(200).extract().jsonPath();
        assertEquals("cn.dcjk.plan.approved", plans.getString("changes.find { it.eventId == '" + eventId + "' }.eventType"));
        assertFalse(objects(PlanFixtures.OTHER_PLANNER, "/api/v1/approvals/changes").contains("plan/" + plan));

        long draft = PlanFixtures.plan(PlanFixtures.PLANNER, "ANNUAL", 2027, "删除事项测试");
        long item = PlanFixtures.addItem(PlanFixtures.PLANNER, draft, PlanFixtures.item("将被删除"))
                .statusCode(201).extract().jsonPath().getLong("id");
        String etag = given().auth().oauth2(PlanFixtures.PLANNER).when().get("/api/v1/plans/" + draft + "/items/" + item)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(PlanFixtures.PLANNER).header("If-Match", etag)
                .when().delete("/api/v1/plans/" + draft + "/items/" + item).then().statusCode(204);
        List<String> own = objects(PlanFixtures.PLANNER, "/api/v1/plans/changes");
        assertEquals(2, own.stream().filter(o -> o.equals("item/" + item)).count(), "created and deleted, both seen");
        assertFalse(objects(PlanFixtures.OTHER_PLANNER, "/api/v1/plans/changes").contains("item/" + item));
    }

    @Test
    void theSameCursorAnswersTheSameChangesAndTheNextContinuesAfterThem() {
        PlanFixtures.plan(PlanFixtures.PLANNER, "ANNUAL", 2027, "游标测试一");
        PlanFixtures.plan(PlanFixtures.PLANNER, "ANNUAL", 2027, "游标测试二");
        JsonPath first = given().auth().oauth2(PlanFixtures.AUDITOR).queryParam("limit", 1)
                .when().get("/api/v1/plans/changes").then().statusCode(200).extract().jsonPath();
        assertTrue(first.getBoolean("more"));
        String cursor = first.getString("next");
        JsonPath a = page(cursor, 5);
        JsonPath b = page(cursor, 5);
        assertEquals(a.getList("changes.eventId"), b.getList("changes.eventId"), "a cursor is stable");
        assertFalse(a.getList("changes.eventId").contains(first.getList("changes.eventId").get(0)));
    }

    @Test
    void updatedSinceStartsAtATimeAndTheCursorKeepsIt() {
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);
        long plan = PlanFixtures.plan(PlanFixtures.PLANNER, "ANNUAL", 2027, "起点测试");
        JsonPath p = given().auth().oauth2(PlanFixtures.AUDITOR).queryParam("updatedSince", before.toString())
                .when().get("/api/v1/plans/changes").then().statusCode(200).extract().jsonPath();
        assertTrue(p.getList("changes.objectId").contains(Long.toString(plan)));
        p.getList("changes.at", String.class).forEach(at -> assertFalse(OffsetDateTime.parse(at).isBefore(before)));
        given().auth().oauth2(PlanFixtures.AUDITOR).queryParam("updatedSince", OffsetDateTime.now().plusDays(1).toString())
                .when().get("/api/v1/plans/changes").then().statusCode(200).body("changes.size()", equalTo(0));
    }

    @Test
    void eventsCarryTheirCatalogueType() {
        long plan = PlanFixtures.plan(PlanFixtures.PLANNER, "ANNUAL", 2027, "事件类型测试");
        given().auth().oauth2(PlanFixtures.AUDITOR).queryParam("limit", 500)
                .when().get("/api/v1/plans/changes").then().statusCode(200)
                .body("changes.findAll { it.objectId == '" + plan + "' }.eventType", hasItem("cn.dcjk.plan.created"));
    }

    @Test
    void badInputIs400NamingTheField() {
        String foreign = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("v1|units|1|1|-".getBytes(StandardCharsets.US_ASCII));
        for (String[] bad : new String[][] {{"cursor", "not-a-cursor"}, {"cursor", foreign}, {"cursor", "%%%"},
                {"updatedSince", "yesterday"}, {"updatedSince", "2026-13-01T00:00:00Z"}, {"limit", "0"},
                {"limit", "501"}}) {
            given().auth().oauth2(PlanFixtures.AUDITOR).queryParam(bad[0], bad[1])
                    .when().get("/api/v1/plans/changes").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(PlanFixtures.AUDITOR).queryParam("updatedSince", "2026-01-01T00:00:00Z")
                .queryParam("cursor", page(null, 1).getString("next"))
                .when().get("/api/v1/plans/changes").then().statusCode(400).body("errors[0].field", equalTo("updatedSince"));
        given().when().get("/api/v1/plans/changes").then().statusCode(401);
    }

    private static JsonPath page(String cursor, int limit) {
        var r = given().auth().oauth2(PlanFixtures.AUDITOR).queryParam("limit", limit);
        if (cursor != null) {
            r.queryParam("cursor", cursor);
        }
        return r.when().get("/api/v1/plans/changes").then().statusCode(200).extract().jsonPath();
    }

    /** Every object the caller sees in the feed, as type/id, paging to the end. */
    static List<String> objects(String token, String path) {
        List<String> all = new java.util.ArrayList<>();
        String cursor = null;
        while (true) {
            var r = given().auth().oauth2(token).queryParam("limit", 500);
            if (cursor != null) {
                r.queryParam("cursor", cursor);
            }
            JsonPath p = r.when().get(path).then().statusCode(200).extract().jsonPath();
            List<String> types = p.getList("changes.objectType", String.class);
            List<String> ids = p.getList("changes.objectId", String.class);
            for (int k = 0; k < types.size(); k++) {
                all.add(types.get(k) + "/" + ids.get(k));
            }
            cursor = p.getString("next");
            if (!p.getBoolean("more")) {
                return all;
            }
        }
    }
}
