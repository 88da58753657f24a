package cn.dcjk.fullstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults under write load, through the gateway. Writers keep creating units (plans-service),
 * complaint letters (accountability-service, which asks plans-service) and direct demands the
 * gateway refuses (each refusal is delivered by the gateway's outbox to the back-tracing register),
 * each write retried with its Idempotency-Key until it is answered for good, while each service is
 * killed (-9) and restarted and PostgreSQL is stopped at once and restarted. Then it counts:
 * acknowledged writes lost (0), duplicates (0), refusals registered exactly once, 500s (0), 503s
 * without Retry-After (0), answers slower than the client's timeout (0). The stack's PostgreSQL is
 * durable ({@code LocalPostgres.startDurable()}: a commit is acknowledged once flushed), as in
 * production; a crash of the fast test server would lose its last commits by design.
 *
 * <p>Runs with {@code ./mvnw -pl full-stack-tests -am verify -Pfaults} (a few minutes); the default
 * build runs the smoke variant {@link #FAULTS_SMOKE} (PostgreSQL and inspections-service only) when
 * {@code -Dfaults=smoke}. Each answer and its latency are printed at the end.
 */
@Tag("faults")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultTest {

    static final List<String> FAULTS_FULL = List.of("plans-service", "inspections-service", "accountability-service",
            "gateway", "postgresql");
    static final List<String> FAULTS_SMOKE = List.of("inspections-service", "postgresql");
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(20);
    static final Duration WRITE_DEADLINE = Duration.ofSeconds(150);
    static final ObjectMapper JSON = new ObjectMapper();

    final Stack stack = new Stack();
    final String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();
    // HTTP/1.1 as browsers and API clients speak it to the ingress (no h2c upgrade on a request with a body)
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    Keycloak keycloak;

    // what the writers saw
    final Map<String, String> ackedUnits = new ConcurrentHashMap<>();        // code -> key
    final Map<String, Long> ackedLetters = new ConcurrentHashMap<>();        // accused name -> id
    final Map<String, String> refusals = new ConcurrentHashMap<>();          // decision id -> key
    final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();    // "status" -> count
    final List<String> defects = Collections.synchronizedList(new ArrayList<>());
    final AtomicLong slowest = new AtomicLong();
    final AtomicInteger unanswered = new AtomicInteger();
    final AtomicInteger abandoned = new AtomicInteger();

    @BeforeAll
    void start() {
        stack.start();
        keycloak = new Keycloak(stack.keycloakUrl(), Stack.REALM);
    }

    @AfterAll
    void stop() {
        stack.stop();
    }

    @Test
    void noAcknowledgedWriteIsLostNorDuplicatedAndEveryOutageAnswerIs503WithRetryAfter() throws Exception {
        List<String> faults = "full".equals(System.getProperty("faults", "full")) ? FAULTS_FULL : FAULTS_SMOKE;
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(3);
        AtomicInteger seq = new AtomicInteger();
        for (int w = 0; w < 3; w++) {
            int kind = w;
            writers.submit(() -> {
                while (writing.get()) {
                    int n = seq.incrementAndGet();
                    switch (kind) {
                        case 0 -> writeUnit(n);
                        case 1 -> writeLetter(n);
                        default -> demandDirectly(n);
                    }
                }
                return null;
            });
        }
        pause(5000);
        for (String fault : faults) {
            long at = System.nanoTime();
            if (fault.equals("postgresql")) {
                stack.crashDatabase();
                pause(5000);
                stack.restartDatabase();
            } else {
                stack.kill(fault);
                pause(3000);
                stack.startAgain(fault);
            }
            System.out.printf("FAULT %s: down and back in %d ms%n", fault, (System.nanoTime() - at) / 1_000_000);
            pause(5000);
        }
        writing.set(false);
        writers.shutdown();
        assertTrue(writers.awaitTermination(WRITE_DEADLINE.toSeconds() + 30, TimeUnit.SECONDS), "writers finished");

        int lostUnits = 0;
        for (String code : ackedUnits.keySet()) {
            if (call("GET", "/api/v1/units/" + code, "admin", null, null).statusCode() != 200) {
                lostUnits++;
            }
        }
        Map<String, Integer> letters = lettersByAccused();
        int lostLetters = 0;
        int duplicateLetters = 0;
        for (Map.Entry<String, Long> e : ackedLetters.entrySet()) {
            int stored = letters.getOrDefault(e.getKey(), 0);
            lostLetters += stored == 0 ? 1 : 0;
        }
        for (int count : letters.values()) {
            duplicateLetters += Math.max(0, count - 1);
        }
        Map<String, Integer> registered = awaitRegistered();
        int notDelivered = 0;
        int deliveredTwice = 0;
        for (String decision : refusals.keySet()) {
            int c = registered.getOrDefault(decision, 0);
            notDelivered += c == 0 ? 1 : 0;
            deliveredTwice += c > 1 ? 1 : 0;
            if (c != 1) {
                System.out.printf("FAULTS decision %s registered %d times%n", decision, c);
            }
        }
        System.out.printf("FAULTS %s: acked units %d (lost %d), letters %d (lost %d, duplicates %d), refusals %d "
                        + "(not registered %d, registered twice %d); answers %s; unanswered attempts %d, abandoned writes %d; "
                        + "slowest answer %d ms%n", faults, ackedUnits.size(), lostUnits, ackedLetters.size(), lostLetters,
                duplicateLetters, refusals.size(), notDelivered, deliveredTwice, new java.util.TreeMap<>(answers),
                unanswered.get(), abandoned.get(), slowest.get());
        assertTrue(ackedUnits.size() > 10 && ackedLetters.size() > 10 && refusals.size() > 10, "the load wrote");
        assertEquals(0, lostUnits, "acknowledged units lost");
        assertEquals(0, lostLetters, "acknowledged letters lost");
        assertEquals(0, duplicateLetters, "letters written twice");
        assertEquals(0, notDelivered, "refusals never registered");
        assertEquals(0, deliveredTwice, "refusals registered twice");
        assertEquals(List.of(), defects, "answers that are not 2xx, the refusal, or 503 with Retry-After");
        assertTrue(slowest.get() < CLIENT_TIMEOUT.toMillis(), "an answer took " + slowest.get() + " ms");
        assertEquals(0, abandoned.get(), "writes not answered for good within " + WRITE_DEADLINE.toSeconds() + " s");
    }

    // --------------------------------------------------------------------------------------- the writes

    void writeUnit(int n) {
        String code = "370102-D-F" + run + n;
        String body = "{\"code\":\"" + code + "\",\"name\":\"故障测试局" + n + "\",\"level\":\"COUNTY\","
                + "\"kind\":\"DEPARTMENT\",\"branch\":\"GOVERNMENT\",\"regionCode\":\"370102\",\"parentCode\":\"370102-GOV\"}";
        HttpResponse<String> r = untilFinal("POST", "/api/v1/units", "admin", body, 201);
        if (r != null && r.statusCode() == 201) {
            ackedUnits.put(code, code);
        }
    }

    void writeLetter(int n) {
        String accused = "故障" + run + "-" + n;
        String body = "{\"handlerUnitCode\":\"370000-DIS\",\"anonymous\":true,\"accusedName\":\"" + accused + "\","
                + "\"accusedUnitCode\":\"370102-D-ENV\",\"accusedPosition\":\"科长\",\"content\":\"反映其违规收受礼金（故障测试）\"}";
        HttpResponse<String> r = untilFinal("POST", "/api/v1/complaints", "complaint-handler", body, 201);
        if (r != null && r.statusCode() == 201) {
            ackedLetters.put(accused, json(r).path("id").asLong());
        }
    }

    void demandDirectly(int n) {
        String body = "{\"kind\":\"ACCOUNTABILITY_DEMAND\",\"recipientUnitCode\":\"370102-DIS\",\"subjects\":[{\"name\":\"张"
                + n + "\",\"unitCode\":\"370102-D-ENV\",\"position\":\"局长\",\"leadershipMember\":true}],"
                + "\"inspectionId\":1,\"findingId\":1,\"problem\":\"故障测试 " + run + "-" + n + "\"}";
        HttpResponse<String> r = untilFinal("POST", "/api/v1/accountability/referrals", "inspection-team", body, 403);
        if (r != null && r.statusCode() == 403) {
            String decision = json(r).path("decisionId").asText(null);
            if (decision != null) {
                refusals.put(decision, String.valueOf(n));
            }
        }
    }

    /** Sends the write with one Idempotency-Key until it is answered for good (not 429/502/503/504, not unanswered). */
    HttpResponse<String> untilFinal(String method, String path, String user, String body, int expected) {
        String key = "fault-" + UUID.randomUUID();
        long deadline = System.nanoTime() + WRITE_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = call(method, path, user, body, key);
            if (r == null) {
                pause(500);
                continue;
            }
            int status = r.statusCode();
            answers.computeIfAbsent(path + " " + status, k -> new AtomicInteger()).incrementAndGet();
            if (status == 429) {
                // the gateway's rate limit throttles the writers' retry storm: a client matter, not an outage
                if (r.headers().firstValue("Retry-After").isEmpty()) {
                    defects.add(method + " " + path + " answered 429 without Retry-After: " + r.body());
                }
                pause(1000L * r.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L));
                continue;
            }
            if (status == 503 || status == 502 || status == 504) {
                if (status != 503 || r.headers().firstValue("Retry-After").isEmpty()) {
                    defects.add(method + " " + path + " answered " + status + " without Retry-After: " + r.body());
                }
                pause(Math.min(2000, 1000L * r.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L)));
                continue;
            }
            if (status != expected && !(status == 201 && expected == 201)) {
                if (status >= 500) {
                    defects.add(method + " " + path + " answered " + status + ": " + r.body());
                } else if (status != 401) {
                    defects.add(method + " " + path + " answered " + status + " instead of " + expected + ": " + r.body());
                }
                if (status == 401) { // a token minted by a Keycloak whose keys the restarted service is still fetching
                    pause(500);
                    continue;
                }
            }
            return r;
        }
        abandoned.incrementAndGet();
        return null;
    }

    HttpResponse<String> call(String method, String path, String user, String body, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).timeout(CLIENT_TIMEOUT)
                .header("Accept-Language", "en");
        try {
            b.header("Authorization", "Bearer " + keycloak.token(user));
        } catch (RuntimeException | AssertionError e) {
            unanswered.incrementAndGet();
            return null;
        }
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            slowest.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
            return r;
        } catch (java.net.http.HttpTimeoutException e) {
            slowest.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
            defects.add(method + " " + path + " not answered within " + CLIENT_TIMEOUT.toSeconds() + " s");
            return null;
        } catch (IOException e) {
            unanswered.incrementAndGet(); // the gateway itself is down: connection refused
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --------------------------------------------------------------------------------------- counting

    Map<String, Integer> lettersByAccused() {
        Map<String, Integer> counts = new HashMap<>();
        for (int page = 0; ; page++) {
            HttpResponse<String> answer = call("GET", "/api/v1/complaints?size=200&page=" + page, "complaint-handler",
                    null, null);
            if (answer == null || answer.statusCode() != 200) {
                throw new AssertionError("the letters could not be read: "
                        + (answer == null ? "no answer" : answer.statusCode() + " " + answer.body()));
            }
            JsonNode p = json(answer);
            for (JsonNode l : p.path("items")) {
                String accused = l.path("accusedName").asText();
                if (accused.startsWith("故障" + run + "-")) {
                    counts.merge(accused, 1, Integer::sum);
                }
            }
            if (p.path("items").size() < 200) {
                return counts;
            }
        }
    }

    /** Waits (up to two minutes) until every refusal reached the register, then counts them by decision. */
    Map<String, Integer> awaitRegistered() {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        Map<String, Integer> counts = Map.of();
        while (System.nanoTime() < deadline) {
            counts = registered();
            if (counts.keySet().containsAll(refusals.keySet())) {
                pause(5000); // a late second delivery would show now
                return registered();
            }
            pause(2000);
        }
        return counts;
    }

    Map<String, Integer> registered() {
        Map<String, Integer> counts = new HashMap<>();
        for (int page = 0; ; page++) {
            HttpResponse<String> answer = call("GET", "/api/v1/backtracing?kind=DIRECT_DEMAND_REFUSED&size=200&page="
                    + page, "auditor", null, null);
            if (answer == null || answer.statusCode() != 200) {
                throw new AssertionError("the register could not be read: "
                        + (answer == null ? "no answer" : answer.statusCode() + " " + answer.body()));
            }
            JsonNode p = json(answer);
            for (JsonNode r : p.path("items")) {
                if ("GATEWAY".equals(r.path("source").asText())) {
                    counts.merge(r.path("sourceEventId").asText(), 1, Integer::sum);
                }
            }
            if (p.path("items").size() < 200) {
                return counts;
            }
        }
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return r == null ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
