package cn.dcjk.fullstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An integrator as the realm makes it: a provincial system added with deploy/keycloak/add-integrator.sh
 * gets its own client, subscribes through the gateway, and its receiver counts every event exactly
 * once (keyed on the CloudEvent id, signature checked) while the receiver refuses for a while and the
 * sending service is restarted in the middle of the work.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Webhooks to a provincial system, across a restart of the sender")
class WebhookDeliveryTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SECRET = "province-hub-shared-secret-0123456789";
    static final int BEFORE = 5;
    static final int AFTER = 5;

    final Stack stack = new Stack();
    Keycloak keycloak;
    HttpServer receiver;
    final Map<String, AtomicInteger> deliveriesByEvent = new ConcurrentHashMap<>();
    final Set<String> counted = ConcurrentHashMap.newKeySet();
    final AtomicInteger badSignatures = new AtomicInteger();
    final AtomicBoolean refusing = new AtomicBoolean();
    final int year = LocalDate.now().getYear() + 1;

    @BeforeAll
    void start() throws IOException {
        stack.start();
        keycloak = new Keycloak(stack.keycloakUrl(), Stack.REALM);
        RestAssured.baseURI = stack.gatewayUrl();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/events", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (refusing.get()) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            if (id == null || timestamp == null || signature == null
                    || !MessageDigest.isEqual(sign(id + "." + timestamp + "." + new String(body, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
                badSignatures.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
                return;
            }
            JsonNode event = JSON.readTree(body);
            String eventId = event.get("id").asText();
            deliveriesByEvent.computeIfAbsent(eventId, k -> new AtomicInteger()).incrementAndGet();
            counted.add(eventId); // the receiver's own exactly-once: it keys on the CloudEvent id
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    void stop() {
        if (receiver != null) {
            receiver.stop(0);
        }
        RestAssured.reset();
        stack.stop();
    }

    @Test
    @DisplayName("every plan.created event is counted once, across refusals and a restart of plans-service")
    void everyEventExactlyOnceAcrossARestart() throws Exception {
        String[] client = addIntegrator("province-hub", "370000-GO");
        String token = clientToken(client[0], client[1]);
        String subscription = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/events",
                        "eventTypes", List.of("cn.dcjk.plan.created"), "secret", SECRET))
                .when().post("/api/v1/webhooks/plans/subscriptions")
                .then().statusCode(201).extract().path("id");

        List<Long> plans = new ArrayList<>();
        refusing.set(true); // the province's system is down: deliveries are retried with backoff
        for (int k = 0; k < BEFORE; k++) {
            plans.add(plan("重启前计划" + k));
        }
        stack.restart("plans-service"); // the sender goes down with deliveries pending
        refusing.set(false);
        for (int k = 0; k < AFTER; k++) {
            plans.add(plan("重启后计划" + k));
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (counted.size() < plans.size() && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        Thread.sleep(3000); // anything sent twice would arrive by now
        assertEquals(0, badSignatures.get(), "every delivery was signed with the subscription's secret");
        assertEquals(plans.size(), counted.size(), "each event counted once: " + deliveriesByEvent);
        JsonPath log = given().auth().oauth2(clientToken(client[0], client[1]))
                .queryParam("limit", 200)
                .when().get("/api/v1/webhooks/plans/subscriptions/" + subscription + "/deliveries")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(plans.size(), log.getList("$").size(), "one delivery per event in the log");
        assertTrue(log.getList("state", String.class).stream().allMatch("DELIVERED"::equals), log.prettify());
        assertTrue(log.getList("attempts", Integer.class).stream().anyMatch(a -> a > 1),
                "the refused deliveries were retried");
        int resent = deliveriesByEvent.values().stream().mapToInt(AtomicInteger::get).sum() - counted.size();
        System.out.printf("webhooks: %d events, %d deliveries, %d sent again after the restart (deduplicated by id)%n",
                counted.size(), counted.size() + resent, resent);
    }

    private long plan(String title) {
        return given().auth().oauth2(keycloak.token("planner")).contentType(ContentType.JSON)
                .body(Map.of("type", "ANNUAL", "year", year, "title", title))
                .when().post("/api/v1/plans").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Runs the documented script against this Keycloak; returns client id and secret. */
    private String[] addIntegrator(String system, String unit) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", Path.of(System.getProperty("dcjk.suite.dir", ".."))
                .resolve("deploy/keycloak/add-integrator.sh").toString(), system, unit, "省数据共享交换平台")
                .redirectErrorStream(true);
        pb.environment().put("KCADM", stack.kcadm().toString());
        pb.environment().put("KEYCLOAK_URL", stack.keycloakUrl());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        Matcher id = Pattern.compile("client_id=(\\S+)").matcher(out);
        Matcher secret = Pattern.compile("client_secret=(\\S+)").matcher(out);
        assertTrue(id.find() && secret.find(), out);
        return new String[] {id.group(1), secret.group(1)};
    }

    private String clientToken(String clientId, String secret) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret)
                .when().post(stack.keycloakUrl() + "/realms/" + Stack.REALM + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    static String sign(String signingString) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signingString.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
