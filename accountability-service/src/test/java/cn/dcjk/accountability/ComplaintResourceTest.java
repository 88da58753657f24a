package cn.dcjk.accountability;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static cn.dcjk.accountability.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ComplaintResourceTest {

    static Map<String, Object> letter(boolean anonymous, String accuser) {
        Map<String, Object> m = new HashMap<>();
        m.put("handlerUnitCode", "370000-DIS");
        m.put("anonymous", anonymous);
        if (accuser != null) {
            m.put("accuserName", accuser);
            m.put("accuserContact", "13800000000");
        }
        m.put("accusedName", "周九");
        m.put("accusedUnitCode", "370102-D-ENV");
        m.put("accusedPosition", "局长");
        m.put("content", "反映其收受礼金");
        return m;
    }

    /** A letter registered by the handler, under verification; returns its id. */
    static long verifying(Map<String, Object> body) {
        long id = given().auth().oauth2(HANDLER).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/complaints").then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(HANDLER).contentType(ContentType.JSON).headers(Fixtures.ifMatch(HANDLER, "/api/v1/complaints/" + id)).body(Map.of("notes", "启动核实"))
                .when().post("/api/v1/complaints/" + id + "/verification").then().statusCode(200)
                .body("status", equalTo("VERIFYING"));
        return id;
    }

    static io.restassured.response.ValidatableResponse conclude(long id, Map<String, Object> body) {
        return given().auth().oauth2(HANDLER).contentType(ContentType.JSON).headers(Fixtures.ifMatch(HANDLER, "/api/v1/complaints/" + id)).body(body)
                .when().post("/api/v1/complaints/" + id + "/outcome").then();
    }

    @Test
    void anAnonymousComplainantFollowsUpWithTheReceipt() {
        JsonPath created = given().contentType(ContentType.JSON).body(letter(true, null))
                .when().post("/api/v1/complaints")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/complaints/receipts/"))
                .body("receipt", matchesPattern("[A-Z0-9]{4}(-[A-Z0-9]{4}){3}"))
                .body("status", equalTo("RECEIVED"))
                .body("accusedName", nullValue())
                .extract().jsonPath();
        String receipt = created.getString("receipt");
        given().when().get("/api/v1/complaints/receipts/" + receipt)
                .then().statusCode(200).body("status", equalTo("RECEIVED")).body("concluded", equalTo(false))
                .body(not(containsString("周九")));
        given().when().get("/api/v1/complaints/receipts/AAAA-BBBB-CCCC-DDDD").then().statusCode(404)
                .contentType("application/problem+json");
        // the handler of the addressed body takes it up; the complainant sees the progress
        long id = given().auth().oauth2(HANDLER).queryParam("size", 200).when().get("/api/v1/complaints")
                .then().statusCode(200).extract().jsonPath()
                .getLong("items.find { it.receipt == '" + receipt + "' }.id");
        given().auth().oauth2(HANDLER).contentType(ContentType.JSON).headers(Fixtures.ifMatch(HANDLER, "/api/v1/complaints/" + id)).body(Map.of())
                .when().post("/api/v1/complaints/" + id + "/verification").then().statusCode(200);
        given().when().get("/api/v1/complaints/receipts/" + receipt)
                .then().statusCode(200).body("status", equalTo("VERIFYING"));
    }

    @Test
    void anonymousMeansNoAccuserAndNamedMeansAName() {
        given().contentType(ContentType.JSON).body(letter(true, "某人")).when().post("/api/v1/complaints")
                .then().statusCode(400).body("errors[0].field", equalTo("accuserName"));
        given().contentType(ContentType.JSON).body(letter(false, null)).when().post("/api/v1/complaints")
                .then().statusCode(400).body("errors[0].field", equalTo("accuserName"));
        Map<String, Object> dated = letter(true, null);
        dated.put("receivedOn", today().toString());
        given().contentType(ContentType.JSON).body(dated).when().post("/api/v1/complaints")
                .then().statusCode(400).body("errors[0].field", equalTo("receivedOn"));
    }

    @Test
    void aComplaintEndsUnfoundedAndItsRehabilitationNoticeIsPublic() {
        long id = verifying(letter(false, "吴十"));
        conclude(id, Map.of("outcome", "UNFOUNDED", "reasons", "经核实无此事")).statusCode(422)
                .body("findings[0].rule", equalTo("COMPLAINT-OUTCOME")).body("findings[0].articles[0]", equalTo(31));
        long notice = conclude(id, Map.of("outcome", "UNFOUNDED", "reasons", "经核实无此事",
                "rehabilitation", Map.of("title", "关于周九同志的澄清正名通报", "text", "经核实，反映问题不属实，予以澄清。",
                        "declined", false)))
                .statusCode(200).body("status", equalTo("UNFOUNDED")).body("rehabilitationId", notNullValue())
                .extract().jsonPath().getLong("rehabilitationId");
        given().when().get("/api/v1/rehabilitations").then().statusCode(200)
                .body("items.id", hasItem((int) notice))
                .body("items.find { it.id == " + notice + " }.clearedPersonName", equalTo("周九"))
                .body("items.find { it.id == " + notice + " }.publishedOn", equalTo(today().toString()));
        given().when().get("/api/v1/rehabilitations/" + notice).then().statusCode(200)
                .body("title", equalTo("关于周九同志的澄清正名通报"))
                .body(not(containsString("吴十")));
        conclude(id, Map.of("outcome", "FALSE_ACCUSATION", "reasons", "again")).statusCode(409);
    }

    @Test
    void aClearedPersonMayDeclinePublication() {
        long id = verifying(letter(true, null));
        long notice = conclude(id, Map.of("outcome", "UNFOUNDED", "reasons", "不实",
                "rehabilitation", Map.of("title", "澄清", "text", "不实", "declined", true)))
                .statusCode(200).extract().jsonPath().getLong("rehabilitationId");
        given().when().get("/api/v1/rehabilitations/" + notice).then().statusCode(404);
        given().when().get("/api/v1/rehabilitations").then().statusCode(200)
                .body("items.id", not(hasItem((int) notice)));
    }

    @Test
    void aFalseAccusationProducesAPursuitRecord() {
        long id = verifying(letter(false, "郑诬告"));
        conclude(id, Map.of("outcome", "FALSE_ACCUSATION", "reasons", "捏造事实，诬告陷害",
                "rehabilitation", Map.of("title", "澄清", "text", "诬告，予以澄清", "declined", false)))
                .statusCode(200).body("status", equalTo("FALSE_ACCUSATION")).body("pursuitId", notNullValue());
        given().auth().oauth2(HANDLER).when().get("/api/v1/complaints/" + id + "/pursuit")
                .then().statusCode(200).body("accuserName", equalTo("郑诬告")).body("status", equalTo("OPEN"))
                .body("reasons", containsString("诬告陷害"));
        // auditors read the trail, but not who accused whom
        given().auth().oauth2(AUDITOR).when().get("/api/v1/audit/complaint/" + id)
                .then().statusCode(200).body("total", equalTo(3))
                .body(not(containsString("郑诬告"))).body(not(containsString("周九")));
        // an anonymous false accusation has no known accuser to pursue
        long anonymous = verifying(letter(true, null));
        conclude(anonymous, Map.of("outcome", "FALSE_ACCUSATION", "reasons", "诬告")).statusCode(200)
                .body("pursuitId", nullValue());
    }

    @Test
    void aLetterIsConcludedOnlyAfterVerification() {
        long id = given().auth().oauth2(HANDLER).contentType(ContentType.JSON).body(letter(false, "甲"))
                .when().post("/api/v1/complaints").then().statusCode(201).extract().jsonPath().getLong("id");
        conclude(id, Map.of("outcome", "FALSE_ACCUSATION", "reasons", "x")).statusCode(422)
                .body("findings[0].rule", equalTo("COMPLAINT-OUTCOME"));
        conclude(id, Map.of("outcome", "VERIFYING", "reasons", "x")).statusCode(400);
    }

    @Test
    void aSubstantiatedLetterGoesToTheCompetentBodyWhichOpensACase() {
        long id = verifying(letter(false, "王举报"));
        conclude(id, Map.of("outcome", "SUBSTANTIATED", "reasons", "属实")).statusCode(422)
                .body("findings[0].rule", equalTo("COMPLAINT-OUTCOME"));
        conclude(id, Map.of("outcome", "SUBSTANTIATED", "reasons", "属实", "competentUnitCode", "370202-DIS",
                "legalBasis", "问责条例")).statusCode(422).body("findings[0].rule", equalTo("LAWFUL-ROUTE"));
        conclude(id, Map.of("outcome", "SUBSTANTIATED", "reasons", "属实", "competentUnitCode", "370102-DIS",
                "legalBasis", "《中国共产党纪律处分条例》")).statusCode(200)
                .body("competentUnitCode", equalTo("370102-DIS"));
        // the competent body sees the letter, not the accuser
        given().auth().oauth2(OFFICER).when().get("/api/v1/complaints/" + id)
                .then().statusCode(200).body("accuserName", nullValue()).body("accuserContact", nullValue())
                .body("accusedName", equalTo("周九"));
        given().auth().oauth2(HANDLER).when().get("/api/v1/complaints/" + id)
                .then().statusCode(200).body("accuserName", equalTo("王举报"));
        given().auth().oauth2(FOREIGN_OFFICER).when().get("/api/v1/complaints/" + id).then().statusCode(404);
        given().auth().oauth2(COUNTY_HANDLER).when().get("/api/v1/complaints/" + id).then().statusCode(404);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body(Map.of("complaintId", id, "summary", "据举报立案"))
                .when().post("/api/v1/accountability/cases").then().statusCode(201)
                .body("origin", equalTo("COMPLAINT")).body("subjects[0].name", equalTo("周九"));
    }

    static long registeredDaysAgo(int days) {
        Map<String, Object> body = letter(false, "老信");
        body.put("receivedOn", today().minusDays(days).toString());
        return given().auth().oauth2(HANDLER).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/complaints").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void aLetterOnIts90thDayIsNotOverdueOnIts91stItIs() {
        long day90 = registeredDaysAgo(90);
        long day91 = registeredDaysAgo(91);
        given().auth().oauth2(HANDLER).queryParam("size", 200).when().get("/api/v1/complaints/overdue")
                .then().statusCode(200)
                .body("items.id", hasItem((int) day91))
                .body("items.id", not(hasItem((int) day90)));
        given().auth().oauth2(HANDLER).when().get("/api/v1/complaints/" + day90).then().body("overdue", equalTo(false));
        given().auth().oauth2(HANDLER).when().get("/api/v1/complaints/" + day91).then().body("overdue", equalTo(true));
        // a concluded letter is no longer overdue
        given().auth().oauth2(HANDLER).contentType(ContentType.JSON).headers(Fixtures.ifMatch(HANDLER, "/api/v1/complaints/" + day91)).body(Map.of())
                .when().post("/api/v1/complaints/" + day91 + "/verification").then().statusCode(200);
        conclude(day91, Map.of("outcome", "FALSE_ACCUSATION", "reasons", "诬告")).statusCode(200);
        given().auth().oauth2(HANDLER).queryParam("size", 200).when().get("/api/v1/complaints/overdue")
                .then().statusCode(200).body("items.id", not(hasItem((int) day91)));
    }

    @Test
    void lettersAreForTheirHandlersOnly() {
        long id = registeredDaysAgo(1);
        given().auth().oauth2(COUNTY_HANDLER).when().get("/api/v1/complaints/" + id).then().statusCode(404);
        given().auth().oauth2(TEAM).when().get("/api/v1/complaints/" + id).then().statusCode(403);
        given().when().get("/api/v1/complaints/" + id).then().statusCode(401);
        Map<String, Object> foreign = letter(false, "x");
        foreign.put("handlerUnitCode", "370102-DIS");
        given().auth().oauth2(HANDLER).contentType(ContentType.JSON).body(foreign).when().post("/api/v1/complaints")
                .then().statusCode(403);
    }
}
