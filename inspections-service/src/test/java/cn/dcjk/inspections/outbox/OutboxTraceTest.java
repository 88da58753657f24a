package cn.dcjk.inspections.outbox;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import static cn.dcjk.inspections.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One trace from the caller (the gateway's traceparent) through this service's write, the outbox
 * row and its delivery, into the receiving service: the receiver gets a traceparent of the same
 * trace whose parent is the relay's delivery span, itself a descendant of the request's server span.
 */
@QuarkusTest
class OutboxTraceTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theDeliveryContinuesTheTraceOfTheRequestThatWroteIt() {
        String traceId = hex(16);
        String callerSpan = hex(8);
        long id = comprehensive();
        long commendation = given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .body(Map.of("inspectionId", id, "unitCode", "370102-GOV", "reason", "营商环境改善成效突出"))
                .when().post("/api/v1/commendations")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        Map<String, Object> arrived = awaitArrival("exemptions", "sourceId", commendation).get(0);
        String received = (String) arrived.get("traceparent");
        assertTrue(received != null && received.startsWith("00-" + traceId + "-"), "the receiver's traceparent: " + received);
        String deliverySpanId = received.split("-")[2];
        assertNotEquals(callerSpan, deliverySpanId);

        await().atMost(Duration.ofSeconds(20)).until(() -> span(traceId, deliverySpanId).isPresent());
        SpanData delivery = span(traceId, deliverySpanId).orElseThrow();
        assertEquals(SpanKind.CLIENT, delivery.getKind());
        assertEquals("POST outbox plans", delivery.getName());
        // up the parents: the delivery descends from this service's server span, whose parent is the caller
        SpanData server = delivery;
        for (int i = 0; i < 10 && server.getKind() != SpanKind.SERVER; i++) {
            String parent = server.getParentSpanId();
            await().atMost(Duration.ofSeconds(20)).until(() -> span(traceId, parent).isPresent());
            server = span(traceId, parent).orElseThrow();
        }
        assertEquals(SpanKind.SERVER, server.getKind());
        assertEquals(callerSpan, server.getParentSpanId());
    }

    Optional<SpanData> span(String traceId, String spanId) {
        List<SpanData> finished = spans.getFinishedSpanItems();
        return finished.stream().filter(s -> s.getTraceId().equals(traceId) && s.getSpanId().equals(spanId)).findFirst();
    }

    static long comprehensive() {
        long id = open(GOV_TEAM, "DCJK-2026-0100", false, List.of("370102-GOV", "370112-GOV", "370202-GOV"));
        long entry = itinerary(GOV_TEAM, id, "370102-GOV", TODAY);
        visit(GOV_TEAM, id, entry, "370102-GOV", cleanReception());
        given().auth().oauth2(GOV_TEAM).contentType(ContentType.JSON)
                .body(results("370102-GOV", List.of())).when().post("/api/v1/inspections/" + id + "/results")
                .then().statusCode(200);
        return id;
    }

    static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1;
        return HexFormat.of().formatHex(b);
    }
}
