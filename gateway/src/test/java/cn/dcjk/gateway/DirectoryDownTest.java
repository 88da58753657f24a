package cn.dcjk.gateway;

import cn.dcjk.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** When the units directory cannot answer, article-27-relevant requests fail closed; other routes work. */
@QuarkusTest
@TestProfile(DirectoryDownTest.Down.class)
class DirectoryDownTest {

    public static class Down implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dcjk.directory.url", "http://127.0.0.1:9", "dcjk.directory.timeout", "1s");
        }
    }

    static final String TEAM = Tokens.team("inspection-team", "370000-D-ENV", "370000-D-ENV");

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    @Test
    void relevantRequestsAre503OthersPass() {
        String decision = given().auth().oauth2(TEAM).header("Idempotency-Key", "fail-closed-1")
                .contentType(ContentType.JSON)
                .body("{\"kind\":\"ACCOUNTABILITY_SUGGESTION\",\"recipientUnitCode\":\"370102-DIS\"}")
                .when().post("/api/v1/accountability/referrals")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("rule", equalTo("NO-DIRECT-DEMAND")).extract().jsonPath().getString("decisionId");
        // failing closed is no refusal of the request's substance: logged, not registered for back-tracing,
        // and under an id of its own, so the retry with the same key is decided on its merits
        long queued = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM outbox_message WHERE id = CAST(?1 AS uuid)")
                .setParameter(1, decision).getSingleResult()).longValue());
        org.junit.jupiter.api.Assertions.assertEquals(0L, queued);
        String again = given().auth().oauth2(TEAM).header("Idempotency-Key", "fail-closed-1")
                .contentType(ContentType.JSON)
                .body("{\"kind\":\"ACCOUNTABILITY_SUGGESTION\",\"recipientUnitCode\":\"370102-DIS\"}")
                .when().post("/api/v1/accountability/referrals")
                .then().statusCode(503).extract().jsonPath().getString("decisionId");
        org.junit.jupiter.api.Assertions.assertNotEquals(decision, again);
        // even the lawful recipient cannot be checked, so it waits too: the gateway never guesses
        given().auth().oauth2(TEAM).contentType(ContentType.JSON)
                .body("{\"kind\":\"ACCOUNTABILITY_SUGGESTION\",\"recipientUnitCode\":\"370000-D-ENV\"}")
                .when().post("/api/v1/accountability/referrals")
                .then().statusCode(503);
        given().auth().oauth2(TEAM).when().get("/api/v1/plans").then().statusCode(200);
        given().auth().oauth2(TEAM).when().get("/api/v1/accountability/referrals").then().statusCode(200);
    }
}
