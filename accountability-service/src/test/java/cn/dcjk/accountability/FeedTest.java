package cn.dcjk.accountability;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static cn.dcjk.accountability.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The feeds of accountability-service: those handling a matter and its overseers see it, no one else. */
@QuarkusTest
class FeedTest {

    @Test
    void aReferralAndItsCaseAreSeenByThoseHandlingThemAndByOverseersOnly() {
        long caseId = heardCase();
        step(OFFICER, caseId, "decision", decision()).statusCode(200);
        List<String> team = objects(TEAM, "/api/v1/accountability/referrals/changes");
        assertTrue(team.stream().anyMatch(o -> o.startsWith("referral/")));
        List<String> officer = events(OFFICER, "/api/v1/accountability/cases/changes", caseId);
        assertEquals(List.of("cn.dcjk.case.opened", "cn.dcjk.case.investigating", "cn.dcjk.case.heard",
                "cn.dcjk.case.decided"), officer);
        assertEquals(officer, events(AUDITOR, "/api/v1/accountability/cases/changes", caseId));
        assertTrue(events(FOREIGN_OFFICER, "/api/v1/accountability/cases/changes", caseId).isEmpty());
        assertTrue(events(INTEGRATOR, "/api/v1/accountability/cases/changes", caseId).isEmpty(),
                "the integrator role alone reads no case");
        assertFalse(objects(OTHER_TEAM, "/api/v1/accountability/referrals/changes").stream()
                .anyMatch(o -> o.startsWith("referral/")));
    }

    static List<String> events(String token, String path, long id) {
        List<String> found = new ArrayList<>();
        String cursor = null;
        while (true) {
            var r = given().auth().oauth2(token).queryParam("limit", 500);
            if (cursor != null) {
                r.queryParam("cursor", cursor);
            }
            JsonPath p = r.when().get(path).then().statusCode(200).extract().jsonPath();
            List<String> ids = p.getList("changes.objectId", String.class);
            List<String> types = p.getList("changes.eventType", String.class);
            for (int k = 0; k < ids.size(); k++) {
                if (ids.get(k).equals(Long.toString(id))) {
                    found.add(types.get(k));
                }
            }
            cursor = p.getString("next");
            if (!p.getBoolean("more")) {
                return found;
            }
        }
    }

    static List<String> objects(String token, String path) {
        List<String> all = new ArrayList<>();
        JsonPath p = given().auth().oauth2(token).queryParam("limit", 500).when().get(path).then().statusCode(200)
                .extract().jsonPath();
        List<String> types = p.getList("changes.objectType", String.class);
        List<String> ids = p.getList("changes.objectId", String.class);
        for (int k = 0; k < types.size(); k++) {
            all.add(types.get(k) + "/" + ids.get(k));
        }
        return all;
    }
}
