package cn.dcjk.plans.plan;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.dcjk.plans.plan.PlanFixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** The registers around plans: exemptions, the calendar, no-meeting months, statistics, the dry run, the rules. */
@QuarkusTest
class PlanRegistersTest {

    static final String SERVICES = cn.dcjk.testing.Tokens.token("service-account-dcjk-services", "service", "370000-GO");
    static final String INTEGRATOR = cn.dcjk.testing.Tokens.token("service-account-integrator-demo", "integrator", "370000-GO");

    @Test
    void exemptionsAreIdempotentOnTheirSource() {
        Map<String, Object> body = Map.of("unitCode", "370202-GOV", "year", 2028, "reason", "2027年省政府综合督查表扬",
                "source", "COMMENDATION", "sourceId", "commendation-77");
        given().auth().oauth2(INTEGRATOR).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/exemptions").then().statusCode(403); // a provincial system is not a service
        long id = given().auth().oauth2(SERVICES).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/exemptions").then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(SERVICES).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/exemptions").then().statusCode(200).body("id", equalTo((int) id));
        given().auth().oauth2(PLANNER).queryParam("year", 2028).queryParam("unit", "370202-GOV")
                .when().get("/api/v1/exemptions").then().statusCode(200).body("items", hasSize(1));
        given().auth().oauth2(PLANNER).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/exemptions").then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("unitCode", "NOPE-1", "year", 2028,
                "reason", "x", "source", "ADMIN", "sourceId", "a1")).when().post("/api/v1/exemptions")
                .then().statusCode(400).body("errors[0].field", equalTo("unitCode"));
    }

    @Test
    void noMeetingMonthsAreSetByAdminsAndReadByAll() {
        given().auth().oauth2(PLANNER).contentType(ContentType.JSON)
                .body(Map.of("year", 2029, "month", 3, "regionCode", "370100")).when().post("/api/v1/no-meeting-months")
                .then().statusCode(403);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("year", 2029, "month", 13, "regionCode", "370100")).when().post("/api/v1/no-meeting-months")
                .then().statusCode(400).body("errors[0].field", equalTo("month"));
        long id = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("year", 2029, "month", 3, "regionCode", "370100")).when().post("/api/v1/no-meeting-months")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(PLANNER).queryParam("year", 2029).queryParam("region", "370000")
                .when().get("/api/v1/no-meeting-months").then().statusCode(200).body("items.id", hasItem((int) id));
        given().auth().oauth2(ADMIN).when().delete("/api/v1/no-meeting-months/" + id).then().statusCode(204);
    }

    @Test
    void theCalendarShowsApprovedOnSiteActivityByDayForTheRegion() {
        Map<String, Object> item = with(item("历下区河道巡查"), "targetUnitCodes", List.of("370102-D-AG"),
                "periodStart", "2027-12-01", "periodEnd", "2027-12-03", "visitDates", List.of("2027-12-02"));
        long plan = reviewed("日历计划", item);
        step(APPROVER, plan, "approve", null).statusCode(200);
        step(PARTY_OFFICE, plan, "issue", null).statusCode(200);
        given().auth().oauth2(PLANNER).queryParam("unit", "370100-PC").queryParam("from", "2027-12-01")
                .queryParam("to", "2027-12-05").when().get("/api/v1/calendar")
                .then().statusCode(200)
                .body("date", hasItem("2027-12-02"))
                .body("find { it.date == '2027-12-02' }.activities.find { it.title == '历下区河道巡查' }.plannedVisit",
                        equalTo(true))
                .body("find { it.date == '2027-12-01' }.activities.find { it.title == '历下区河道巡查' }.plannedVisit",
                        equalTo(false));
        // another city's calendar does not show it
        given().auth().oauth2(PLANNER).queryParam("unit", "370200-PC").queryParam("from", "2027-12-01")
                .queryParam("to", "2027-12-05").when().get("/api/v1/calendar")
                .then().statusCode(200).body("activities.flatten().title", not(hasItem("历下区河道巡查")));
        given().auth().oauth2(PLANNER).queryParam("unit", "370100-PC").queryParam("from", "2027-12-05")
                .queryParam("to", "2027-12-01").when().get("/api/v1/calendar").then().statusCode(400);
    }

    @Test
    void theCalendarOfACountyShowsAnItemOnCountiesOfSeveralCities() {
        // the targets' common prefix is the province's: each target county's calendar still shows the item
        Map<String, Object> item = with(item("两市县区农业执法联合检查"), "targetUnitCodes", List.of("370102-D-AG", "370202-D-AG"),
                "periodStart", "2027-11-08", "periodEnd", "2027-11-09", "visitDates", List.of("2027-11-09"));
        long plan = reviewed("两市日历计划", item);
        step(APPROVER, plan, "approve", null).statusCode(200);
        step(PARTY_OFFICE, plan, "issue", null).statusCode(200);
        for (String unit : List.of("370102-D-AG", "370202-D-AG", "370100-PC")) {
            given().auth().oauth2(PLANNER).queryParam("unit", unit).queryParam("from", "2027-11-08")
                    .queryParam("to", "2027-11-09").when().get("/api/v1/calendar")
                    .then().statusCode(200)
                    .body("find { it.date == '2027-11-09' }.activities.find { it.title == '两市县区农业执法联合检查' }.plannedVisit",
                            equalTo(true));
        }
        // a county that is not a target does not see it
        given().auth().oauth2(PLANNER).queryParam("unit", "370211-D-AG").queryParam("from", "2027-11-08")
                .queryParam("to", "2027-11-09").when().get("/api/v1/calendar")
                .then().statusCode(200).body("activities.flatten().title", not(hasItem("两市县区农业执法联合检查")));
    }

    @Test
    void statisticsCompareWithTheBaselineAndRollUp() {
        String planner = cn.dcjk.testing.Tokens.token("planner-nr", "planner", "370000-D-NR");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("itemCount", 4))
                .when().put("/api/v1/statistics/baselines/370000-D-NR/2018").then().statusCode(200);
        long plan = plan(planner, "ANNUAL", 2027, "自然资源厅计划");
        addItem(planner, plan, item("耕地保护检查")).statusCode(201);
        step(planner, plan, "submit", null).statusCode(200);
        reviewAndForward(plan);
        step(APPROVER, plan, "approve", null).statusCode(200);
        given().auth().oauth2(AUDITOR).queryParam("year", 2027).when().get("/api/v1/statistics/burden")
                .then().statusCode(200)
                .body("baselineYear", equalTo(2018))
                .body("organisers.find { it.organiserUnitCode == '370000-D-NR' }.standing.baselineItems", equalTo(4))
                .body("organisers.find { it.organiserUnitCode == '370000-D-NR' }.standing.meetsTarget", notNullValue())
                .body("regions.find { it.regionCode == '370000' }.items", greaterThanOrEqualTo(1))
                .body("targets.size()", greaterThanOrEqualTo(1));
        // a county office sees its own region only
        given().auth().oauth2(cn.dcjk.testing.Tokens.token("county-office", "office-reviewer", "370102-GO"))
                .queryParam("year", 2027).when().get("/api/v1/statistics/burden")
                .then().statusCode(200).body("organisers.organiserUnitCode", not(hasItem("370000-D-NR")));
        // the path as the gateway forwards it: ':' is not escaped (a %3A spelling is refused as ambiguous)
        given().urlEncodingEnabled(false).auth().oauth2(AUDITOR)
                .when().get("/api/v1/audit/grassroots-baseline/370000-D-NR:2018")
                .then().statusCode(200).body("items[0].changes[0].after", equalTo(4));
    }

    @Test
    void theDryRunWritesNothingAndExplainsItself() {
        long before = given().auth().oauth2(AUDITOR).when().get("/api/v1/plans").then().extract().jsonPath().getLong("total");
        given().auth().oauth2(PLANNER).contentType(ContentType.JSON)
                .body(Map.of("item", with(item("试算事项"), "sampling", Map.of("population", 9, "sampleSize", 4),
                        "periodStart", "2027-07-10", "periodEnd", "2027-07-20", "workDeployedOn", "2027-06-01"), "year", 2027))
                .when().post("/api/v1/plans/checks")
                .then().statusCode(200)
                .body("items[0].findings.rule", hasItem("SAMPLE-AT-MOST-THIRD"))
                .body("items[0].findings.rule", hasItem("NO-INSPECTION-RIGHT-AFTER-DEPLOYMENT"))
                .body("items[0].blocking.size()", equalTo(2));
        given().auth().oauth2(AUDITOR).when().get("/api/v1/plans").then().body("total", equalTo((int) before));
        given().auth().oauth2(PLANNER).contentType(ContentType.JSON).body(Map.of()).when().post("/api/v1/plans/checks")
                .then().statusCode(400).body("errors[0].field", equalTo("planId"));
    }

    @Test
    void aSeriesIsFoundByItsTitleWhenItsTopicsDiffer() {
        // article 8: 「内容相似度、关联度高」 — a title nearly the same is a series whatever topics it is filed under
        Map<String, Object> first = with(item("全市河湖水质专项检查行动"), "topics", List.of("河长制"));
        long plan = reviewed("系列计划", first);
        step(APPROVER, plan, "approve", null).statusCode(200);
        Map<String, Object> again = with(item("全市河湖水质专项检查"), "topics", List.of("水环境"),
                "targetUnitCodes", first.get("targetUnitCodes"), "periodStart", first.get("periodStart"),
                "periodEnd", first.get("periodEnd"));
        given().auth().oauth2(PLANNER).contentType(ContentType.JSON).body(Map.of("item", again, "year", 2027))
                .when().post("/api/v1/plans/checks")
                .then().statusCode(200)
                .body("items[0].findings.find { it.rule == 'NO-SIMILAR-SERIES' }.facts.clashingTitle",
                        equalTo("全市河湖水质专项检查行动"));
        Map<String, Object> unlike = with(item("全市河湖水质专项检查"), "title", "森林防火隐患排查", "topics",
                List.of("水环境"), "targetUnitCodes", first.get("targetUnitCodes"), "periodStart",
                first.get("periodStart"), "periodEnd", first.get("periodEnd"));
        given().auth().oauth2(PLANNER).contentType(ContentType.JSON).body(Map.of("item", unlike, "year", 2027))
                .when().post("/api/v1/plans/checks")
                .then().statusCode(200)
                .body("items[0].findings.rule", not(hasItem("NO-SIMILAR-SERIES")));
    }

    @Test
    void theRulesListEveryPlanRuleWithArticlesSeverityTitlesAndParameters() {
        given().auth().oauth2(PLANNER).when().get("/api/v1/rules")
                .then().statusCode(200)
                .body("name", hasItem("COMPREHENSIVE-CAP")).body("name", hasItem("VISIT-FREQUENCY"))
                .body("name", hasItem("POSITIVE-LIST")).body("name", hasItem("APPROVAL-ROUTE"))
                .body("name", hasItem("NO-LAYERED-ESCALATION")).body("size()", equalTo(23))
                .body("find { it.name == 'VISIT-FREQUENCY' }.severity", equalTo("PROHIBITED"))
                .body("find { it.name == 'VISIT-FREQUENCY' }.articles", equalTo(List.of(7, 12)))
                .body("find { it.name == 'PLAN-SUBMISSION-WINDOW' }.severity", equalTo("PROHIBITED"))
                .body("find { it.name == 'NO-BORROWED-BANNER' }.parameters.departmentNeverInCoordinationBodyName",
                        equalTo(false))
                .body("find { it.name == 'COMPREHENSIVE-CAP' }.articles", equalTo(List.of(7)))
                .body("find { it.name == 'COMPREHENSIVE-CAP' }.severity", equalTo("PRINCIPLE"))
                .body("find { it.name == 'COMPREHENSIVE-CAP' }.parameters.cap", equalTo(1))
                .body("find { it.name == 'NO-SIMILAR-SERIES' }.parameters.gapDays", equalTo(0))
                .body("find { it.name == 'COMPREHENSIVE-CAP' }.titleZh", notNullValue())
                .body("find { it.name == 'COMPREHENSIVE-CAP' }.service", equalTo("plans-service"));
    }
}
