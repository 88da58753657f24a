package cn.dcjk.accountability;

import cn.dcjk.common.request.AdmissionStamp;
import cn.dcjk.testing.GatewayStamps;
import cn.dcjk.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/**
 * Article 27 at the service: a write is executed only with the gateway's admission stamp made for
 * exactly that request, a team never reaches a lower body through a letter, and a token that holds
 * inspection-team acts as a team whatever else it holds.
 */
@QuarkusTest
class AdmissionAndChannelTest {

    static final String LETTER = "{\"handlerUnitCode\":\"370000-DIS\",\"anonymous\":true,\"accusedName\":\"王某\","
            + "\"accusedUnitCode\":\"370102-D-ENV\",\"content\":\"材料造假\"}";

    static String stamp(String method, String path, String body, String authorization, long at) {
        return GatewayStamps.STAMP.sign(UUID.randomUUID().toString(), at, method, path,
                AdmissionStamp.sha256(body.getBytes(StandardCharsets.UTF_8)), authorization);
    }

    @Test
    void aWriteWithoutAStampOrWithAStampForAnotherRequestIsRefused() {
        long now = Instant.now().getEpochSecond();
        String[][] stamps = {
                {"missing", null},
                {"malformed", "v1.nonsense"},
                {"another body", stamp("POST", "/api/v1/complaints", "{}", null, now)},
                {"another path", stamp("POST", "/api/v1/backtracing", LETTER, null, now)},
                {"another method", stamp("PUT", "/api/v1/complaints", LETTER, null, now)},
                {"another caller", stamp("POST", "/api/v1/complaints", LETTER, "Bearer x", now)},
                {"expired", stamp("POST", "/api/v1/complaints", LETTER, null, now - 3600)},
                {"from the future", stamp("POST", "/api/v1/complaints", LETTER, null, now + 3600)},
                {"another key", new AdmissionStamp(new byte[32]).sign(UUID.randomUUID().toString(), now, "POST",
                        "/api/v1/complaints", AdmissionStamp.sha256(LETTER), null)}};
        for (String[] s : stamps) {
            var req = given().header(GatewayStamps.UNSTAMPED, "yes").contentType(ContentType.JSON).body(LETTER);
            if (s[1] != null) {
                req.header(AdmissionStamp.HEADER, s[1]);
            }
            req.when().post("/api/v1/complaints").then().statusCode(403).contentType("application/problem+json")
                    .body("type", containsString("admission-required"));
        }
        // the stamp made for exactly this request is accepted
        given().header(GatewayStamps.UNSTAMPED, "yes").header(AdmissionStamp.HEADER,
                        stamp("POST", "/api/v1/complaints", LETTER, null, now))
                .contentType(ContentType.JSON).body(LETTER).when().post("/api/v1/complaints").then().statusCode(201);
    }

    @Test
    void aWriteOverHttp2IsAnsweredNeverLeftHangingOr500() throws Exception {
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        try {
            io.vertx.core.http.HttpClient h2 = vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions()
                    .setProtocolVersion(io.vertx.core.http.HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false));
            long now = Instant.now().getEpochSecond();
            for (String[] c : new String[][] {{LETTER, "426"}, {LETTER.replace("材料造假", "材料造假（改）"), "426"}}) {
                int status = h2.request(new io.vertx.core.http.RequestOptions().setMethod(io.vertx.core.http.HttpMethod.POST)
                                .setHost("127.0.0.1").setPort(io.restassured.RestAssured.port).setURI("/api/v1/complaints")
                                .putHeader("Content-Type", "application/json")
                                .putHeader(AdmissionStamp.HEADER, stamp("POST", "/api/v1/complaints", LETTER, null, now)))
                        .compose(r -> r.send(c[0])).compose(r -> r.body().map(b -> r.statusCode()))
                        .toCompletionStage().toCompletableFuture().get(20, java.util.concurrent.TimeUnit.SECONDS);
                org.junit.jupiter.api.Assertions.assertEquals(Integer.parseInt(c[1]), status);
            }
        } finally {
            vertx.close();
        }
    }

    @Test
    void aTeamDoesNotReachALowerBodyThroughALetter() {
        for (String handler : new String[] {"370102-DIS", "370102-ORG"}) {
            given().auth().oauth2(Fixtures.TEAM).contentType(ContentType.JSON)
                    .body(LETTER.replace("370000-DIS", handler)).when().post("/api/v1/complaints")
                    .then().statusCode(422).body("findings.rule", hasItem("NO-DIRECT-DEMAND"));
        }
        // about a lower government, with a demand for accountability in its words
        given().auth().oauth2(Fixtures.TEAM).contentType(ContentType.JSON)
                .body(LETTER.replace("370102-D-ENV", "370102-GOV").replace("材料造假", "建议对该区政府问责"))
                .when().post("/api/v1/complaints")
                .then().statusCode(422).body("findings.rule", hasItem("NO-DIRECT-DEMAND"));
        // a citizen may write to any body
        given().contentType(ContentType.JSON).body(LETTER.replace("370000-DIS", "370102-DIS"))
                .when().post("/api/v1/complaints").then().statusCode(201);
    }

    @Test
    void aTokenHoldingInspectionTeamActsAsATeamOnly() {
        String both = Tokens.token("team-officer", Set.of("inspection-team", "discipline-officer"), "370102-DIS",
                "370000-D-ENV");
        given().auth().oauth2(both).contentType(ContentType.JSON)
                .body("{\"subjectName\":\"x\",\"subjectUnitCode\":\"370102-D-ENV\"}")
                .when().post("/api/v1/accountability/cases").then().statusCode(not(equalTo(201)));
        given().auth().oauth2(both).when().get("/api/v1/accountability/cases").then().statusCode(403);
    }

    @Test
    void aPathThatCouldBeReadTwoWaysIsRefusedBeforeTheStampIsRead() {
        given().header(GatewayStamps.UNSTAMPED, "yes").urlEncodingEnabled(false).contentType(ContentType.JSON)
                .body(LETTER).when().post("/api/v1/complaints%2F..%2Fbacktracing").then().statusCode(400);
    }
}
