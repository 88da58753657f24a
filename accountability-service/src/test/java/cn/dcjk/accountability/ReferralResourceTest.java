package cn.dcjk.accountability;

import cn.dcjk.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.dcjk.accountability.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ReferralResourceTest {

    @AfterEach
    void stubBackUp() {
        stub("service=inspections&state=up&failNext=0");
        stub("service=plans&state=up");
    }

    @Test
    void aTeamRefersToItsDispatchingUnit() {
        postReferral(TEAM, referral("ACCOUNTABILITY_SUGGESTION", "370000-D-ENV", 1, 11,
                List.of(subject("张三", "370102-D-ENV"))))
                .statusCode(201)
                .header("Location", containsString("/api/v1/accountability/referrals/"))
                .header("ETag", notNullValue())
                .body("status", equalTo("SUBMITTED"))
                .body("dispatchingUnitCode", equalTo("370000-D-ENV"))
                .body("subjects[0].name", equalTo("张三"))
                .body("warnings", empty());
    }

    @Test
    void aReferralToACountyDisciplineCommissionDirectlyIsRefusedNamingTheLawfulRecipient() {
        postReferral(TEAM, referral("ACCOUNTABILITY_SUGGESTION", "370102-DIS", 1, 11,
                List.of(subject("张三", "370102-D-ENV"))))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("findings[0].rule", equalTo("LAWFUL-ROUTE"))
                .body("findings[0].articles", hasItem(27))
                .body("findings[0].severity", equalTo("PROHIBITED"))
                .body("findings[0].facts.lawfulRecipient", equalTo("370000-D-ENV"))
                .body("detail", containsString("370000-D-ENV"));
    }

    @Test
    void demandsAndRequestsToStartAccountabilityAreRefusedOutrightEvenToTheDispatchingUnit() {
        for (String kind : new String[] {"ACCOUNTABILITY_DEMAND", "START_ACCOUNTABILITY"}) {
            postReferral(TEAM, referral(kind, "370000-D-ENV", 1, 11, List.of(subject("张三", "370102-D-ENV"))))
                    .statusCode(422)
                    .body("findings.rule", contains("NO-DIRECT-DEMAND"))
                    .body("findings[0].articles", contains(27))
                    .body("findings[0].facts.kind", equalTo(kind));
        }
        postReferral(TEAM, referral("ACCOUNTABILITY_DEMAND", "370102-GOV", 1, 11,
                List.of(subject("张三", "370102-D-ENV"))))
                .statusCode(422)
                .body("findings.rule", contains("NO-DIRECT-DEMAND", "LAWFUL-ROUTE"));
    }

    @Test
    void onlyInspectionTeamsRefer() {
        postReferral(PLANNER, referral("PROBLEM_CLUE", "370000-D-ENV", 1, 11, List.of(subject("张三", "370102-D-ENV"))))
                .statusCode(403).contentType("application/problem+json");
        String teamWithoutDispatchingUnit = Tokens.token("lost", "inspection-team", "370000-D-ENV");
        postReferral(teamWithoutDispatchingUnit, referral("PROBLEM_CLUE", "370000-D-ENV", 1, 11,
                List.of(subject("张三", "370102-D-ENV")))).statusCode(403);
    }

    @Test
    void theReferralMustRestOnAnInspectionAndFindingThatExist() {
        postReferral(TEAM, referral("PROBLEM_CLUE", "370000-D-ENV", 99, 11, List.of(subject("张三", "370102-D-ENV"))))
                .statusCode(400).body("errors[0].field", equalTo("inspectionId"));
        postReferral(TEAM, referral("PROBLEM_CLUE", "370000-D-ENV", 1, 99, List.of(subject("张三", "370102-D-ENV"))))
                .statusCode(400).body("errors[0].field", equalTo("findingId"));
        postReferral(TEAM, referral("PROBLEM_CLUE", "370000-D-ENV", 1, 21, List.of(subject("张三", "370102-D-ENV"))))
                .statusCode(400).body("errors[0].field", equalTo("findingId"));
        // another dispatching unit's inspection
        postReferral(TEAM, referral("PROBLEM_CLUE", "370000-D-ENV", 2, 21, List.of(subject("张三", "370102-D-ENV"))))
                .statusCode(400).body("errors[0].field", equalTo("inspectionId"));
        // a subject not of a lower level than the dispatching unit
        postReferral(TEAM, referral("PROBLEM_CLUE", "370000-D-ENV", 1, 11, List.of(subject("李四", "370000-GO"))))
                .statusCode(400).body("errors[0].field", equalTo("subjects[0].unitCode"));
        postReferral(TEAM, referral("PROBLEM_CLUE", "370000-D-ENV", 1, 11, List.of(subject("李四", "370999-XX"))))
                .statusCode(400).body("errors[0].field", equalTo("subjects[0].unitCode"));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        given().auth().oauth2(TEAM).contentType(ContentType.JSON)
                .body("{\"kind\":\"PROBLEM_CLUE\",\"recipientUnitCode\":\"370000-D-ENV\",\"subjects\":[],"
                        + "\"inspectionId\":1,\"findingId\":11,\"problem\":\"x\"}")
                .when().post("/api/v1/accountability/referrals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(containsString("subjects")));
        given().auth().oauth2(TEAM).contentType(ContentType.JSON)
                .body("{\"kind\":\"PROBLEM_CLUE\",\"kind\":\"ACCOUNTABILITY_DEMAND\"}")
                .when().post("/api/v1/accountability/referrals")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TEAM).contentType(ContentType.JSON)
                .body("{\"kind\":\"PRESSURE\"}")
                .when().post("/api/v1/accountability/referrals")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void noBlameShiftingWarnsButAccepts() {
        postReferral(TEAM, referral("PROBLEM_CLUE", "370000-D-ENV", 1, 12, List.of(subject("王五", "370102-D-ENV"))))
                .statusCode(201)
                .body("warnings[0].rule", equalTo("NO-BLAME-SHIFTING"))
                .body("warnings[0].severity", equalTo("ADVISORY"))
                .body("warnings[0].articles", contains(28))
                .body("warnings[0].facts.subjectUnitCode", equalTo("370102-D-ENV"));
    }

    @Test
    void theDryRunEvaluatesWithoutWriting() {
        long before = given().auth().oauth2(TEAM).when().get("/api/v1/accountability/referrals")
                .then().statusCode(200).extract().jsonPath().getLong("total");
        given().auth().oauth2(TEAM).contentType(ContentType.JSON)
                .body(referral("PROBLEM_CLUE", "370000-D-ENV", 1, 12, List.of(subject("王五", "370102-D-ENV"))))
                .when().post("/api/v1/accountability/referrals/checks")
                .then().statusCode(200).body("allowed", equalTo(true))
                .body("findings[0].rule", equalTo("NO-BLAME-SHIFTING"));
        given().auth().oauth2(TEAM).contentType(ContentType.JSON)
                .body(referral("PROBLEM_CLUE", "370102-PC", 1, 11, List.of(subject("王五", "370102-D-ENV"))))
                .when().post("/api/v1/accountability/referrals/checks")
                .then().statusCode(422).body("findings[0].rule", equalTo("LAWFUL-ROUTE"));
        given().auth().oauth2(TEAM).when().get("/api/v1/accountability/referrals")
                .then().statusCode(200).body("total", equalTo((int) before));
    }

    @Test
    void whenInspectionsCannotAnswerItIs503AndNothingIsWritten() {
        long before = given().auth().oauth2(TEAM).when().get("/api/v1/accountability/referrals")
                .then().statusCode(200).extract().jsonPath().getLong("total");
        stub("service=inspections&state=down");
        postReferral(TEAM, referral("PROBLEM_CLUE", "370000-D-ENV", 1, 11, List.of(subject("张三", "370102-D-ENV"))))
                .statusCode(503).contentType("application/problem+json")
                .body("dependency", equalTo("inspections-service"))
                .header("Retry-After", notNullValue());
        given().auth().oauth2(TEAM).when().get("/api/v1/accountability/referrals")
                .then().statusCode(200).body("total", equalTo((int) before));
        stub("service=inspections&state=up");
        postReferral(TEAM, referral("PROBLEM_CLUE", "370000-D-ENV", 1, 11, List.of(subject("张三", "370102-D-ENV"))))
                .statusCode(201);
    }

    @Test
    void aPassingFailureOfInspectionsIsRetried() {
        stub("service=inspections&failNext=2");
        postReferral(TEAM, referral("PROBLEM_CLUE", "370000-D-ENV", 1, 11, List.of(subject("张三", "370102-D-ENV"))))
                .statusCode(201);
    }

    @Test
    void theDispatchingUnitTransfersToTheCompetentCommission() {
        long id = referred();
        String etag = given().auth().oauth2(REVIEWER).when().get("/api/v1/accountability/referrals/" + id)
                .then().statusCode(200).extract().header("ETag");
        // not a competent body
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).headers(Fixtures.ifMatch(REVIEWER, "/api/v1/accountability/referrals/" + id))
                .body(Map.of("competentUnitCode", "370102-GOV", "legalBasis", "问责条例"))
                .when().post("/api/v1/accountability/referrals/" + id + "/transfer")
                .then().statusCode(422).body("findings[0].rule", equalTo("LAWFUL-ROUTE"))
                .body("findings[0].facts.competentUnitCode", equalTo("370102-GOV"));
        // a commission of another region: not competent for the cadre
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).headers(Fixtures.ifMatch(REVIEWER, "/api/v1/accountability/referrals/" + id))
                .body(Map.of("competentUnitCode", "370202-DIS", "legalBasis", "问责条例"))
                .when().post("/api/v1/accountability/referrals/" + id + "/transfer")
                .then().statusCode(422).body("findings[0].facts.subjectUnitCode", equalTo("370102-D-ENV"));
        // another unit's reviewer does not even see it
        given().auth().oauth2(FOREIGN_REVIEWER).contentType(ContentType.JSON).headers(Fixtures.ifMatch(FOREIGN_REVIEWER, "/api/v1/accountability/referrals/" + id))
                .body(Map.of("competentUnitCode", "370102-DIS", "legalBasis", "问责条例"))
                .when().post("/api/v1/accountability/referrals/" + id + "/transfer")
                .then().statusCode(404);
        // the team sees it but may not transfer it
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).headers(Fixtures.ifMatch(TEAM, "/api/v1/accountability/referrals/" + id))
                .body(Map.of("competentUnitCode", "370102-DIS", "legalBasis", "问责条例"))
                .when().post("/api/v1/accountability/referrals/" + id + "/transfer")
                .then().statusCode(403);
        // the commission does not see it before the transfer
        given().auth().oauth2(OFFICER).when().get("/api/v1/accountability/referrals/" + id).then().statusCode(404);
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("competentUnitCode", "370102-DIS", "legalBasis", "《中国共产党问责条例》第九条",
                        "reasons", "属历下区管理干部"))
                .when().post("/api/v1/accountability/referrals/" + id + "/transfer")
                .then().statusCode(200)
                .body("status", equalTo("TRANSFERRED"))
                .body("transfer.competentUnitCode", equalTo("370102-DIS"))
                .body("transfer.legalBasis", equalTo("《中国共产党问责条例》第九条"))
                .header("ETag", org.hamcrest.Matchers.not(equalTo(etag)));
        given().auth().oauth2(OFFICER).when().get("/api/v1/accountability/referrals/" + id)
                .then().statusCode(200).body("subjects[0].name", equalTo("张三"));
        given().auth().oauth2(FOREIGN_OFFICER).when().get("/api/v1/accountability/referrals/" + id)
                .then().statusCode(404);
        // a stale version, then a second transfer
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("competentUnitCode", "370000-DIS", "legalBasis", "x"))
                .when().post("/api/v1/accountability/referrals/" + id + "/transfer")
                .then().statusCode(412).body("type", containsString("/problems/stale-version"));
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).headers(Fixtures.ifMatch(REVIEWER, "/api/v1/accountability/referrals/" + id))
                .body(Map.of("competentUnitCode", "370000-DIS", "legalBasis", "x"))
                .when().post("/api/v1/accountability/referrals/" + id + "/transfer")
                .then().statusCode(409).body("type", containsString("referral-settled"));
    }

    @Test
    void aProvincialCommissionIsCompetentForACountyCadreToo() {
        long id = referred();
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).headers(Fixtures.ifMatch(REVIEWER, "/api/v1/accountability/referrals/" + id))
                .body(Map.of("competentUnitCode", "370000-ORG", "legalBasis", "干部管理权限"))
                .when().post("/api/v1/accountability/referrals/" + id + "/transfer")
                .then().statusCode(200).body("transfer.competentUnitCode", equalTo("370000-ORG"));
    }

    @Test
    void theDispatchingUnitClosesWithReasons() {
        long id = referred();
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).headers(Fixtures.ifMatch(REVIEWER, "/api/v1/accountability/referrals/" + id)).body(Map.of("reasons", " "))
                .when().post("/api/v1/accountability/referrals/" + id + "/close")
                .then().statusCode(400).body("errors[0].field", containsString("reasons"));
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).headers(Fixtures.ifMatch(REVIEWER, "/api/v1/accountability/referrals/" + id)).body(Map.of("reasons", "问题已整改，不予移交"))
                .when().post("/api/v1/accountability/referrals/" + id + "/close")
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("closeReasons", equalTo("问题已整改，不予移交"));
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).headers(Fixtures.ifMatch(REVIEWER, "/api/v1/accountability/referrals/" + id))
                .body(Map.of("competentUnitCode", "370102-DIS", "legalBasis", "x"))
                .when().post("/api/v1/accountability/referrals/" + id + "/transfer")
                .then().statusCode(409);
    }

    @Test
    void subjectsArePersonalDataForThoseHandlingOnly() {
        long id = referred();
        given().auth().oauth2(AUDITOR).when().get("/api/v1/accountability/referrals/" + id)
                .then().statusCode(200).body("subjects[0].name", equalTo("***"))
                .body("subjects[0].unitCode", equalTo("370102-D-ENV")).body("problem", nullValue());
        given().auth().oauth2(INSPECTED).when().get("/api/v1/accountability/referrals/" + id).then().statusCode(404);
        given().auth().oauth2(OTHER_TEAM).when().get("/api/v1/accountability/referrals/" + id).then().statusCode(404);
        given().auth().oauth2(INSPECTED).when().get("/api/v1/accountability/referrals")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aRetriedReferralWithTheSameKeyIsAnsweredOnce() {
        Map<String, Object> body = referral("PROBLEM_CLUE", "370000-D-ENV", 1, 11, List.of(subject("赵六", "370102-D-ENV")));
        int first = given().auth().oauth2(TEAM).contentType(ContentType.JSON).header("Idempotency-Key", "ref-retry-1")
                .body(body).when().post("/api/v1/accountability/referrals")
                .then().statusCode(201).extract().jsonPath().getInt("id");
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).header("Idempotency-Key", "ref-retry-1")
                .body(body).when().post("/api/v1/accountability/referrals")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        given().auth().oauth2(AUDITOR).when().get("/api/v1/audit/referral/" + first)
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].action", equalTo("CREATE"));
    }
}
