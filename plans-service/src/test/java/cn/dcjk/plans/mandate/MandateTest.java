package cn.dcjk.plans.mandate;

import cn.dcjk.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.dcjk.plans.plan.PlanFixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Articles 9 and 10: a unified deployment (统一部署) and a coordination body's approval are
 * checked against the record, not taken from the planner's word.
 */
@QuarkusTest
class MandateTest {

    static final String GOVERNMENT = Tokens.token("gov-approver", "committee-approver", "370000-GOV");
    static final String CITY_COMMITTEE = Tokens.token("city-approver", "committee-approver", "370100-PC");

    static io.restassured.response.ValidatableResponse record(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/mandates").then().log().ifValidationFails();
    }

    static Map<String, Object> regionWide(String reference) {
        Map<String, Object> item = with(item("全省统一部署现场检查 " + reference), "regionWide", true,
                "unifiedDeployment", true);
        return reference == null ? item : with(item, "unifiedDeploymentReference", reference);
    }

    static io.restassured.response.ValidatableResponse dryRun(Map<String, Object> item) {
        return given().auth().oauth2(PLANNER).contentType(ContentType.JSON)
                .body(Map.of("item", item, "planType", "SINGLE_MATTER", "year", 2027))
                .when().post("/api/v1/plans/checks").then().statusCode(200);
    }

    @Test
    void art10ARegionWideOnSiteItemNeedsAUnifiedDeploymentOnRecord() {
        // the planner's word alone: refused
        dryRun(regionWide(null)).body("items[0].blocking.rule", hasItem("ON-SITE-REGION-WIDE"));
        dryRun(regionWide("鲁发〔2027〕9号")).body("items[0].blocking.rule", hasItem("ON-SITE-REGION-WIDE"));
        // a department cannot record one; a city's committee records its own, which does not cover the province
        record(PLANNER, Map.of("kind", "UNIFIED_DEPLOYMENT", "reference", "鲁发〔2027〕9号", "title", "部署", "year", 2027))
                .statusCode(403);
        record(CITY_COMMITTEE, Map.of("kind", "UNIFIED_DEPLOYMENT", "reference", "济发〔2027〕9号", "title", "市部署",
                "year", 2027)).statusCode(201).body("grantingUnitCode", equalTo("370100-PC"));
        dryRun(regionWide("济发〔2027〕9号")).body("items[0].blocking.rule", hasItem("ON-SITE-REGION-WIDE"));
        // the provincial government's deployment covers it
        record(GOVERNMENT, Map.of("kind", "UNIFIED_DEPLOYMENT", "reference", "鲁发〔2027〕9号", "title", "省部署",
                "year", 2027)).statusCode(201).body("grantingUnitKind", equalTo("GOVERNMENT"));
        dryRun(regionWide("鲁发〔2027〕9号")).body("items[0].findings.rule", not(hasItem("ON-SITE-REGION-WIDE")));
        // a reference is recorded once
        record(GOVERNMENT, Map.of("kind", "UNIFIED_DEPLOYMENT", "reference", "鲁发〔2027〕9号", "title", "again",
                "year", 2027)).statusCode(409);
        given().auth().oauth2(PLANNER).queryParam("reference", "鲁发〔2027〕9号").when().get("/api/v1/mandates")
                .then().statusCode(200).body("items.size()", equalTo(1));
    }

    @Test
    void art9ACoordinationBodysApprovalNamesTheBody() {
        record(GOVERNMENT, Map.of("kind", "COORDINATION_BODY_APPROVAL", "reference", "鲁政字〔2027〕3号", "title", "批准",
                "year", 2027)).statusCode(400).body("errors[0].field", equalTo("granteeUnitCode"));
        record(GOVERNMENT, Map.of("kind", "COORDINATION_BODY_APPROVAL", "reference", "鲁政字〔2027〕3号", "title", "批准",
                "granteeUnitCode", "370000-D-ENV", "year", 2027)).statusCode(400);
        record(GOVERNMENT, Map.of("kind", "COORDINATION_BODY_APPROVAL", "reference", "鲁政字〔2027〕3号", "title", "批准",
                "granteeUnitCode", "370000-CB-SAFETY", "year", 2027)).statusCode(201)
                .body("granteeUnitCode", equalTo("370000-CB-SAFETY"));
        String body = Tokens.token("safety-planner", "planner", "370000-CB-SAFETY");
        Map<String, Object> item = with(item("安委会专项检查"), "actingName", "GOVERNMENT",
                "actingApprovalReference", "鲁政字〔2027〕3号");
        given().auth().oauth2(body).contentType(ContentType.JSON)
                .body(Map.of("item", item, "planType", "ANNUAL", "year", 2027))
                .when().post("/api/v1/plans/checks").then().statusCode(200)
                .body("items[0].findings.rule", not(hasItem("NO-BORROWED-BANNER")));
        given().auth().oauth2(body).contentType(ContentType.JSON)
                .body(Map.of("item", with(item, "actingName", "PARTY_COMMITTEE"), "planType", "ANNUAL", "year", 2027))
                .when().post("/api/v1/plans/checks").then().statusCode(200)
                .body("items[0].blocking.rule", hasItem("NO-BORROWED-BANNER"));
    }

    @Test
    void art10TheApprovalCodeCarriesTheConstructionSiteVisitsGranted() {
        long plan = plan(PLANNER, "ANNUAL", 2027, "施工现场次数");
        long id = addItem(PLANNER, plan, with(item("在建项目现场核查"), "constructionSiteVisits", 2,
                "constructionSiteNecessity", "需到现场核实")).statusCode(201).extract().jsonPath().getLong("id");
        step(PLANNER, plan, "submit", null).statusCode(200);
        reviewAndForward(plan);
        String code = step(APPROVER, plan, "approve", Map.of("grants", List.of(Map.of("itemId", id,
                "rule", "CONSTRUCTION-SITE")))).statusCode(200).extract().jsonPath().getString("plan.items[0].approvalCode");
        given().when().get("/api/v1/approvals/" + code).then().statusCode(200)
                .body("constructionSiteVisits", equalTo(2)).body("onSite", equalTo(true));
    }
}
