package cn.dcjk.gateway;

import cn.dcjk.common.request.AdmissionStamp;
import cn.dcjk.common.request.CanonicalTarget;
import cn.dcjk.testing.GatewayStamps;
import cn.dcjk.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults belong to whoever caused them; every refusal is logged; what is forwarded is bound to what
 * was decided; answers name the gateway's public address; tokens must be issued for the API.
 */
@QuarkusTest
class FaultsAndBindingTest {

    static final String PLANNER = Tokens.token("planner", "planner", "370000-D-ENV");
    static final String TEAM = Tokens.team("team-f", "370000-D-ENV", "370000-D-ENV");
    static final String AUDITOR = Tokens.token("auditor", "auditor", "370000-PO");

    @Test
    void anEncodedSpaceIsForwardedReEncodedNot502() {
        given().auth().oauth2(PLANNER).urlEncodingEnabled(false).when().get("/api/v1/plans/a%20b")
                .then().statusCode(200).body("path", equalTo("/api/v1/plans/a%20b"));
        given().auth().oauth2(PLANNER).urlEncodingEnabled(false).when().get("/api/v1/plans/%E5%8E%86%E4%B8%8B")
                .then().statusCode(200).body("path", equalTo("/api/v1/plans/%E5%8E%86%E4%B8%8B"));
    }

    @Test
    void theQueryIsReEncodedByOneRule() throws Exception {
        // + is a space, a literal plus is %2B, an escape that is already canonical stays
        RawHttp.Answer a = RawHttp.send(RestAssured.port, "GET /api/v1/plans?q=a+b&r=c%2Bd&s&t=%e5%8e%86 HTTP/1.1\r\n"
                + "Host: x\r\nAuthorization: Bearer " + PLANNER + "\r\nConnection: close\r\n\r\n", null);
        assertEquals(200, a.status());
        assertEquals("q=a%20b&r=c%2Bd&s&t=%E5%8E%86", new JsonObject(a.body()).getString("query"));
    }

    @Test
    void aChunkedBodyPastTheLimitIs413AndLogged() throws Exception {
        StringBuilder chunks = new StringBuilder();
        String chunk = "x".repeat(64 * 1024);
        for (int i = 0; i < 20; i++) {
            chunks.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        chunks.append("0\r\n\r\n");
        RawHttp.Answer a = RawHttp.send(RestAssured.port, "POST /api/v1/plans HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + PLANNER + "\r\nContent-Type: application/json\r\nX-Request-Id: chunked-413\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n", chunks.toString().getBytes(StandardCharsets.US_ASCII));
        assertEquals(413, a.status());
        given().auth().oauth2(AUDITOR).queryParam("requestId", "chunked-413").when().get("/api/v1/gateway/decisions")
                .then().statusCode(200).body("items[0].rule", equalTo("REQUEST-AMBIGUOUS"))
                .body("items[0].outcome", equalTo("DENY"));
    }

    @Test
    void refusalsBeforeThePolicyAreInTheDecisionLog() throws Exception {
        String[][] requests = {
                {"cl-te", "POST /api/v1/plans HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n"
                        + "X-Request-Id: cl-te\r\n\r\n0\r\n\r\n"},
                {"override", "POST /api/v1/plans HTTP/1.1\r\nHost: x\r\nX-HTTP-Method-Override: DELETE\r\n"
                        + "Content-Length: 0\r\nX-Request-Id: override\r\n\r\n"},
                {"bad-path", "GET /api/v1/plans/%2e%2e/x HTTP/1.1\r\nHost: x\r\nX-Request-Id: bad-path\r\n\r\n"},
                {"oversize", "POST /api/v1/plans HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n"
                        + "X-Request-Id: oversize\r\n\r\n"},
                {"two-types", "POST /api/v1/plans HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Type: text/plain\r\nContent-Length: 0\r\nX-Request-Id: two-types\r\n\r\n"},
                {"get-body", "GET /api/v1/plans HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nX-Request-Id: get-body\r\n\r\n{}"}};
        for (String[] r : requests) {
            RawHttp.Answer a = RawHttp.send(RestAssured.port, r[1], null);
            assertTrue(a.status() == 400 || a.status() == 413, r[0] + " answered " + a.status());
            if (r[0].equals("cl-te")) {
                continue; // the HTTP codec refuses it (400) before any handler runs: README, "Refusals the log cannot see"
            }
            io.restassured.path.json.JsonPath log = given().auth().oauth2(AUDITOR).queryParam("requestId", r[0]).when()
                    .get("/api/v1/gateway/decisions").then().statusCode(200).extract().jsonPath();
            assertEquals(1, log.getInt("total"), r[0] + " left no decision");
            assertEquals("REQUEST-AMBIGUOUS", log.getString("items[0].rule"));
        }
    }

    @Test
    void clientMistakesNeverOpenTheBreaker() {
        for (int i = 0; i < 20; i++) {
            given().auth().oauth2(PLANNER).urlEncodingEnabled(false).when().get("/api/v1/inspections/x%2Fy")
                    .then().statusCode(400);
            given().auth().oauth2(PLANNER).contentType(ContentType.JSON).body("\"" + "x".repeat(1_100_000) + "\"")
                    .when().post("/api/v1/inspections").then().statusCode(413);
        }
        given().auth().oauth2(PLANNER).when().get("/api/v1/inspections/1").then().statusCode(200);
    }

    @Test
    void everyForwardedWriteCarriesAStampForExactlyWhatWasForwarded() {
        synchronized (TestUpstream.WRITES) {
            TestUpstream.WRITES.clear();
        }
        String body = "{\"title\":\"年度计划\"}";
        given().auth().oauth2(PLANNER).contentType(ContentType.JSON).body(body).when().post("/api/v1/plans?draft=yes")
                .then().statusCode(200);
        JsonObject write;
        synchronized (TestUpstream.WRITES) {
            assertEquals(1, TestUpstream.WRITES.size());
            write = TestUpstream.WRITES.getJsonObject(0);
        }
        assertEquals("/api/v1/plans?draft=yes", write.getString("uri"));
        AdmissionStamp.Check ok = GatewayStamps.STAMP.verify(write.getString("stamp"), "POST", write.getString("uri"),
                AdmissionStamp.sha256(body.getBytes(StandardCharsets.UTF_8)), "Bearer " + PLANNER,
                Instant.now().getEpochSecond(), 60);
        assertTrue(ok.ok(), ok.problemEn());
        // the same stamp says nothing for another body, path or caller
        assertTrue(!GatewayStamps.STAMP.verify(write.getString("stamp"), "POST", write.getString("uri"),
                AdmissionStamp.sha256("{}"), "Bearer " + PLANNER, Instant.now().getEpochSecond(), 60).ok());
        assertTrue(!GatewayStamps.STAMP.verify(write.getString("stamp"), "POST", "/api/v1/accountability/referrals",
                AdmissionStamp.sha256(body), "Bearer " + PLANNER, Instant.now().getEpochSecond(), 60).ok());
        assertTrue(!GatewayStamps.STAMP.verify(write.getString("stamp"), "POST", write.getString("uri"),
                AdmissionStamp.sha256(body), "Bearer " + TEAM, Instant.now().getEpochSecond(), 60).ok());
        // a stamp a client sends is never passed on
        given().auth().oauth2(PLANNER).header(AdmissionStamp.HEADER, "v1.forged").contentType(ContentType.JSON)
                .body("{}").when().post("/api/v1/plans").then().statusCode(200)
                .body("headers.dcjk-admission", org.hamcrest.Matchers.not(equalTo("v1.forged")));
    }

    @Test
    void aTeamsDecisionIdTravelsInTheStamp() {
        synchronized (TestUpstream.WRITES) {
            TestUpstream.WRITES.clear();
        }
        String decision = given().auth().oauth2(TEAM).contentType(ContentType.JSON).header("X-Request-Id", "bound-1")
                .body("{\"recipientUnitCode\":\"370000-D-ENV\",\"problem\":\"线索\"}")
                .when().post("/api/v1/accountability/referrals").then().statusCode(200).extract().path("method");
        assertEquals("POST", decision);
        String id = given().auth().oauth2(AUDITOR).queryParam("requestId", "bound-1").when()
                .get("/api/v1/gateway/decisions").then().statusCode(200).body("items[0].outcome", equalTo("ALLOW"))
                .extract().path("items[0].id");
        synchronized (TestUpstream.WRITES) {
            assertTrue(TestUpstream.WRITES.getJsonObject(0).getString("stamp").startsWith("v1." + id + "."));
        }
    }

    @Test
    void locationsNameTheGatewayNotTheService() {
        given().auth().oauth2(PLANNER).contentType(ContentType.JSON).body("{}").when().post("/api/v1/plans/located")
                .then().statusCode(201)
                .header("Location", equalTo("http://localhost:" + RestAssured.port + "/api/v1/plans/9"))
                .header("Content-Location", equalTo("/api/v1/plans/9"));
    }

    @Test
    void aTokenIssuedForAnotherClientIs401() {
        given().auth().oauth2(Tokens.forAudience("planner", "planner", "370000-D-ENV", "account"))
                .when().get("/api/v1/plans").then().statusCode(401);
        given().auth().oauth2(Tokens.forAudience("team-g", "inspection-team", "370000-D-ENV", "account"))
                .contentType(ContentType.JSON).body("{\"recipientUnitCode\":\"370102-DIS\"}")
                .when().post("/api/v1/accountability/referrals").then().statusCode(401);
        // a token that names no audience at all is not for the API either
        String none = io.quarkus.test.oidc.server.OidcWiremockTestResource.generateJwtToken("planner",
                java.util.Set.of("planner"), "sub-planner", "Bearer", java.util.Set.of(), java.util.Map.of());
        given().auth().oauth2(none).when().get("/api/v1/plans").then().statusCode(401);
    }

    @Test
    void readinessIsTheGatewaysOwnNotItsUpstreams() {
        // the "down" upstream of the tests never answers; the gateway stays ready and says so in the data
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.down", equalTo("DOWN"))
                .body("checks.find { it.name == 'realm-keys' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'realm-keys' }.data.state", equalTo("UP"));
    }

    @Test
    void decisionsAreCountedByOutcomeAndRuleAndHttpMetricsByTemplate() {
        given().auth().oauth2(PLANNER).header("X-HTTP-Method-Override", "PUT").when().post("/api/v1/plans")
                .then().statusCode(400);
        given().auth().oauth2(PLANNER).when().get("/api/v1/plans/12345").then().statusCode(200);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("dcjk_gateway_decisions_total{outcome=\"DENY\",rule=\"REQUEST-AMBIGUOUS\"}")
                || metrics.contains("dcjk_gateway_decisions_total{rule=\"REQUEST-AMBIGUOUS\",outcome=\"DENY\"}")
                || metrics.matches("(?s).*dcjk_gateway_decisions_total\\{[^}]*REQUEST-AMBIGUOUS.*"), "decision counter");
        assertTrue(metrics.contains("dcjk_gateway_breaker_open{upstream=\"plans\"}"), "breaker gauge");
        assertTrue(!metrics.contains("/api/v1/plans/12345"), "an id in an HTTP metric label");
    }

    @Test
    void theCanonicalFormIsWhatRoutingSees() throws Exception {
        CanonicalTarget t = CanonicalTarget.parse("/api/v1/units/%E5%8E%86", "a=1");
        assertEquals("/api/v1/units/历", t.path());
        assertEquals("/api/v1/units/%E5%8E%86?a=1", t.encoded());
    }
}
