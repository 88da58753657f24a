package cn.dcjk.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Article 27's side doors (issue: one reading of each request): every row of {@link SideDoors} is
 * sent over HTTP/1.1 exactly as spelled, and over HTTP/2 both with prior knowledge and by h2c upgrade;
 * each is answered (never left hanging) with its refusal, and none reaches a service.
 */
@QuarkusTest
class SideDoorsTest {

    static Vertx vertx;
    /** One of the origins the gateway's CORS allows (quarkus.http.cors.origins). */
    static final String ALLOWED_ORIGIN = "http://localhost:3000";

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    @Test
    void everySideDoorIsRefusedOnHttp1AndHttp2AndNothingReachesAService() throws Exception {
        List<SideDoors.Row> rows = SideDoors.rows();
        assertTrue(rows.size() >= 150, "the table holds " + rows.size() + " rows");
        synchronized (TestUpstream.WRITES) {
            TestUpstream.WRITES.clear();
        }
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        HttpClient priorKnowledge = vertx.createHttpClient(new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false));
        HttpClient upgrade = vertx.createHttpClient(new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(true));
        for (SideDoors.Row row : rows) {
            int status = http1(row);
            sent++;
            if (status != row.status()) {
                wrong.add("HTTP/1.1 " + row.name() + ": " + status + " instead of " + row.status());
            }
            // a browser's request (with an Origin) goes the whole way through CORS, one without it the short
            // way in (Gateway#early): the same row must meet the same answer on both
            if (!row.headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Origin"))) {
                Map<String, String> withOrigin = new java.util.LinkedHashMap<>(row.headers());
                withOrigin.put("Origin", ALLOWED_ORIGIN);
                int fromBrowser = http1(new SideDoors.Row(row.name(), row.method(), row.target(), withOrigin, row.body(),
                        row.http1Only(), row.status()));
                sent++;
                if (fromBrowser != row.status()) {
                    wrong.add("HTTP/1.1 with Origin " + row.name() + ": " + fromBrowser + " instead of " + row.status());
                }
            }
            if (!row.http1Only()) {
                for (HttpClient client : List.of(priorKnowledge, upgrade)) {
                    int s2 = http2(client, row);
                    sent++;
                    if (s2 != row.status()) {
                        wrong.add((client == upgrade ? "h2c upgrade " : "HTTP/2 ") + row.name() + ": " + s2
                                + " instead of " + row.status());
                    }
                }
            }
        }
        assertEquals(List.of(), wrong, "rows answered otherwise than refused");
        assertTrue(sent >= 450, "sent " + sent);
        synchronized (TestUpstream.WRITES) {
            assertEquals(0, TestUpstream.WRITES.size(), "writes that reached a service: " + TestUpstream.WRITES.encode());
        }
    }

    @Test
    void aDirectDemandRefusedAfterReadingTheBodyIsAnsweredOverHttp2() throws Exception {
        HttpClient h2 = vertx.createHttpClient(new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false));
        SideDoors.Row row = new SideDoors.Row("h2", "POST", "/api/v1/accountability/referrals",
                SideDoors.json(SideDoors.TEAM), "{\"recipientUnitCode\":\"370102-DIS\"}", false, 403);
        JsonObject answer = new JsonObject(send(h2, row).getString("body"));
        assertEquals("NO-DIRECT-DEMAND", answer.getString("rule"));
        assertEquals("370000-D-ENV", answer.getJsonObject("lawfulRoute").getString("recipientUnitCode"));
    }

    @Test
    void anAdmittedWriteIsForwardedOverHttp2PriorKnowledgeAndUpgrade() throws Exception {
        for (boolean upgrade : new boolean[] {false, true}) {
            HttpClient h2 = vertx.createHttpClient(new HttpClientOptions()
                    .setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(upgrade));
            SideDoors.Row row = new SideDoors.Row("h2 write", "POST", "/api/v1/plans",
                    SideDoors.json(cn.dcjk.testing.Tokens.token("planner", "planner", "370000-D-ENV")),
                    "{\"title\":\"计划\"}", false, 200);
            JsonObject answer = send(h2, row);
            assertEquals(200, answer.getInteger("status"), answer.encode());
            assertEquals("{\"title\":\"计划\"}", new JsonObject(answer.getString("body")).getString("body"));
        }
    }

    static int http1(SideDoors.Row row) throws Exception {
        byte[] body = row.body() == null ? new byte[0] : row.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(row.method() + " " + row.target() + " HTTP/1.1\r\nHost: localhost\r\n");
        for (Map.Entry<String, String> h : row.headers().entrySet()) {
            head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        return RawHttp.send(RestAssured.port, head.toString(), body).status();
    }

    static int http2(HttpClient client, SideDoors.Row row) throws Exception {
        return send(client, row).getInteger("status");
    }

    static JsonObject send(HttpClient client, SideDoors.Row row) throws Exception {
        RequestOptions o = new RequestOptions().setMethod(HttpMethod.valueOf(row.method())).setHost("127.0.0.1")
                .setPort(RestAssured.port).setURI(row.target()).setTimeout(10_000);
        row.headers().forEach(o::putHeader);
        return client.request(o)
                .compose(r -> r.send(Buffer.buffer(row.body() == null ? "" : row.body())))
                .compose(r -> r.body().map(b -> new JsonObject().put("status", r.statusCode())
                        .put("version", r.version().name()).put("body", b.toString())))
                .toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
    }
}
