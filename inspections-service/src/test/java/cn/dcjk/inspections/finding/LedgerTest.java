package cn.dcjk.inspections.finding;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.dcjk.inspections.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** The rectification ledger: lights around the 7th day, filters, CSV, and who sees which line. */
@QuarkusTest
class LedgerTest {

    static final String MINE = "370102-D-ENV";
    static final String OTHER = "370202-D-ENV";

    @Test
    void lightsFiltersAndTheCsvLedger() {
        long id = open(TEAM, "DCJK-2026-0007", false, cn.dcjk.inspections.ServicesStub.COUNTY_ENV);
        sample(TEAM, id, seedFor(cn.dcjk.inspections.ServicesStub.COUNTY_ENV, 2, MINE, OTHER), 2);
        visit(TEAM, id, itinerary(TEAM, id, MINE, TODAY), MINE, cleanReception());
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).header("If-Match", etag(TEAM, id))
                .body(results(MINE, List.of(finding(MINE, TODAY.plusDays(7), "=第七天到期"),
                        finding(MINE, TODAY.plusDays(8), "第八天到期"), finding(OTHER, TODAY, "今天到期"))))
                .when().post("/api/v1/inspections/" + id + "/results").then().statusCode(200);

        given().auth().oauth2(TEAM).queryParam("inspection", id).queryParam("light", "YELLOW")
                .when().get("/api/v1/findings")
                .then().statusCode(200).body("total", equalTo(2)).body("items.problem", hasItem("=第七天到期"))
                .body("items.problem", hasItem("今天到期")).body("items.light", everyItem(equalTo("YELLOW")));
        given().auth().oauth2(TEAM).queryParam("inspection", id).queryParam("light", "GREEN")
                .when().get("/api/v1/findings")
                .then().body("total", equalTo(1)).body("items[0].problem", equalTo("第八天到期"));
        given().auth().oauth2(TEAM).queryParam("inspection", id).queryParam("light", "RED")
                .when().get("/api/v1/findings").then().body("total", equalTo(0));
        given().auth().oauth2(OFFICE).queryParam("inspection", id).queryParam("unit", OTHER)
                .queryParam("status", "FILED").when().get("/api/v1/findings")
                .then().body("total", equalTo(1)).body("items[0].targetUnitCode", equalTo(OTHER));
        given().auth().oauth2(TEAM).queryParam("light", "PURPLE").when().get("/api/v1/findings")
                .then().statusCode(404);

        String csv = given().auth().oauth2(OFFICE).queryParam("inspection", id)
                .when().get("/api/v1/findings/ledger")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();
        List<String> lines = csv.lines().toList();
        org.junit.jupiter.api.Assertions.assertEquals(4, lines.size());
        org.hamcrest.MatcherAssert.assertThat(lines.get(0), containsString("targetUnitCode"));
        org.hamcrest.MatcherAssert.assertThat(csv, containsString(",'=第七天到期,"));
        org.hamcrest.MatcherAssert.assertThat(csv, startsWith("\uFEFFid,"));

        // the inspected unit sees only its own lines, and only once fed back
        given().auth().oauth2(UNIT).queryParam("inspection", id).when().get("/api/v1/findings")
                .then().body("total", equalTo(0));
        long first = given().auth().oauth2(TEAM).queryParam("inspection", id).queryParam("unit", MINE)
                .when().get("/api/v1/findings").then().extract().jsonPath().getLong("items[0].id");
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/findings/" + first + "/feedback").then().statusCode(200);
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/findings/" + first + "/feedback").then().statusCode(409);
        given().auth().oauth2(UNIT).queryParam("inspection", id).when().get("/api/v1/findings")
                .then().body("total", equalTo(1)).body("items.targetUnitCode", everyItem(equalTo(MINE)));
        given().auth().oauth2(unitToken(OTHER)).when().get("/api/v1/findings/" + first).then().statusCode(404);
        given().auth().oauth2(CITY_OFFICE).when().get("/api/v1/findings/" + first).then().statusCode(404);
        given().auth().oauth2(FOREIGN_TEAM).queryParam("inspection", id).when().get("/api/v1/findings")
                .then().body("total", equalTo(0));
        // verification before any rectification report is out of order
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).body(Map.of("outcome", "CLOSE", "comment", "x"))
                .when().post("/api/v1/findings/" + first + "/verification").then().statusCode(409);
        given().auth().oauth2(UNIT).contentType(ContentType.JSON).body(Map.of("description", "整改", "evidence", List.of()))
                .when().post("/api/v1/findings/" + first + "/rectifications").then().statusCode(400);
        String csvForUnit = given().auth().oauth2(UNIT).when().get("/api/v1/findings/ledger").then().statusCode(200)
                .extract().asString();
        org.hamcrest.MatcherAssert.assertThat(csvForUnit, not(containsString(OTHER)));
    }

    @Test
    void deepPagesGoByCursorAndTheWholeLedgersTotalIsExact() {
        long id = open(TEAM, "DCJK-2026-0008", false, cn.dcjk.inspections.ServicesStub.COUNTY_ENV);
        sample(TEAM, id, seedFor(cn.dcjk.inspections.ServicesStub.COUNTY_ENV, 2, MINE, OTHER), 2);
        visit(TEAM, id, itinerary(TEAM, id, MINE, TODAY), MINE, cleanReception());
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).header("If-Match", etag(TEAM, id))
                .body(results(MINE, List.of(finding(MINE, TODAY.plusDays(30), "同日甲"), finding(MINE, TODAY.plusDays(30), "同日乙"),
                        finding(OTHER, TODAY.plusDays(31), "次日"))))
                .when().post("/api/v1/inspections/" + id + "/results").then().statusCode(200);
        List<Map<String, Object>> all = given().auth().oauth2(TEAM).queryParam("inspection", id).when()
                .get("/api/v1/findings").then().statusCode(200).extract().jsonPath().getList("items");
        org.junit.jupiter.api.Assertions.assertEquals(3, all.size());
        // after the first line's cursor come the second and the third, in the same order (two share a deadline)
        String cursor = all.get(0).get("deadline") + "_" + all.get(0).get("id");
        given().auth().oauth2(TEAM).queryParam("inspection", id).queryParam("after", cursor).queryParam("size", 1)
                .when().get("/api/v1/findings").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(((Number) all.get(1).get("id")).intValue()));
        String second = all.get(1).get("deadline") + "_" + all.get(1).get("id");
        given().auth().oauth2(TEAM).queryParam("inspection", id).queryParam("after", second)
                .when().get("/api/v1/findings").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(((Number) all.get(2).get("id")).intValue()));
        given().auth().oauth2(TEAM).queryParam("after", "yesterday").when().get("/api/v1/findings").then().statusCode(400)
                .body("errors.field", hasItem("after"));

        // an auditor's total of the whole ledger (read from the tally) is the number of lines walked by cursor
        int total = given().auth().oauth2(AUDITOR).when().get("/api/v1/findings").then().statusCode(200)
                .extract().jsonPath().getInt("total");
        int walked = 0;
        String after = null;
        while (true) {
            var page = given().auth().oauth2(AUDITOR).queryParam("size", 2);
            if (after != null) {
                page.queryParam("after", after);
            }
            List<Map<String, Object>> items = page.when().get("/api/v1/findings").then().statusCode(200)
                    .extract().jsonPath().getList("items");
            walked += items.size();
            if (items.size() < 2) {
                break;
            }
            Map<String, Object> last = items.get(items.size() - 1);
            after = last.get("deadline") + "_" + last.get("id");
        }
        org.junit.jupiter.api.Assertions.assertEquals(total, walked);
        int filed = given().auth().oauth2(AUDITOR).queryParam("status", "FILED").when().get("/api/v1/findings").then()
                .extract().jsonPath().getInt("total");
        org.junit.jupiter.api.Assertions.assertTrue(filed >= 3 && filed <= total);
    }

    @Test
    void art26AccountabilityDoesNotCloseAFindingOnlyItsRectificationDoes() {
        long id = open(TEAM, "DCJK-2026-0007", false, cn.dcjk.inspections.ServicesStub.COUNTY_ENV);
        sample(TEAM, id, seedFor(cn.dcjk.inspections.ServicesStub.COUNTY_ENV, 2, MINE), 2);
        visit(TEAM, id, itinerary(TEAM, id, MINE, TODAY), MINE, cleanReception());
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).header("If-Match", etag(TEAM, id))
                .body(results(MINE, List.of(finding(MINE, TODAY.plusDays(20), "污水直排未整改"))))
                .when().post("/api/v1/inspections/" + id + "/results").then().statusCode(200);
        long f = given().auth().oauth2(TEAM).queryParam("inspection", id).when().get("/api/v1/findings")
                .then().extract().jsonPath().getLong("items[0].id");
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/findings/" + f + "/feedback").then().statusCode(200);
        // 以问责代替整改: the only evidence is who was punished
        given().auth().oauth2(UNIT).contentType(ContentType.JSON)
                .body(Map.of("description", "已处理", "evidence", List.of("已对2名责任人问责", "给予党内警告处分")))
                .when().post("/api/v1/findings/" + f + "/rectifications").then().statusCode(200);
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).body(Map.of("outcome", "CLOSE", "comment", "已问责"))
                .when().post("/api/v1/findings/" + f + "/verification")
                .then().statusCode(422).body("findings[0].rule", equalTo("NO-ACCOUNTABILITY-FOR-RECTIFICATION"))
                .body("findings[0].articles", org.hamcrest.Matchers.contains(26));
        // sending it back is allowed; the unit reports the measures, and then it closes
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).body(Map.of("outcome", "SEND_BACK", "comment", "请报整改措施"))
                .when().post("/api/v1/findings/" + f + "/verification").then().statusCode(200)
                .body("status", equalTo("SENT_BACK"));
        given().auth().oauth2(UNIT).contentType(ContentType.JSON)
                .body(Map.of("description", "截污管网已接通", "evidence", List.of("管网竣工验收单", "已对2名责任人问责")))
                .when().post("/api/v1/findings/" + f + "/rectifications").then().statusCode(200);
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).body(Map.of("outcome", "CLOSE", "comment", "核验通过"))
                .when().post("/api/v1/findings/" + f + "/verification").then().statusCode(200)
                .body("status", equalTo("CLOSED"));
    }
}
