package cn.dcjk.plans.plan;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.dcjk.plans.plan.PlanFixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PlanWorkflowTest {

    @Test
    void draftSubmitReviewApproveIssueAndTheCodeVerifies() {
        long plan = plan(PLANNER, "ANNUAL", 2027, "省生态环境厅2027年度督查检查考核计划");
        given().auth().oauth2(PLANNER).when().get("/api/v1/plans/" + plan)
                .then().statusCode(200).body("status", equalTo("DRAFT"))
                .body("reviewingOfficeCode", equalTo("370000-GO"))
                .body("submittingOfficeCode", equalTo("370000-PO"))
                .body("approvingBodyCode", equalTo("370000-PC"));
        Map<String, Object> water = item("统计数据质量专项检查");
        long item = addItem(PLANNER, plan, water).statusCode(201)
                .body("grassroots", equalTo(true)).extract().jsonPath().getLong("id");

        // the wrong role and the wrong unit at each step: 403; illegal transitions: 409
        step(OFFICE, plan, "submit", null).statusCode(403);
        step(OFFICE, plan, "review", null).statusCode(409);
        step(PLANNER, plan, "submit", Map.of("comment", "请审核")).statusCode(200)
                .body("plan.status", equalTo("SUBMITTED"));
        step(PLANNER, plan, "submit", null).statusCode(409);
        step(PLANNER, plan, "review", null).statusCode(403);
        step(WRONG_OFFICE, plan, "review", null).statusCode(403);
        step(APPROVER, plan, "approve", null).statusCode(409);
        step(OFFICE, plan, "review", Map.of("comment", "符合要求")).statusCode(200)
                .body("status", equalTo("OFFICE_REVIEWED"));
        // article 5: the government office reviews; only the party office submits to the party committee
        step(APPROVER, plan, "approve", null).statusCode(409);
        step(OFFICE, plan, "forward", null).statusCode(403);
        step(PARTY_OFFICE, plan, "forward", Map.of("comment", "报省委审批")).statusCode(200)
                .body("status", equalTo("FORWARDED"));
        step(PARTY_OFFICE, plan, "forward", null).statusCode(409);
        step(OFFICE, plan, "approve", null).statusCode(403);
        // the government does not approve a government department's plan: the party committee does
        step(WRONG_APPROVER, plan, "approve", null).statusCode(403);
        step(PARTY_OFFICE, plan, "issue", null).statusCode(409);
        String code = step(APPROVER, plan, "approve", Map.of("comment", "同意")).statusCode(200)
                .body("plan.status", equalTo("APPROVED"))
                .body("plan.validUntil", equalTo("2027-12-31"))
                .body("plan.items[0].approvalCode", matchesPattern("DCJK-2027-\\d{4}"))
                .extract().jsonPath().getString("plan.items[0].approvalCode");
        // approved but not issued: the code is genuine, not yet current
        given().when().get("/api/v1/approvals/" + code)
                .then().statusCode(200).body("genuine", equalTo(true)).body("current", equalTo(false))
                .body("status", equalTo("REVOKED"));
        step(APPROVER, plan, "issue", null).statusCode(403);
        step(OFFICE, plan, "issue", null).statusCode(403);
        step(PARTY_OFFICE, plan, "issue", Map.of("comment", "印发")).statusCode(200).body("status", equalTo("ISSUED"));
        step(PARTY_OFFICE, plan, "issue", null).statusCode(409);
        given().auth().oauth2(PLANNER).when().get("/api/v1/plans/" + plan + "/history").then()
                .body("action", equalTo(List.of("CREATE", "SUBMIT", "REVIEW", "FORWARD", "APPROVE", "ISSUE")))
                .body("find { it.action == 'REVIEW' }.actorUnit", equalTo("370000-GO"))
                .body("find { it.action == 'FORWARD' }.actorUnit", equalTo("370000-PO"))
                .body("find { it.action == 'APPROVE' }.actorUnit", equalTo("370000-PC"))
                .body("find { it.action == 'ISSUE' }.actorUnit", equalTo("370000-PO"));

        // anyone holding the code, without a token, learns it is genuine, current, whom and when it covers
        given().when().get("/api/v1/approvals/" + code)
                .then().statusCode(200)
                .body("genuine", equalTo(true)).body("current", equalTo(true)).body("status", equalTo("CURRENT"))
                .body("itemId", equalTo((int) item))
                .body("organiserUnitCode", equalTo("370000-D-ENV"))
                .body("targetUnitCodes", equalTo(water.get("targetUnitCodes")))
                .body("periodStart", equalTo(water.get("periodStart"))).body("periodEnd", equalTo(water.get("periodEnd")))
                .body("sampling.population", equalTo(6));
        given().when().get("/api/v1/approvals/DCJK-2027-9999").then().statusCode(404)
                .contentType("application/problem+json");

        given().auth().oauth2(PLANNER).when().get("/api/v1/plans/" + plan + "/history")
                .then().statusCode(200)
                .body("action", contains("CREATE", "SUBMIT", "REVIEW", "FORWARD", "APPROVE", "ISSUE"))
                .body("[1].actor", equalTo("planner")).body("[1].actorUnit", equalTo("370000-D-ENV"))
                .body("[1].comment", equalTo("请审核"))
                .body("[4].actor", equalTo("committee-approver")).body("[4].at", notNullValue());

        // the positive list, public, shows it; nothing unpublished
        given().queryParam("year", 2027).when().get("/api/v1/positive-list")
                .then().statusCode(200).body("approvalCode", hasItem(code));
        given().queryParam("year", 2027).queryParam("format", "csv").when().get("/api/v1/positive-list")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .body(containsString(code)).body(org.hamcrest.Matchers.startsWith("\uFEFFapprovalCode,title,"))
                .body(containsString("\r\n"));

        // an approved item changed in substance returns the plan to review; its code stops being current
        String etag = given().auth().oauth2(PLANNER).when().get("/api/v1/plans/" + plan + "/items/" + item)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(PLANNER).contentType(ContentType.JSON).header("If-Match", etag)
                .body(with(water, "periodEnd", ((String) water.get("periodEnd")).replace("-20", "-25")))
                .when().put("/api/v1/plans/" + plan + "/items/" + item)
                .then().statusCode(200);
        given().auth().oauth2(PLANNER).when().get("/api/v1/plans/" + plan)
                .then().body("status", equalTo("SUBMITTED"));
        given().when().get("/api/v1/approvals/" + code).then().body("current", equalTo(false));
        given().auth().oauth2(PLANNER).contentType(ContentType.JSON).header("If-Match", etag)
                .body(water).when().put("/api/v1/plans/" + plan + "/items/" + item)
                .then().statusCode(409).body("type", equalTo("/problems/stale-version"));
    }

    @Test
    void partyDepartmentsGoToThePartyOfficeAndCommittee() {
        String propaganda = cn.dcjk.testing.Tokens.token("planner-prop", "planner", "370000-D-PROP");
        long plan = plan(propaganda, "ANNUAL", 2027, "宣传部计划");
        given().auth().oauth2(propaganda).when().get("/api/v1/plans/" + plan)
                .then().body("reviewingOfficeCode", equalTo("370000-PO")).body("approvingBodyCode", equalTo("370000-PC"));
        addItem(propaganda, plan, item("意识形态工作检查")).statusCode(201);
        step(propaganda, plan, "submit", null).statusCode(200);
        step(OFFICE, plan, "review", null).statusCode(403);
        // the party office's review of a party department's plan also submits it to the committee
        step(PARTY_OFFICE, plan, "review", null).statusCode(200).body("status", equalTo("FORWARDED"));
        step(WRONG_APPROVER, plan, "approve", null).statusCode(403);
        step(APPROVER, plan, "approve", null).statusCode(200).body("plan.status", equalTo("APPROVED"));
    }

    @Test
    void unpublishableItemsStayOffThePositiveList() {
        long plan = reviewed("不公开计划", with(item("内部核查事项"), "publishable", false));
        String code = step(APPROVER, plan, "approve", null).statusCode(200)
                .extract().jsonPath().getString("plan.items[0].approvalCode");
        step(PARTY_OFFICE, plan, "issue", null).statusCode(200);
        given().queryParam("year", 2027).when().get("/api/v1/positive-list")
                .then().statusCode(200).body("approvalCode", not(hasItem(code)));
        given().when().get("/api/v1/positive-list").then().statusCode(400);
    }

    @Test
    void rejectAndRequestChangesNeedAReason() {
        long plan = reviewed("待退回计划", item("退回测试事项"));
        step(APPROVER, plan, "request-changes", null).statusCode(400);
        step(APPROVER, plan, "request-changes", Map.of("comment", "请补充依据")).statusCode(200)
                .body("status", equalTo("CHANGES_REQUESTED"));
        step(PLANNER, plan, "submit", null).statusCode(200);
        step(APPROVER, plan, "reject", Map.of("comment", "不予批准")).statusCode(200).body("status", equalTo("REJECTED"));
        step(PLANNER, plan, "submit", null).statusCode(409);
    }

    @Test
    void otherUnitsCannotSeeOrTouchAPlan() {
        long plan = plan(PLANNER, "ANNUAL", 2027, "他人不可见");
        given().auth().oauth2(OTHER_PLANNER).when().get("/api/v1/plans/" + plan).then().statusCode(404);
        addItem(OTHER_PLANNER, plan, item("越权添加")).statusCode(403);
        given().auth().oauth2(AUDITOR).when().get("/api/v1/plans/" + plan).then().statusCode(200);
        given().auth().oauth2(OTHER_PLANNER).when().get("/api/v1/plans")
                .then().statusCode(200).body("items.id", not(hasItem((int) plan)));
    }

    @Test
    void badItemsAre400sNamingTheField() {
        long plan = plan(PLANNER, "ANNUAL", 2027, "校验计划");
        addItem(PLANNER, plan, with(item("x"), "title", " ")).statusCode(400).body("errors.field", hasItem("title"));
        addItem(PLANNER, plan, with(item("x"), "periodEnd", "2027-01-01")).statusCode(400)
                .body("errors.field", hasItem("periodEnd"));
        addItem(PLANNER, plan, with(item("x"), "sampling", Map.of("population", 3, "sampleSize", 4))).statusCode(400)
                .body("errors.field", hasItem("sampling.sampleSize"));
        addItem(PLANNER, plan, with(item("x"), "targetUnitCodes", List.of("370102-D-ENV", "NOPE-9"))).statusCode(400)
                .body("errors.field", hasItem("targetUnitCodes[1]"));
        addItem(PLANNER, plan, with(item("x"), "activityWord", "视察")).statusCode(400)
                .body("errors.field", hasItem("activityWord"));
        addItem(PLANNER, plan, with(item("x"), "justifications", Map.of("NO-SIMILAR-SERIES", "因为"))).statusCode(400)
                .body("errors.field", hasItem("justifications.NO-SIMILAR-SERIES"));
        addItem(PLANNER, plan, with(item("x"), "periodStart", "2026-12-01")).statusCode(400)
                .body("errors.field", hasItem("periodStart"));
        given().auth().oauth2(PLANNER).when().get("/api/v1/plans/" + plan).then().body("items.size()", equalTo(0));
    }

    @Test
    void aSingleMatterRequestHoldsOneItemAndAnApprovedAnnualPlanTakesNoMore() {
        long single = plan(PLANNER, "SINGLE_MATTER", 2027, "一事一报");
        addItem(PLANNER, single, item("单项事项")).statusCode(201);
        addItem(PLANNER, single, item("第二项")).statusCode(422)
                .body("findings[0].rule", equalTo("ANNUAL-PLAN-REQUIRED")).body("findings[0].articles", contains(5, 6));
        long annual = reviewed("已批年度计划", item("年度事项"));
        step(APPROVER, annual, "approve", null).statusCode(200);
        addItem(PLANNER, annual, item("计划外事项")).statusCode(422)
                .body("findings[0].rule", equalTo("ANNUAL-PLAN-REQUIRED"));
    }

    @Test
    void urgentRequestsLapseAfterNinetyDaysUnlessConverted() {
        given().auth().oauth2(PLANNER).contentType(ContentType.JSON)
                .body(Map.of("type", "ANNUAL", "urgent", true, "year", 2027, "title", "x"))
                .when().post("/api/v1/plans").then().statusCode(400).body("errors[0].field", equalTo("urgent"));
        long plan = given().auth().oauth2(PLANNER).contentType(ContentType.JSON)
                .body(Map.of("type", "SINGLE_MATTER", "urgent", true, "year", 2027, "title", "突发环境事件督查"))
                .when().post("/api/v1/plans").then().statusCode(201).extract().jsonPath().getLong("id");
        addItem(PLANNER, plan, item("突发事件应急检查")).statusCode(201);
        step(PLANNER, plan, "submit", null).statusCode(200);
        reviewAndForward(plan);
        String until = step(APPROVER, plan, "approve", null).statusCode(200)
                .extract().jsonPath().getString("plan.validUntil");
        org.junit.jupiter.api.Assertions.assertEquals(PlanService.today().plusDays(90).toString(), until);
        String code = given().auth().oauth2(PLANNER).when().get("/api/v1/plans/" + plan)
                .then().extract().jsonPath().getString("items[0].approvalCode");
        // an approved urgent request is effective at once
        given().when().get("/api/v1/approvals/" + code).then().body("current", equalTo(true));
        step(APPROVER, plan, "convert", Map.of("comment", "纳入年度计划")).statusCode(200)
                .body("validUntil", equalTo("2027-12-31")).body("convertedAt", notNullValue());
        step(APPROVER, plan, "convert", null).statusCode(409);
    }

    @Test
    void theHistoryAndPlansNeedAToken() {
        given().when().get("/api/v1/plans").then().statusCode(401);
        given().when().get("/api/v1/plans/1/history").then().statusCode(401);
        given().auth().oauth2(PLANNER).when().get("/api/v1/plans/999999").then().statusCode(404)
                .body("detail", containsString("999999"));
        given().auth().oauth2(PLANNER).when().get("/api/v1/plans/abc").then().statusCode(404);
        given().auth().oauth2(PLANNER).when().get("/api/v1/plans/" + Long.MAX_VALUE)
                .then().statusCode(404).body("requestId", notNullValue()).body("stack", nullValue());
    }
}
