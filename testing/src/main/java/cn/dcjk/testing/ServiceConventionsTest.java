package cn.dcjk.testing;

import cn.dcjk.common.channel.WriteRoutes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aTokenForAnotherAudienceIs401() {
        given().auth().oauth2(Tokens.forAudience("planner", "planner", "370000-D-ENV", "another-client"))
                .when().get("/api/v1/rules")
                .then().statusCode(401).contentType("application/problem+json");
        String none = io.quarkus.test.oidc.server.OidcWiremockTestResource.generateJwtToken("planner",
                java.util.Set.of("planner"), "sub-planner", "Bearer", java.util.Set.of(), Map.of());
        given().auth().oauth2(none).when().get("/api/v1/rules").then().statusCode(401);
    }

    /** Article 27, policy by capability: every write route this service serves is classified for the channel rule. */
    @Test
    @SuppressWarnings("unchecked")
    void everyWriteRouteIsClassifiedForTheChannelRule() {
        Map<String, Object> paths = given().when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        List<String> unclassified = new ArrayList<>();
        for (Map.Entry<String, Object> p : paths.entrySet()) {
            for (String method : ((Map<String, Object>) p.getValue()).keySet()) {
                String m = method.toUpperCase();
                if (List.of("POST", "PUT", "PATCH", "DELETE").contains(m) && !WriteRoutes.listed(m, p.getKey())) {
                    unclassified.add(m + " " + p.getKey());
                }
            }
        }
        assertEquals(List.of(), unclassified, "write routes missing from WriteRoutes (commons-web): classify each");
    }

    /** One reading of a path: a spelling the gateway would not forward is refused here too, before anything else. */
    @Test
    void pathsThatCouldBeReadTwoWaysAre400() throws IOException {
        int port = io.restassured.RestAssured.port;
        for (String path : List.of("/api/v1/rules%2F..", "/api/v1//rules", "/api/v1/./rules", "/api/v1/x/../rules",
                "/api/v1/rules/", "/api/v1/rules;x=1", "/api/v1/%2e%2e/rules", "/api/v1/rules%00", "/api/v1/r%25ules",
                "/api/v1/rules%5c", "/api/v1/r%c3%28", "/api/v1/rules%2f", "/api/v1/%E2%80%AE")) {
            String head = rawGet(port, path);
            assertTrue(head.startsWith("HTTP/1.1 400"), path + " answered " + head.lines().findFirst().orElse(""));
        }
    }

    static String rawGet(int port, String path) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
