package cn.dcjk.plans.plan;

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
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/**
 * PRINCIPLE rules through the workflow: refused without a written justification; with one the
 * submission passes, the approval is still refused until the approver grants the exception
 * explicitly; the grant is recorded on the item, in the history and in the statistics.
 */
@QuarkusTest
class PrincipleExceptionTest {

    static String planner(String unit) {
        return Tokens.token("planner-" + unit, "planner", unit);
    }

    /** The whole walk for one PRINCIPLE rule; returns the approved plan's id. */
    static long walk(String planner, int year, Map<String, Object> item, String rule, boolean refusedAtSubmission) {
        if (refusedAtSubmission) {
            long bare = plan(planner, "ANNUAL", year, "无理由的计划 " + rule);
            addItem(planner, bare, item).statusCode(201);
            step(planner, bare, "submit", null).statusCode(422)
                    .contentType("application/problem+json")
                    .body("findings.rule", hasItem(rule));
        }
        long plan = given().auth().oauth2(planner).contentType(ContentType.JSON)
                .body(Map.of("type", "ANNUAL", "year", year, "title", "有理由的计划 " + rule,
                        "lateJustification", "因机构改革推迟报送"))
                .when().post("/api/v1/plans").then().statusCode(201).extract().jsonPath().getLong("id");
        long itemId = addItem(planner, plan, with(item, "justifications", Map.of(rule, "确有必要：" + rule)))
                .statusCode(201).extract().jsonPath().getLong("id");
        // at submission a justified PRINCIPLE finding passes as a requested exception
        step(planner, plan, "submit", null).statusCode(200).body("findings.rule", hasItem(rule));
        reviewAndForward(plan);
        step(APPROVER, plan, "approve", null).statusCode(422)
                .body("findings.find { it.rule == '" + rule + "' }.severity", equalTo("PRINCIPLE"));
        step(APPROVER, plan, "approve", Map.of("grants", List.of(Map.of("itemId", 999999, "rule", rule))))
                .statusCode(400).body("errors[0].field", equalTo("grants[0].itemId"));
        step(APPROVER, plan, "approve", Map.of("comment", "特批", "grants", List.of(Map.of("itemId", itemId, "rule", rule))))
                .statusCode(200)
                .body("plan.status", equalTo("APPROVED"))
                .body("plan.items[0].grantedExceptions.rule", hasItem(rule))
                .body("plan.items[0].grantedExceptions[0].grantedBy", equalTo("committee-approver"))
                .body("findings.find { it.rule == '" + rule + "' }.exceptionGranted", equalTo(true));
        given().auth().oauth2(planner).when().get("/api/v1/plans/" + plan + "/history")
                .then().body("find { it.action == 'APPROVE' }.findings.find { it.rule == '" + rule + "' }.exceptionGranted",
                        equalTo(true));
        return plan;
    }

    @Test
    void comprehensiveCap() {
        String planner = planner("370000-D-AG");
        long first = plan(planner, "ANNUAL", 2027, "农业农村厅综合督查");
        addItem(planner, first, with(item("农业农村综合督查"), "category", "COMPREHENSIVE")).statusCode(201);
        step(planner, first, "submit", null).statusCode(200);
        reviewAndForward(first);
        step(APPROVER, first, "approve", null).statusCode(200);
        walk(planner, 2027, with(item("第二次农村人居环境综合检查"), "category", "COMPREHENSIVE"), "COMPREHENSIVE-CAP", true);
        given().auth().oauth2(AUDITOR).queryParam("year", 2027).when().get("/api/v1/statistics/burden")
                .then().statusCode(200)
                .body("organisers.find { it.organiserUnitCode == '370000-D-AG' }.exceptionsGranted",
                        greaterThanOrEqualTo(1));
    }

    @Test
    void sampleAtMostThird() {
        long plan = walk(planner("370000-D-FIN"), 2027,
                with(item("财政资金抽查"), "sampling", Map.of("population", 6, "sampleSize", 3)), "SAMPLE-AT-MOST-THIRD", true);
        String code = given().auth().oauth2(planner("370000-D-FIN")).when().get("/api/v1/plans/" + plan)
                .then().extract().jsonPath().getString("items[0].approvalCode");
        given().when().get("/api/v1/approvals/" + code).then().body("sampling.exceptionGranted", equalTo(true))
                .body("sampling.sampleSize", equalTo(3));
    }

    @Test
    void constructionSite() {
        // the recorded necessity is the justification; the approver still has to grant it
        String planner = planner("370000-D-NR");
        long plan = plan(planner, "ANNUAL", 2027, "施工现场检查");
        long id = addItem(planner, plan, with(item("重点项目用地检查"), "constructionSiteVisits", 2,
                "constructionSiteNecessity", "需核实违法占地现场情况")).statusCode(201).extract().jsonPath().getLong("id");
        step(planner, plan, "submit", null).statusCode(200);
        reviewAndForward(plan);
        step(APPROVER, plan, "approve", null).statusCode(422).body("findings.rule", hasItem("CONSTRUCTION-SITE"));
        step(APPROVER, plan, "approve", Map.of("grants", List.of(Map.of("itemId", id, "rule", "CONSTRUCTION-SITE"))))
                .statusCode(200).body("plan.items[0].grantedExceptions.rule", hasItem("CONSTRUCTION-SITE"));
    }

    @Test
    void noMeetingMonth() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("year", 2027, "month", 11, "regionCode", "370000", "note", "无会月"))
                .when().post("/api/v1/no-meeting-months").then().statusCode(201);
        walk(planner("370000-D-EM"), 2027, with(item("冬季安全检查"), "periodStart", "2027-11-10",
                "periodEnd", "2027-11-20"), "NO-MEETING-MONTH", true);
    }

    @Test
    void foldedIntoComprehensive() {
        walk(planner("370000-D-EDU"), 2027, with(item("校园安全专项检查"), "topics", List.of("安全生产")),
                "FOLDED-INTO-COMPREHENSIVE", true);
    }

    @Test
    void art5ALateAnnualPlanIsRefusedEvenWithAJustificationAndTheNeedGoesAsAOneMatterRequest() {
        // a plan for this year submitted after its January is late; 「要…年初…报」 allows no exception
        int year = PlanService.today().getYear();
        org.junit.jupiter.api.Assumptions.assumeTrue(PlanService.today().isAfter(java.time.LocalDate.of(year, 1, 31)));
        String planner = planner("370000-D-ENV");
        Map<String, Object> late = with(item("宣传工作检查"), "periodStart", year + "-12-10", "periodEnd", year + "-12-20",
                "workDeployedOn", year + "-01-05");
        long bare = given().auth().oauth2(planner).contentType(ContentType.JSON)
                .body(Map.of("type", "ANNUAL", "year", year, "title", "迟报的计划", "lateJustification", "因机构改革推迟报送"))
                .when().post("/api/v1/plans").then().statusCode(201).extract().jsonPath().getLong("id");
        addItem(planner, bare, late).statusCode(201);
        step(planner, bare, "submit", null).statusCode(422)
                .body("findings.find { it.rule == 'PLAN-SUBMISSION-WINDOW' }.severity", equalTo("PROHIBITED"));
        // the same need as a one-matter request passes the window
        long single = plan(planner, "SINGLE_MATTER", year, "一事一报");
        addItem(planner, single, late).statusCode(201);
        step(planner, single, "submit", null).statusCode(200);
        // PLAN-SUBMISSION-WINDOW is no longer a rule an approver may except
        addItem(planner, plan(planner, "ANNUAL", year + 1, "次年计划"),
                with(item("次年事项"), "justifications", Map.of("PLAN-SUBMISSION-WINDOW", "理由"))).statusCode(400)
                .body("errors[0].field", equalTo("justifications.PLAN-SUBMISSION-WINDOW"));
    }

    @Test
    void art7VisitFrequencyIsAProhibitionNoGrantPassesIt() {
        String planner = planner("370000-D-ENV");
        Map<String, Object> first = with(item("固体废物检查"), "targetUnitCodes", List.of("370303-E-HEAVY"),
                "periodStart", "2027-09-06", "periodEnd", "2027-09-06");
        long a = plan(planner, "ANNUAL", 2027, "第一次到企业");
        addItem(planner, a, first).statusCode(201);
        step(planner, a, "submit", null).statusCode(200);
        reviewAndForward(a);
        step(APPROVER, a, "approve", null).statusCode(200);
        long b = plan(planner, "ANNUAL", 2027, "第二次到企业");
        addItem(planner, b, with(first, "title", "排污许可执法检查", "topics", List.of("排污许可"))).statusCode(201);
        step(planner, b, "submit", null).statusCode(422)
                .body("findings.find { it.rule == 'VISIT-FREQUENCY' }.severity", equalTo("PROHIBITED"))
                .body("findings.find { it.rule == 'VISIT-FREQUENCY' }.facts.unit", equalTo("370303-E-HEAVY"));
    }
}
