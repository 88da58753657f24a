package cn.dcjk.inspections.health;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static cn.dcjk.inspections.Fixtures.stub;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Readiness names each dependency: the database (its own pool: DOWN with it), plans-service and the
 * realm's keys (shared by every replica: reported in the check's data, never failing readiness, so
 * a plans-service outage does not take inspections-service out of rotation as well).
 */
@QuarkusTest
class ReadinessTest {

    @Test
    void plansServiceDownIsNamedWithoutTakingThisServiceOutOfRotation() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'plans-service' }.data.state", equalTo("UP"))
                .body("checks.find { it.name == 'realm-keys' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'realm-keys' }.data.target", notNullValue());
        stub("health", false);
        try {
            given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'plans-service' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'plans-service' }.data.state", equalTo("DOWN"))
                    .body("checks.find { it.name == 'plans-service' }.data.since", notNullValue());
        } finally {
            stub("health", true);
        }
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'plans-service' }.data.state", equalTo("UP"));
    }
}
