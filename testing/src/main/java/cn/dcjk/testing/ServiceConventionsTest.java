package cn.dcjk.testing;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.containsString;

/**
 * The conventions every service keeps (ARCHITECTURE.md): tokens required, problem+json errors
 * with request ids, health, metrics and OpenAPI public, the rules listed, the audit trail for
 * auditors only. A service's test class extends this with @QuarkusTest.
 */
public abstract class ServiceConventionsTest {

    protected static final String AUDITOR = Tokens.token("auditor", "auditor", "370000-PO");
    protected static final String PLANNER = Tokens.token("planner", "planner", "370000-D-ENV");

    @Test
    void apiNeedsAToken() {
        given().when().get("/api/v1/rules")
                .then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401)).body("requestId", notNullValue());
        given().auth().oauth2("x.y.z").when().get("/api/v1/rules")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void rulesAreListedWithTheirArticles() {
        given().auth().oauth2(PLANNER).when().get("/api/v1/rules")
                .then().statusCode(200);
    }

    @Test
    void unknownPathsAreProblems() {
        given().auth().oauth2(PLANNER).header("X-Request-Id", "conv-404").when().get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json")
                .header("X-Request-Id", "conv-404")
                .body("requestId", equalTo("conv-404"))
                .body(not(containsString("Exception")));
    }

    @Test
    void theAuditTrailIsForAuditors() {
        given().auth().oauth2(AUDITOR).when().get("/api/v1/audit/anything/1")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(PLANNER).when().get("/api/v1/audit/anything/1")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void healthMetricsAndOpenApiArePublic() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("openapi", notNullValue());
    }
}
