package cn.dcjk.gateway;

import cn.dcjk.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** NO-DIRECT-DEMAND (article 27) at the gateway: the decision, its log, its back-tracing record, its spellings. */
@QuarkusTest
class ChannelPolicyTest {

    static final String TEAM = Tokens.team("inspection-team", "370000-D-ENV", "370000-D-ENV");
    static final String PLANNER = Tokens.token("planner", "planner", "370000-D-ENV");
    static final String AUDITOR = Tokens.token("auditor", "auditor", "370000-PO");
    static final String DEMAND = "{\"kind\":\"ACCOUNTABILITY_SUGGESTION\",\"recipientUnitCode\":\"370102-DIS\","
            + "\"inspectionId\":1,\"findingId\":2}";

    @ConfigProperty(name = "dcjk.directory.url")
    String upstream;

    @Test
    void aTeamsDirectDemandToALowerDisciplineCommissionIs403NamingTheLawfulRoute() {
        String decision = given().auth().oauth2(TEAM).header("X-Request-Id", "art27-direct").contentType(ContentType.JSON)
                .body(DEMAND).when().post("/api/v1/accountability/referrals")
                .then().statusCode(403).contentType("application/problem+json")
                .body("rule", equalTo("NO-DIRECT-DEMAND"))
                .body("articles", contains(27))
                .body("recipient", equalTo("370102-DIS"))
                .body("lawfulRoute.recipientUnitCode", equalTo("370000-D-ENV"))
                .body("findings[0].rule", equalTo("NO-DIRECT-DEMAND"))
                .body("findings[0].severity", equalTo("PROHIBITED"))
                .body("findings[0].facts.recipientKind", equalTo("DISCIPLINE_COMMISSION"))
                .body("requestId", equalTo("art27-direct"))
                .extract().jsonPath().getString("decisionId");
        given().auth().oauth2(AUDITOR).queryParam("requestId", "art27-direct")
                .when().get("/api/v1/gateway/decisions")
                .then().statusCode(200)
                .body("items[0].id", equalTo(decision))
                .body("items[0].outcome", equalTo("DENY"))
                .body("items[0].caller", equalTo("inspection-team"))
                .body("items[0].rule", equalTo("NO-DIRECT-DEMAND"))
                .body("items[0].recipientUnitCode", equalTo("370102-DIS"));
        given().auth().oauth2(PLANNER).when().get("/api/v1/gateway/decisions").then().statusCode(403);
        // registered with the back-tracing register, idempotent on the decision id
        JsonPath received = awaitBacktracing(decision);
        assertEquals("GATEWAY", received.getString("find { it.key == '" + decision + "' }.body.source"));
        assertEquals("DIRECT_DEMAND_REFUSED", received.getString("find { it.key == '" + decision + "' }.body.kind"));
    }

    @Test
    void leadershipMembersAndOtherBodiesAndFieldsCountToo() {
        for (String body : List.of(
                "{\"kind\":\"ACCOUNTABILITY_DEMAND\",\"recipientUnitCode\":\"370102-PC\"}",
                "{\"kind\":\"ACCOUNTABILITY_DEMAND\",\"recipientUnitCode\":\"370102-GOV\"}",
                "{\"kind\":\"START_ACCOUNTABILITY\",\"recipientUnitCode\":\"370102-ORG\"}",
                "{\"kind\":\"ACCOUNTABILITY_SUGGESTION\",\"recipientPerson\":{\"name\":\"张某\",\"unitCode\":\"370102-GOV\","
                        + "\"leadershipMember\":true}}",
                "{\"kind\":\"ACCOUNTABILITY_SUGGESTION\",\"recipientUnitCodes\":[\"370000-D-ENV\",\"370102-DIS\"]}",
                "{\"kind\":\"ACCOUNTABILITY_SUGGESTION\",\"recipients\":[{\"unitCode\":\"370102-DIS\"}]}")) {
            given().auth().oauth2(TEAM).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/accountability/referrals")
                    .then().statusCode(403).body("rule", equalTo("NO-DIRECT-DEMAND"));
        }
        // a transfer that redirects to a lower body is the same demand
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).body("{\"toUnitCode\":\"370102-DIS\"}")
                .when().post("/api/v1/accountability/referrals/7/transfer").then().statusCode(403);
    }

    @Test
    void theLawfulRouteAndOtherCallersPass() {
        given().auth().oauth2(TEAM).header("X-Request-Id", "art27-lawful").contentType(ContentType.JSON)
                .body(DEMAND.replace("370102-DIS", "370000-D-ENV"))
                .when().post("/api/v1/accountability/referrals")
                .then().statusCode(200).body("path", equalTo("/api/v1/accountability/referrals"))
                .body("body", equalTo(DEMAND.replace("370102-DIS", "370000-D-ENV")));
        given().auth().oauth2(AUDITOR).queryParam("requestId", "art27-lawful").when().get("/api/v1/gateway/decisions")
                .then().body("items[0].outcome", equalTo("ALLOW"));
        // an upper-level body is not lower: not this rule's business (the service's LAWFUL-ROUTE judges it)
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).body(DEMAND.replace("370102-DIS", "370000-DIS"))
                .when().post("/api/v1/accountability/referrals").then().statusCode(200);
        // a lower department is not an accountability body
        given().auth().oauth2(TEAM).contentType(ContentType.JSON).body(DEMAND.replace("370102-DIS", "370102-D-EDU"))
                .when().post("/api/v1/accountability/referrals").then().statusCode(200);
        // a caller that does not act as an inspection team is not this rule's subject
        given().auth().oauth2(PLANNER).contentType(ContentType.JSON).body(DEMAND)
                .when().post("/api/v1/accountability/referrals").then().statusCode(200);
        // reads are not inspected
        given().auth().oauth2(TEAM).when().get("/api/v1/accountability/referrals").then().statusCode(200);
    }

    @Test
    void aTeamTokenWithoutADispatchingUnitIsRefused() {
        String noDispatch = Tokens.token("lost-team", "inspection-team", "370000-D-ENV");
        given().auth().oauth2(noDispatch).contentType(ContentType.JSON).body(DEMAND.replace("370102-DIS", "370000-D-ENV"))
                .when().post("/api/v1/accountability/referrals").then().statusCode(403);
    }

    @Test
    void backtracingSurvivesTheRegisterBeingDown() {
        given().when().delete(upstream + "/test/backtracing").then().statusCode(200);
        String decision;
        try {
            decision = given().auth().oauth2(TEAM).contentType(ContentType.JSON).body(DEMAND)
                    .when().post("/api/v1/accountability/referrals")
                    .then().statusCode(403).extract().jsonPath().getString("decisionId");
            JsonPath now = given().when().get(upstream + "/test/backtracing").then().extract().jsonPath();
            assertTrue(now.getList("findAll { it.key == '" + decision + "' }").isEmpty());
        } finally {
            given().when().put(upstream + "/test/backtracing").then().statusCode(200);
        }
        JsonPath received = awaitBacktracing(decision);
        assertEquals(1, received.getList("findAll { it.key == '" + decision + "' }").size());
    }

    @Test
    void art32ARetriedDirectDemandIsOneDecisionAndOneBacktracingRecord() throws Exception {
        String body = DEMAND.replace("\"findingId\":2", "\"findingId\":32");
        java.util.function.Supplier<String> attempt = () -> given().auth().oauth2(TEAM)
                .header("Idempotency-Key", "art32-retry").contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/accountability/referrals")
                .then().statusCode(403).extract().jsonPath().getString("decisionId");
        String first = attempt.get();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<String>> racing = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                racing.add(pool.submit(attempt::get));
            }
            for (java.util.concurrent.Future<String> f : racing) {
                assertEquals(first, f.get(), "a retry of the same request is the same decision");
            }
        } finally {
            pool.shutdown();
        }
        // another key, or the same key with another body, is another attempt
        String other = given().auth().oauth2(TEAM).header("Idempotency-Key", "art32-other").contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/accountability/referrals")
                .then().statusCode(403).extract().jsonPath().getString("decisionId");
        assertTrue(!other.equals(first));
        // each reaches the register under its decision id (the outbox message id is the decision id)
        assertEquals("GATEWAY", awaitBacktracing(first).getString("find { it.key == '" + first + "' }.body.source"));
        assertEquals(other, awaitBacktracing(other).getString("find { it.key == '" + other + "' }.body.sourceEventId"));
    }

    JsonPath awaitBacktracing(String decision) {
        for (int i = 0; i < 150; i++) {
            JsonPath received = given().when().get(upstream + "/test/backtracing").then().extract().jsonPath();
            if (!received.getList("findAll { it.key == '" + decision + "' }").isEmpty()) {
                return received;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("decision " + decision + " never reached the back-tracing register");
    }

    // ---- the spelling table: every way of writing the same direct demand is refused ----------------

    record Spelling(String category, String method, String path, Map<String, String> headers, byte[] body) {
        @Override
        public String toString() {
            return category + ": " + method + " " + path;
        }
    }

    static Spelling s(String category, String path) {
        return new Spelling(category, "POST", path, Map.of("Content-Type", "application/json"), bytes(DEMAND));
    }

    static Spelling s(String category, String method, String path, Map<String, String> headers, byte[] body) {
        return new Spelling(category, method, path, headers, body);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static final String P = "/api/v1/accountability/referrals";
    static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    static Stream<Arguments> spellings() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(bytes(DEMAND));
        }
        return Stream.of(
                s("path case", "/API/v1/accountability/referrals"),
                s("path case", "/api/V1/Accountability/referrals"),
                s("path case", "/api/v1/ACCOUNTABILITY/REFERRALS"),
                s("percent-encoding", "/api/v1/accountability/%72eferrals"),
                s("percent-encoding", "/api/v1/%61ccountability/referrals"),
                s("percent-encoding", "/api/v1/accountability/referral%73"),
                s("encoded slash", "/api%2Fv1%2Faccountability%2Freferrals"),
                s("encoded slash", "/api/v1/accountability%2freferrals"),
                s("encoded slash", "/api/v1/accountability/referrals%2F"),
                s("double encoding", "/api/v1/accountability/%2572eferrals"),
                s("duplicate slashes", "//api/v1/accountability/referrals"),
                s("duplicate slashes", "/api//v1/accountability/referrals"),
                s("duplicate slashes", "/api/v1/accountability//referrals"),
                s("trailing slash", "/api/v1/accountability/referrals/"),
                s("trailing slash", "/api/v1/accountability/referrals//"),
                s("dot segments", "/api/v1/./accountability/referrals"),
                s("dot segments", "/api/v1/x/../accountability/referrals"),
                s("dot segments", "/api/v1/accountability/referrals/."),
                s("dot segments", "/api/v1/accountability/%2e/referrals"),
                s("dot segments", "/api/v1/accountability/x/%2E%2E/referrals"),
                s("matrix parameters", "/api/v1/accountability;v=1/referrals"),
                s("matrix parameters", "/api/v1/accountability/referrals;jsessionid=1"),
                s("query parameters", P + "?recipientUnitCode=370000-D-ENV"),
                s("method override", "POST", P, Map.of("Content-Type", "application/json", "X-HTTP-Method-Override", "PUT"), bytes(DEMAND)),
                s("method override", "PUT", P, Map.of("Content-Type", "application/json", "X-HTTP-Method", "POST"), bytes(DEMAND)),
                s("method override", "POST", P, Map.of("Content-Type", "application/json", "X-Method-Override", "PATCH"), bytes(DEMAND)),
                s("other methods", "PUT", P + "/7", JSON, bytes(DEMAND)),
                s("other methods", "PATCH", P + "/7", JSON, bytes(DEMAND)),
                s("other methods", "post", P, JSON, bytes(DEMAND)),
                s("duplicate keys", "POST", P, JSON,
                        bytes("{\"recipientUnitCode\":\"370000-D-ENV\",\"recipientUnitCode\":\"370102-DIS\"}")),
                s("duplicate keys", "POST", P, JSON, bytes("{\"recipientPerson\":{\"unitCode\":\"370000-D-ENV\","
                        + "\"unitCode\":\"370102-GOV\",\"leadershipMember\":true}}")),
                s("escaped keys", "POST", P, JSON, bytes("{\"recipient\\u0055nitCode\":\"370102-DIS\"}")),
                s("content type", "POST", P, Map.of(), bytes(DEMAND)),
                s("content type", "POST", P, Map.of("Content-Type", "text/plain"), bytes(DEMAND)),
                s("content type", "POST", P, Map.of("Content-Type", "application/x-www-form-urlencoded"),
                        bytes("recipientUnitCode=370102-DIS")),
                s("content type", "POST", P, Map.of("Content-Type", "application/merge-patch+json"), bytes(DEMAND)),
                s("content type", "POST", P, Map.of("Content-Type", "multipart/form-data; boundary=x"), bytes(DEMAND)),
                s("charset", "POST", P, Map.of("Content-Type", "application/json; charset=utf-16"),
                        DEMAND.getBytes(StandardCharsets.UTF_16)),
                s("other encodings", "POST", P, JSON, DEMAND.getBytes(StandardCharsets.UTF_16LE)),
                s("other encodings", "POST", P, JSON, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes(DEMAND))),
                s("other encodings", "POST", P, JSON, concat(bytes("{\"note\":\"\u0000"), new byte[] {(byte) 0xC0, (byte) 0xAF},
                        bytes("\",\"recipientUnitCode\":\"370102-DIS\"}"))),
                s("content encoding", "POST", P, Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"),
                        gz.toByteArray()),
                s("batch bodies", "POST", P, JSON, bytes("[" + DEMAND + "]")),
                s("batch bodies", "POST", P, JSON, bytes("[" + DEMAND.replace("370102-DIS", "370000-D-ENV") + "," + DEMAND + "]")),
                s("trailing JSON", "POST", P, JSON, bytes(DEMAND.replace("370102-DIS", "370000-D-ENV") + DEMAND)),
                s("comments", "POST", P, JSON, bytes("/* lawful */" + DEMAND)),
                s("ambiguous field", "POST", P, JSON, bytes("{\"recipientUnitCode\":[\"370102-DIS\"]}")),
                s("ambiguous field", "POST", P, JSON, bytes("{\"recipientUnitCode\":370102}")),
                s("chunked", "POST", P, Map.of("Content-Type", "application/json", "Transfer-Encoding", "chunked"),
                        chunked(DEMAND)),
                s("chunked and length", "POST", P, Map.of("Content-Type", "application/json", "Transfer-Encoding", "chunked",
                        "Content-Length", String.valueOf(chunked(DEMAND).length)), chunked(DEMAND)),
                s("short length", "POST", P, Map.of("Content-Type", "application/json", "Content-Length", "20"), bytes(DEMAND)),
                s("oversized", "POST", P, Map.of("Content-Type", "application/json", "Content-Length", "2000000"), bytes(DEMAND)))
                .map(Arguments::of);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    static byte[] chunked(String body) {
        byte[] data = bytes(body);
        int half = data.length / 2;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(bytes(Integer.toHexString(half) + "\r\n"));
        b.write(data, 0, half);
        b.writeBytes(bytes("\r\n" + Integer.toHexString(data.length - half) + "\r\n"));
        b.write(data, half, data.length - half);
        b.writeBytes(bytes("\r\n0\r\n\r\n"));
        return b.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spellings")
    void everySpellingOfADirectDemandIsRefused(Spelling s) throws Exception {
        StringBuilder head = new StringBuilder(s.method() + " " + s.path() + " HTTP/1.1\r\n");
        head.append("Host: 127.0.0.1\r\nAuthorization: Bearer ").append(TEAM).append("\r\nConnection: close\r\n");
        s.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (!s.headers().containsKey("Content-Length") && !s.headers().containsKey("Transfer-Encoding")) {
            head.append("Content-Length: ").append(s.body().length).append("\r\n");
        }
        head.append("\r\n");
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, head.toString(), s.body());
        assertNotEquals(200, answer.status(), () -> s + " reached the upstream: " + answer.body());
        assertTrue(answer.status() == 400 || answer.status() == 403 || answer.status() == 404
                        || answer.status() == 405 || answer.status() == 413 || answer.status() == 415,
                () -> s + " answered " + answer.status() + ": " + answer.body());
    }

    @Test
    void theTableCoversEveryCategoryWithAtLeastFortySpellings() throws Exception {
        List<Spelling> all = spellings().map(a -> (Spelling) a.get()[0]).toList();
        assertTrue(all.size() >= 40, "only " + all.size() + " spellings");
        for (String category : List.of("path case", "percent-encoding", "encoded slash", "duplicate slashes",
                "trailing slash", "dot segments", "matrix parameters", "method override", "duplicate keys",
                "content type", "other encodings", "batch bodies", "chunked", "chunked and length", "short length")) {
            assertTrue(all.stream().anyMatch(s -> s.category().equals(category)), category);
        }
    }

    @Test
    void theRulesListCarriesTheGatewaysRule() {
        given().auth().oauth2(PLANNER).when().get("/api/v1/rules")
                .then().statusCode(200).body("name", hasItem("NO-DIRECT-DEMAND"))
                .body("find { it.name == 'NO-DIRECT-DEMAND' }.service", equalTo("gateway"));
    }

    @Test
    void theDecisionLogPages() {
        given().auth().oauth2(AUDITOR).queryParam("outcome", "DENY").queryParam("size", 2)
                .when().get("/api/v1/gateway/decisions")
                .then().statusCode(200).body("size", equalTo(2)).body("total", notNullValue());
    }
}
