package cn.dcjk.plans.outage;

import cn.dcjk.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * The realm's keys cannot be fetched (the identity provider is down): a request with a token is
 * answered 503 with Retry-After naming the identity provider, not 401 (the token may be fine) nor 500.
 */
@QuarkusTest
@TestProfile(RealmKeysOutageTest.ProviderDown.class)
class RealmKeysOutageTest {

    public static class ProviderDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.auth-server-url", "http://127.0.0.1:9/realms/dcjk",
                    "quarkus.oidc.connection-delay", "1S");
        }
    }

    @Test
    void aTokenThatCannotBeCheckedIs503() {
        given().auth().oauth2(Tokens.token("planner", "planner", "370000-D-ENV"))
                .when().get("/api/v1/units/370102-GOV")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("dependency", equalTo("identity-provider"));
    }

    @Test
    void withoutATokenItIsStill401() {
        given().when().get("/api/v1/units/370102-GOV").then().statusCode(401);
    }
}
