package cn.dcjk.plans.outage;

import cn.dcjk.testing.PostgresTestResource;
import cn.dcjk.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * PostgreSQL goes away under the service (pg_ctl -m immediate: every pooled connection is cut):
 * reads and writes, the idempotency insert among them, answer 503 with Retry-After naming the
 * database, never a 500; readiness says the database is down; once it is back, the retry with the
 * same Idempotency-Key writes once.
 */
@QuarkusTest
class DatabaseOutageTest {

    static final String ADMIN = Tokens.token("admin", "admin", "370000-GO");
    static final String BODY = "{\"code\":\"370102-D-OUTAGE\",\"name\":\"历下区停库测试局\",\"level\":\"COUNTY\","
            + "\"kind\":\"DEPARTMENT\",\"branch\":\"GOVERNMENT\",\"regionCode\":\"370102\",\"parentCode\":\"370102-GOV\"}";

    boolean down;

    @AfterEach
    void bringItBack() {
        if (down) {
            PostgresTestResource.restartServer();
            down = false;
        }
    }

    @Test
    void aDatabaseOutageIs503WithRetryAfterAndTheRetryWritesOnce() {
        assumeTrue(PostgresTestResource.serverControllable(), "tests use an existing server: not taken down");
        // warm the pool so the outage cuts live connections, as in production
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(ADMIN).when().get("/api/v1/units/370102-GOV").then().statusCode(200);
        }
        PostgresTestResource.crashServer();
        down = true;

        for (int i = 0; i < 8; i++) {
            long start = System.nanoTime();
            write("outage-1").then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("type", equalTo("/problems/dependency-unavailable"))
                    .body("dependency", equalTo("database"))
                    .body(not(containsString("SQL")))
                    .body(not(containsString("postgres")));
            given().auth().oauth2(ADMIN).when().get("/api/v1/units/370102-GOV").then().statusCode(503)
                    .header("Retry-After", "5").body("dependency", equalTo("database"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 12_000, "an outage answer must not wait past the pool's timeout: " + millis + " ms");
        }
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("DOWN"));

        PostgresTestResource.restartServer();
        down = false;
        Response created = null;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            Response r = write("outage-1");
            if (r.statusCode() != 503) {
                created = r;
                break;
            }
            assertEquals("5", r.header("Retry-After"));
        }
        assertTrue(created != null, "the service did not recover within 30 s of the database's return");
        assertEquals(201, created.statusCode(), created.asString());
        write("outage-1").then().statusCode(201).header("Idempotent-Replayed", "true");
        given().auth().oauth2(ADMIN).when().get("/api/v1/units/370102-D-OUTAGE").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    private static Response write(String key) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("Idempotency-Key", key).body(BODY)
                .when().post("/api/v1/units");
    }
}
