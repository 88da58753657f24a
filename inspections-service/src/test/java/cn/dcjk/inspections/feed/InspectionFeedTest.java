package cn.dcjk.inspections.feed;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static cn.dcjk.inspections.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feeds of inspections-service: each caller sees the changes of what it may read; an overdue
 * finding is noticed once, as an audited change with its event type.
 */
@QuarkusTest
class InspectionFeedTest {

    static final String MINE = "370102-D-ENV";
    static final String OTHER = "370202-D-ENV";

    @Inject
    FindingOverdue overdue;

    @Test
    void theTeamAndTheOfficeSeeTheInspectionAForeignTeamNothingTheUnitOnlyTheInspectionItself() {
        long id = throughResults(List.of(MINE, OTHER), TODAY.plusDays(30));
        String inspection = "inspection/" + id;
        List<String> team = objects(TEAM, "/api/v1/inspections/changes");
        assertTrue(team.contains(inspection));
        assertTrue(team.stream().anyMatch(o -> o.startsWith("visit/")), "visits come with the inspection");
        assertTrue(objects(OFFICE, "/api/v1/inspections/changes").contains(inspection));
        assertTrue(objects(AUDITOR, "/api/v1/inspections/changes").contains(inspection));
        assertFalse(objects(FOREIGN_TEAM, "/api/v1/inspections/changes").contains(inspection));
        List<String> unit = objects(UNIT, "/api/v1/inspections/changes");
        assertTrue(unit.contains(inspection), "the visited unit knows of the (announced) inspection");
        assertFalse(unit.stream().anyMatch(o -> o.startsWith("visit/") || o.startsWith("itinerary-entry/")),
                "but not of its itinerary and visits");
    }

    @Test
    void aFindingPastItsDeadlineIsNoticedOnceAsAnEvent() {
        long id = throughResults(List.of(MINE), TODAY.plusDays(2));
        long finding = given().auth().oauth2(TEAM).queryParam("inspection", id).when().get("/api/v1/findings")
                .then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        assertTrue(overdue.notice(TODAY.plusDays(3)) >= 1);
        assertEquals(0, overdue.notice(TODAY.plusDays(3)), "noticed once");
        JsonPath all = page(AUDITOR, "/api/v1/findings/changes");
        List<String> events = new ArrayList<>();
        List<String> ids = all.getList("changes.objectId", String.class);
        List<String> types = all.getList("changes.eventType", String.class);
        for (int k = 0; k < ids.size(); k++) {
            if (ids.get(k).equals(Long.toString(finding))) {
                events.add(types.get(k));
            }
        }
        assertEquals(List.of("cn.dcjk.finding.filed", "cn.dcjk.finding.overdue"), events);
        given().auth().oauth2(AUDITOR).when().get("/api/v1/audit/finding/" + finding).then().statusCode(200)
                .body("items.find { it.action == 'OVERDUE' }.actor", org.hamcrest.Matchers.equalTo("system"));
        assertFalse(objects(FOREIGN_TEAM, "/api/v1/findings/changes").contains("finding/" + finding));
    }

    static JsonPath page(String token, String path) {
        return given().auth().oauth2(token).queryParam("limit", 500).when().get(path).then().statusCode(200)
                .extract().jsonPath();
    }

    static List<String> objects(String token, String path) {
        List<String> all = new ArrayList<>();
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
