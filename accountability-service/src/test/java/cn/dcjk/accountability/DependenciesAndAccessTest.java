package cn.dcjk.accountability;

import cn.dcjk.accountability.directory.Directory;
import cn.dcjk.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.dcjk.accountability.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class DependenciesAndAccessTest {

    @Inject
    Directory directory;

    @AfterEach
    void stubBackUp() {
        stub("service=plans&state=up");
        stub("service=inspections&state=up&failNext=0");
    }

    @Test
    void whenPlansCannotAnswerATransferIs503AndTheReferralStaysAsItWas() {
        long id = referred();
        directory.forget();
        stub("service=plans&state=down");
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).headers(Fixtures.ifMatch(REVIEWER, "/api/v1/accountability/referrals/" + id))
                .body(Map.of("competentUnitCode", "370102-DIS", "legalBasis", "问责条例"))
                .when().post("/api/v1/accountability/referrals/" + id + "/transfer")
                .then().statusCode(503).contentType("application/problem+json")
                .body("dependency", equalTo("plans-service"));
        stub("service=plans&state=up");
        given().auth().oauth2(REVIEWER).when().get("/api/v1/accountability/referrals/" + id)
                .then().statusCode(200).body("status", equalTo("SUBMITTED"));
        given().auth().oauth2(AUDITOR).when().get("/api/v1/audit/referral/" + id)
                .then().statusCode(200).body("total", equalTo(1));
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON).headers(Fixtures.ifMatch(REVIEWER, "/api/v1/accountability/referrals/" + id))
                .body(Map.of("competentUnitCode", "370102-DIS", "legalBasis", "问责条例"))
                .when().post("/api/v1/accountability/referrals/" + id + "/transfer")
                .then().statusCode(200);
    }

    @Test
    void malformedCodesAre400BeforeAnyCallToAnotherService() {
        long id = referred();
        directory.forget();
        stub("service=plans&state=down");
        stub("service=inspections&state=down");
        postReferral(TEAM, referral("PROBLEM_CLUE", "370000-d-env", 1, 11, List.of(subject("张三", "370102-D-ENV"))))
                .statusCode(400).body("errors[0].field", equalTo("recipientUnitCode"));
        postReferral(TEAM, referral("PROBLEM_CLUE", "370000-D-ENV", 1, 11, List.of(subject("张三", "bad code"))))
                .statusCode(400).body("errors[0].field", equalTo("subjects[0].unitCode"));
        given().auth().oauth2(REVIEWER).contentType(ContentType.JSON)
                .headers(Fixtures.ifMatch(REVIEWER, "/api/v1/accountability/referrals/" + id))
                .body(Map.of("competentUnitCode", "../370102", "legalBasis", "问责条例"))
                .when().post("/api/v1/accountability/referrals/" + id + "/transfer")
                .then().statusCode(400).body("errors[0].field", equalTo("competentUnitCode"));
    }

    @Test
    void cachedUnitsServeWhilePlansIsDownButInspectionsAreAlwaysAsked() {
        referred(); // units now cached
        stub("service=plans&state=down");
        postReferral(TEAM, referral("PROBLEM_CLUE", "370000-D-ENV", 1, 11, List.of(subject("张三", "370102-D-ENV"))))
                .statusCode(201);
        stub("service=inspections&state=down");
        postReferral(TEAM, referral("PROBLEM_CLUE", "370000-D-ENV", 1, 11, List.of(subject("张三", "370102-D-ENV"))))
                .statusCode(503);
    }

    @Test
    void refusalsSpeakEnglishWhenAsked() {
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(referral("ACCOUNTABILITY_SUGGESTION", "370102-DIS", 1, 11, List.of(subject("张三", "370102-D-ENV"))))
                .when().post("/api/v1/accountability/referrals")
                .then().statusCode(422)
                .body("detail", containsString("art. 25, 27"))
                .body("detail", containsString("dispatching unit 370000-D-ENV"))
                .body("findings[0].messageEn", containsString("article 27"));
    }

    @Test
    void auditorsSeeTheirJurisdictionOnly() {
        long id = referred();
        String qingdaoAuditor = Tokens.token("qd-auditor", "auditor", "370202-DIS");
        given().auth().oauth2(qingdaoAuditor).when().get("/api/v1/accountability/referrals/" + id)
                .then().statusCode(404);
        given().auth().oauth2(qingdaoAuditor).queryParam("size", 200).when().get("/api/v1/accountability/referrals")
                .then().statusCode(200).body("items.id", not(org.hamcrest.Matchers.hasItem((int) id)));
        given().auth().oauth2(AUDITOR).when().get("/api/v1/accountability/referrals/" + id)
                .then().statusCode(200);
        // auditors read, they do not write
        given().auth().oauth2(AUDITOR).contentType(ContentType.JSON).headers(Fixtures.ifMatch(AUDITOR, "/api/v1/accountability/referrals/" + id)).body(Map.of("reasons", "x"))
                .when().post("/api/v1/accountability/referrals/" + id + "/close").then().statusCode(403);
    }

    @Test
    void publicEndpointsAreTheNamedFewOnly() {
        given().when().get("/api/v1/rehabilitations").then().statusCode(200);
        given().when().get("/api/v1/accountability/referrals").then().statusCode(401);
        given().when().get("/api/v1/accountability/cases").then().statusCode(401);
        given().when().get("/api/v1/backtracing").then().statusCode(401);
        given().when().get("/api/v1/complaints").then().statusCode(401);
        given().when().get("/api/v1/complaints/overdue").then().statusCode(401);
    }
}
