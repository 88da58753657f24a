package cn.dcjk.inspections.outbox;

import cn.dcjk.common.data.outbox.Outbox;
import cn.dcjk.common.data.outbox.OutboxRelay;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static cn.dcjk.inspections.Fixtures.stubUrl;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relay claims with a lease and delivers outside the claiming transaction: four relays beside
 * the scheduled one (replicas, in effect) share a backlog and every message reaches the receiver
 * exactly once; a lease held by a relay that died is respected until it expires, then the message
 * is taken over and delivered once.
 */
@QuarkusTest
class OutboxRelayTest {

    static final String SINK = "/api/v1/relay-sink";

    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    EntityManager em;

    @Test
    void concurrentRelaysDeliverEveryMessageExactlyOnce() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add(UUID.randomUUID());
        }
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < ids.size(); i++) {
                outbox.enqueue(ids.get(i), "accountability", SINK, Map.of("n", i));
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> relays = new ArrayList<>();
        try {
            for (int r = 0; r < 4; r++) {
                String claimant = "test-relay-" + r;
                Callable<Integer> work = () -> {
                    int claimed = 0;
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (undelivered(ids) > 0 && System.nanoTime() < deadline) {
                        claimed += relay.relayOnce(claimant);
                    }
                    return claimed;
                };
                relays.add(pool.submit(work));
            }
            int working = 0;
            for (Future<Integer> f : relays) {
                working += f.get(90, TimeUnit.SECONDS) > 0 ? 1 : 0;
            }
            assertTrue(working >= 2, "the backlog was shared: " + working + " relays claimed messages");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, undelivered(ids));
        JsonPath sink = sink();
        for (UUID id : ids) {
            assertEquals(1, sink.getInt("counts.'" + id + "'"), "deliveries of " + id);
        }
        assertEquals(0L, count("SELECT count(*) FROM outbox_message WHERE claimed_by IS NOT NULL AND id IN ("
                + quoted(ids) + ")"));
    }

    @Test
    void aLeaseOfADeadRelayIsRespectedUntilItExpiresThenTakenOver() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(id, "accountability", SINK, Map.of("n", -1)));
        // a relay claimed it and died mid-delivery
        execute("UPDATE outbox_message SET claimed_by = 'dead-relay', claimed_until = now() + interval '1 hour' "
                + "WHERE id = '" + id + "'");
        for (int i = 0; i < 3; i++) {
            relay.relayOnce("test-relay-live");
        }
        assertEquals(1, undelivered(List.of(id)), "a running lease is left alone");
        assertTrue(sink().getMap("counts").get(id.toString()) == null);

        execute("UPDATE outbox_message SET claimed_until = now() - interval '1 second' WHERE id = '" + id + "'");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            relay.relayOnce("test-relay-live");
            return undelivered(List.of(id)) == 0;
        });
        assertEquals(1, sink().getInt("counts.'" + id + "'"));
    }

    @Test
    void aRetryThatGetsThroughMakesTheDestinationsBackedOffMessagesDueAtOnce() {
        UUID retry = UUID.randomUUID();
        List<UUID> waiting = List.of(UUID.randomUUID(), UUID.randomUUID());
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.enqueue(retry, "accountability", SINK, Map.of("n", -2));
            waiting.forEach(id -> outbox.enqueue(id, "accountability", SINK, Map.of("n", -3)));
        });
        // the receiver was down a while: one message is due for its fourth try, two wait out long backoffs
        execute("UPDATE outbox_message SET attempts = 3, next_attempt_at = now() WHERE id = '" + retry + "'");
        execute("UPDATE outbox_message SET attempts = 8, next_attempt_at = now() + interval '5 minutes' WHERE id IN ("
                + quoted(waiting) + ")");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            relay.relayOnce("test-relay-wake");
            return undelivered(List.of(retry)) == 0;
        });
        // the receiver is back: the others are sent now, not five minutes later
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            relay.relayOnce("test-relay-wake");
            return undelivered(waiting) == 0;
        });
        for (UUID id : waiting) {
            assertEquals(1, sink().getInt("counts.'" + id + "'"));
        }
    }

    static JsonPath sink() {
        return given().get(stubUrl() + "/_stub/sink").then().statusCode(200).extract().jsonPath();
    }

    long undelivered(List<UUID> ids) {
        return count("SELECT count(*) FROM outbox_message WHERE delivered_at IS NULL AND id IN (" + quoted(ids) + ")");
    }

    long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult())
                .longValue());
    }

    void execute(String sql) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql).executeUpdate());
    }

    static String quoted(List<UUID> ids) {
        return String.join(",", ids.stream().map(i -> "'" + i + "'").toList());
    }
}
