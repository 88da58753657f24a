package cn.dcjk.plans.feed;

import cn.dcjk.common.data.webhook.WebhookSignature;
import cn.dcjk.common.data.webhook.WebhookUrls;
import cn.dcjk.common.problem.Problem;
import cn.dcjk.plans.plan.PlanFixtures;
import cn.dcjk.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Webhooks end to end inside the service: an integrator subscribes, a plan is created, the receiver
 * gets a CloudEvents 1.0 JSON signed with HMAC-SHA256, a refusal is retried with backoff and logged,
 * a replay carries the same event id, and only what the subscriber may read is sent.
 */
@QuarkusTest
class WebhookTest {

    static final String INTEGRATOR = Tokens.token("service-account-province-sync", "integrator", "370000-GO");
    static final String CITY_INTEGRATOR = Tokens.token("service-account-city-sync", "integrator", "370100-GO");
    static final String PLANNER = PlanFixtures.PLANNER;
    static final String SECRET = "a-long-shared-secret-0123456789";
    static final ObjectMapper JSON = new ObjectMapper();

    record Received(Map<String, String> headers, String body) {
    }

    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger refuseNext = new AtomicInteger();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                received.add(new Received(Map.of(
                        "path", exchange.getRequestURI().getPath(),
                        "content-type", exchange.getRequestHeaders().getFirst("Content-Type"),
                        WebhookSignature.ID, exchange.getRequestHeaders().getFirst(WebhookSignature.ID),
                        WebhookSignature.TIMESTAMP, exchange.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP),
                        WebhookSignature.SIGNATURE, exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE)), body));
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    @Test
    void anEventArrivesSignedAsACloudEventAfterARetryAndCanBeReplayed() throws Exception {
        String sub = subscribe(INTEGRATOR, url("/province"), List.of("cn.dcjk.plan.created"));
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/webhooks/plans/subscriptions/" + sub)
                .then().statusCode(200).body("active", equalTo(true)).body("$", not(hasKey("secret")));
        refuseNext.set(1);
        long plan = PlanFixtures.plan(PLANNER, "ANNUAL", 2027, "订阅推送测试");

        Received r = await(() -> forPlan("/province", plan).size() == 1, "/province", plan);
        JsonNode ce = JSON.readTree(r.body());
        assertEquals("1.0", ce.get("specversion").asText());
        assertEquals("cn.dcjk.plan.created", ce.get("type").asText());
        assertEquals("plan/" + plan, ce.get("subject").asText());
        assertEquals("urn:dcjk:plans-service", ce.get("source").asText());
        assertEquals("CREATE", ce.at("/data/action").asText());
        assertNotNull(ce.get("time").asText());
        assertTrue(r.headers().get("content-type").startsWith("application/cloudevents+json"));
        String signingString = r.headers().get(WebhookSignature.ID) + "." + r.headers().get(WebhookSignature.TIMESTAMP)
                + "." + r.body();
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertEquals("v1," + java.util.Base64.getEncoder().encodeToString(
                mac.doFinal(signingString.getBytes(StandardCharsets.UTF_8))), r.headers().get(WebhookSignature.SIGNATURE));

        // the log: the refused attempt, then the delivered one
        JsonPath log = given().auth().oauth2(INTEGRATOR).when()
                .get("/api/v1/webhooks/plans/subscriptions/" + sub + "/deliveries")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(ce.get("id").asText(), log.getString("[0].eventId"));
        assertEquals("DELIVERED", log.getString("[0].state"));
        assertEquals(List.of(503), log.getList("[0].log.findAll { !it.delivered }.status"));
        assertEquals(2, log.getInt("[0].attempts"));
        assertEquals(r.headers().get(WebhookSignature.ID), log.getString("[0].id"));

        // replay: the same event id, a new delivery id
        String replay = given().auth().oauth2(INTEGRATOR).contentType(ContentType.JSON)
                .when().post("/api/v1/webhooks/plans/subscriptions/" + sub + "/deliveries/" + log.getString("[0].id")
                        + "/replay")
                .then().statusCode(202).body("replayOf", equalTo(log.getString("[0].id"))).extract().path("id");
        Received again = await(() -> forPlan("/province", plan).size() == 2, "/province", plan);
        assertEquals(ce.get("id").asText(), JSON.readTree(again.body()).get("id").asText());
        assertEquals(replay, again.headers().get(WebhookSignature.ID));
    }

    @Test
    void aSubscriberReceivesOnlyWhatItMayRead() throws Exception {
        subscribe(CITY_INTEGRATOR, url("/city"), List.of("cn.dcjk.plan.created"));
        subscribe(INTEGRATOR, url("/all"), List.of("cn.dcjk.plan.created"));
        long provincial = PlanFixtures.plan(PLANNER, "ANNUAL", 2027, "省级计划");
        await(() -> forPlan("/all", provincial).size() == 1, "/all", provincial);
        Thread.sleep(1500); // the fan-out ran since: the city's system got nothing of the province's plan
        assertTrue(forPlan("/city", provincial).isEmpty(), "a city system does not receive a provincial plan");
    }

    @Test
    void subscriptionsAreTheOwnersAndCancellingStopsDeliveries() throws Exception {
        String sub = subscribe(INTEGRATOR, url("/cancelled"), List.of("cn.dcjk.plan.created"));
        given().auth().oauth2(CITY_INTEGRATOR).when().get("/api/v1/webhooks/plans/subscriptions/" + sub)
                .then().statusCode(404);
        given().auth().oauth2(CITY_INTEGRATOR).when().delete("/api/v1/webhooks/plans/subscriptions/" + sub)
                .then().statusCode(404);
        given().auth().oauth2(CITY_INTEGRATOR).when().get("/api/v1/webhooks/plans/subscriptions")
                .then().statusCode(200).body("id", not(hasItem(sub)));
        given().auth().oauth2(PLANNER).when().get("/api/v1/webhooks/plans/subscriptions").then().statusCode(403);
        given().auth().oauth2(INTEGRATOR).when().delete("/api/v1/webhooks/plans/subscriptions/" + sub)
                .then().statusCode(204);
        long plan = PlanFixtures.plan(PLANNER, "ANNUAL", 2027, "取消后");
        Thread.sleep(1500);
        assertTrue(forPlan("/cancelled", plan).isEmpty());
    }

    @Test
    void theCatalogueAndBadSubscriptions() {
        given().auth().oauth2(INTEGRATOR).when().get("/api/v1/webhooks/plans/event-types")
                .then().statusCode(200).body("$", hasKey("cn.dcjk.plan.approved")).body("$", hasKey("cn.dcjk.unit.retired"));
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("url", url("/x"), "eventTypes", List.of("cn.dcjk.finding.overdue"), "secret", SECRET),
                Map.of("url", url("/x"), "eventTypes", List.of(), "secret", SECRET),
                Map.of("url", "ftp://example.org/x", "eventTypes", List.of("cn.dcjk.plan.created"), "secret", SECRET),
                Map.of("url", "/relative", "eventTypes", List.of("cn.dcjk.plan.created"), "secret", SECRET),
                Map.of("url", url("/x"), "eventTypes", List.of("cn.dcjk.plan.created"), "secret", "short"))) {
            given().auth().oauth2(INTEGRATOR).contentType(ContentType.JSON).body(bad)
                    .when().post("/api/v1/webhooks/plans/subscriptions")
                    .then().statusCode(400).contentType("application/problem+json");
        }
    }

    @Test
    void outsideDevelopmentOnlyHttpsToPublicHostsIsAccepted() {
        for (String[] c : new String[][] {{"https://sync.example.gov.cn/hook", "ok"}, {"http://sync.example.gov.cn/hook", "bad"},
                {"https://127.0.0.1/hook", "bad"}, {"https://10.1.2.3/hook", "bad"}, {"https://192.168.0.9/hook", "bad"},
                {"https://169.254.169.254/latest", "bad"}, {"https://localhost/hook", "bad"}, {"https://[::1]/hook", "bad"},
                {"https://dcjk-plans.dcjk.svc/hook", "bad"}, {"https://user:pw@example.org/hook", "bad"}}) {
            List<Problem.FieldError> errors = new ArrayList<>();
            WebhookUrls.check(c[0], false, errors);
            assertEquals(c[1].equals("ok"), errors.isEmpty(), c[0] + " " + errors);
        }
    }

    private String subscribe(String token, String url, List<String> types) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", types, "secret", SECRET))
                .when().post("/api/v1/webhooks/plans/subscriptions")
                .then().statusCode(201).body("$", not(hasKey("secret"))).extract().path("id");
    }

    private List<Received> forPlan(String path, long plan) {
        List<Received> mine = new ArrayList<>();
        for (Received r : received) {
            if (r.headers().get("path").equals(path) && r.body().contains("\"subject\":\"plan/" + plan + "\"")) {
                mine.add(r);
            }
        }
        return mine;
    }

    private Received await(BooleanSupplier done, String path, long plan) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                List<Received> mine = forPlan(path, plan);
                return mine.get(mine.size() - 1);
            }
            Thread.sleep(100);
        }
        fail("nothing received at " + path + " for plan " + plan + "; received: " + received);
        return null;
    }
}
