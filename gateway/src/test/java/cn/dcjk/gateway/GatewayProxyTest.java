package cn.dcjk.gateway;

import cn.dcjk.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class GatewayProxyTest {

    static final String PLANNER = Tokens.token("planner", "planner", "370000-D-ENV");

    @Test
    void withoutATokenNothingIsProxied() {
        given().when().get("/api/v1/units")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo(cn.dcjk.common.problem.ProblemTypes.of("unauthenticated")))
                .body("requestId", notNullValue());
        given().auth().oauth2("garbage.token.here").when().get("/api/v1/units")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Basic cGxhbm5lcjpkZW1v").when().get("/api/v1/units")
                .then().statusCode(401);
    }

    @Test
    void aValidTokenIsProxiedWithForwardingHeadersAndNoHopByHop() {
        given().auth().oauth2(PLANNER).header("X-Request-Id", "gw-test-1")
                .header("Connection", "keep-alive, X-Private-Hop").header("X-Private-Hop", "1")
                .queryParam("level", "CITY")
                .when().get("/api/v1/plans")
                .then().statusCode(200)
                .header("X-Request-Id", "gw-test-1")
                .header("X-Upstream-Private", nullValue())
                .header("X-Content-Type-Options", "nosniff")
                .body("path", equalTo("/api/v1/plans"))
                .body("query", equalTo("level=CITY"))
                .body("headers.'x-request-id'", equalTo("gw-test-1"))
                .body("headers.'x-forwarded-for'", notNullValue())
                .body("headers.'x-forwarded-proto'", equalTo("http"))
                .body("headers.'x-private-hop'", nullValue())
                .body("headers.authorization", notNullValue());
    }

    @Test
    void theShortWayAndTheBrowsersWayForwardTheSameRequestAndAnswerTheSameWay() {
        for (String origin : new String[] {null, "http://localhost:3000"}) {
            var request = given().auth().oauth2(PLANNER).header("X-Request-Id", "gw-both-ways")
                    .header("Connection", "keep-alive, X-Private-Hop").header("X-Private-Hop", "1")
                    .header("X-Forwarded-For", "10.9.9.9").header("Dcjk-Admission", "forged");
            if (origin != null) {
                request.header("Origin", origin);
            }
            var answer = request.queryParam("level", "CITY").when().get("/api/v1/plans").then().statusCode(200)
                    .header("X-Request-Id", "gw-both-ways")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Cache-Control", "no-store")
                    .header("Content-Security-Policy", nullValue())
                    .body("path", equalTo("/api/v1/plans"))
                    .body("query", equalTo("level=CITY"))
                    .body("headers.'x-request-id'", equalTo("gw-both-ways"))
                    .body("headers.'x-forwarded-for'", equalTo("10.9.9.9, 127.0.0.1"))
                    .body("headers.'x-private-hop'", nullValue())
                    .body("headers.'dcjk-admission'", nullValue())
                    .body("headers.authorization", equalTo("Bearer " + PLANNER));
            if (origin == null) {
                answer.header("Access-Control-Allow-Origin", nullValue());
            } else {
                answer.header("Access-Control-Allow-Origin", origin);
            }
        }
        given().header("Origin", "http://evil.example").auth().oauth2(PLANNER).when().get("/api/v1/plans")
                .then().header("Access-Control-Allow-Origin", not(equalTo("http://evil.example")));
    }

    @Test
    void requestIdsAreGeneratedWhenAbsent() {
        given().auth().oauth2(PLANNER).when().get("/api/v1/plans")
                .then().statusCode(200).header("X-Request-Id", notNullValue())
                .body("headers.'x-request-id'", notNullValue());
    }

    @Test
    void bodiesStreamThroughOnOrdinaryWrites() {
        given().auth().oauth2(PLANNER).contentType(ContentType.JSON).body("{\"title\":\"专项检查\"}")
                .when().post("/api/v1/plans")
                .then().statusCode(200).body("method", equalTo("POST")).body("body", equalTo("{\"title\":\"专项检查\"}"));
    }

    @Test
    void publicRoutesPassWithoutAToken() {
        given().when().get("/api/v1/positive-list").then().statusCode(200).body("path", equalTo("/api/v1/positive-list"));
        given().when().get("/api/v1/approvals/DCJK-2026-0001").then().statusCode(200);
        given().when().get("/api/v1/rehabilitations").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/complaints").then().statusCode(200);
        // only the named methods are public
        given().when().delete("/api/v1/positive-list").then().statusCode(401);
        given().when().get("/api/v1/complaints").then().statusCode(401);
    }

    @Test
    void unknownRoutesAre404Problems() {
        given().auth().oauth2(PLANNER).when().get("/api/v1/nowhere")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(PLANNER).when().get("/api/v1/unitsx")
                .then().statusCode(404);
    }

    @Test
    void methodOverrideHeadersAreRefused() {
        given().auth().oauth2(PLANNER).header("X-HTTP-Method-Override", "DELETE")
                .when().post("/api/v1/plans")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(cn.dcjk.common.problem.ProblemTypes.of("ambiguous-request")))
                .body("rule", equalTo("REQUEST-AMBIGUOUS"))
                .body("decisionId", notNullValue());
    }

    @Test
    void upstreamFailuresBecomeProblems() {
        // an upstream that is out is a dependency outage: 503 with Retry-After, never 502/504
        given().auth().oauth2(PLANNER).when().get("/api/v1/slow-things")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5").body("type", endsWith("/problems/upstream-timeout"));
        given().auth().oauth2(PLANNER).when().get("/api/v1/down-things/1")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5").body("type", endsWith("/problems/upstream-unreachable"));
        given().auth().oauth2(PLANNER).when().get("/api/v1/down-things/2")
                .then().statusCode(503).header("Retry-After", "5");
        // two failures open the breaker: now refused at once
        given().auth().oauth2(PLANNER).when().get("/api/v1/down-things/3")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo(cn.dcjk.common.problem.ProblemTypes.of("upstream-unavailable")));
    }

    @Test
    void oversizedBodiesAre413() {
        given().auth().oauth2(PLANNER).contentType(ContentType.JSON).body("\"" + "x".repeat(1_100_000) + "\"")
                .when().post("/api/v1/plans")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void corsPreflightFromAConfiguredOrigin() {
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/plans")
                .then().header("Access-Control-Allow-Origin", "http://localhost:3000");
        given().header("Origin", "http://evil.example").header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/plans")
                .then().header("Access-Control-Allow-Origin", not(equalTo("http://evil.example")));
    }

    @Test
    void healthIsPublicAndReportsUpstreams() {
        given().when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'upstreams' }.data.plans", equalTo("UP"));
    }
}
