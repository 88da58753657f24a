package cn.dcjk.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An upstream for the gateway's own tests: it echoes what reached it (method, path, query,
 * headers, body) and answers the two directory questions the policy asks, from a small table
 * of the seed's units. The full-stack test runs the gateway against the real services.
 */
public class TestUpstream implements QuarkusTestResourceLifecycleManager {

    static final Map<String, JsonObject> UNITS = Map.of(
            "370000-D-ENV", unit("370000-D-ENV", "山东省生态环境厅", "DEPARTMENT", "PROVINCE", "370000"),
            "370000-DIS", unit("370000-DIS", "中共山东省纪律检查委员会", "DISCIPLINE_COMMISSION", "PROVINCE", "370000"),
            "370102-DIS", unit("370102-DIS", "历下区纪委监委", "DISCIPLINE_COMMISSION", "COUNTY", "370102"),
            "370102-PC", unit("370102-PC", "中共济南市历下区委", "PARTY_COMMITTEE", "COUNTY", "370102"),
            "370102-GOV", unit("370102-GOV", "济南市历下区人民政府", "GOVERNMENT", "COUNTY", "370102"),
            "370102-ORG", unit("370102-ORG", "中共济南市历下区委组织部", "ORGANIZATION_DEPARTMENT", "COUNTY", "370102"),
            "370102-D-EDU", unit("370102-D-EDU", "历下区教育和体育局", "DEPARTMENT", "COUNTY", "370102"));

    /** Every write that reached the upstream (method, uri as received, body, stamp), for the side-door tables. */
    static final io.vertx.core.json.JsonArray WRITES = new io.vertx.core.json.JsonArray();

    private Vertx vertx;
    /** Back-tracing records received, with the Idempotency-Key they came with. */
    private final io.vertx.core.json.JsonArray received = new io.vertx.core.json.JsonArray();
    private volatile boolean backtracingDown;

    static JsonObject unit(String code, String name, String kind, String level, String region) {
        return new JsonObject().put("code", code).put("name", name).put("kind", kind).put("level", level)
                .put("regionCode", region);
    }

    static String prefix(String region) {
        String p = region;
        while (p.length() > 2 && p.endsWith("00")) {
            p = p.substring(0, p.length() - 2);
        }
        return p;
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            String path = req.path();
            if (path.equals("/q/health/live")) {
                req.response().end("{\"status\":\"UP\"}");
                return;
            }
            if (path.equals("/test/backtracing")) {
                if (req.method().name().equals("DELETE")) {
                    backtracingDown = true;
                } else if (req.method().name().equals("PUT")) {
                    backtracingDown = false;
                }
                synchronized (received) {
                    req.response().putHeader("Content-Type", "application/json").end(received.encode());
                }
                return;
            }
            if (path.equals("/api/v1/backtracing") && req.method().name().equals("POST")) {
                if (backtracingDown) {
                    req.response().setStatusCode(503).end();
                    return;
                }
                synchronized (received) {
                    String key = req.getHeader("Idempotency-Key");
                    boolean seen = received.stream().anyMatch(o -> key != null && key.equals(((JsonObject) o).getString("key")));
                    if (!seen) {
                        received.add(new JsonObject().put("key", key).put("body", body.toJsonObject()));
                    }
                    req.response().setStatusCode(seen ? 200 : 201).end("{}");
                }
                return;
            }
            if (path.equals("/test/received")) {
                synchronized (WRITES) {
                    if (req.method().name().equals("DELETE")) {
                        WRITES.clear();
                    }
                    req.response().putHeader("Content-Type", "application/json").end(WRITES.encode());
                }
                return;
            }
            if (!req.method().name().equals("GET") && !req.method().name().equals("HEAD")
                    && !req.method().name().equals("OPTIONS")) {
                synchronized (WRITES) {
                    WRITES.add(new JsonObject().put("method", req.method().name()).put("uri", req.uri())
                            .put("body", body.toString()).put("stamp", req.getHeader("Dcjk-Admission")));
                }
            }
            if (path.equals("/api/v1/plans/located")) {
                req.response().setStatusCode(201)
                        .putHeader("Location", "http://127.0.0.1:" + req.localAddress().port() + "/api/v1/plans/9")
                        .putHeader("Content-Location", "/api/v1/plans/9").end("{}");
                return;
            }
            if (path.startsWith("/api/v1/slow-things")) {
                vertx.setTimer(3000, t -> req.response().end("late"));
                return;
            }
            if (path.startsWith("/api/v1/units/")) {
                String[] parts = path.substring("/api/v1/units/".length()).split("/");
                JsonObject unit = UNITS.get(parts[0]);
                if (unit == null || (parts.length == 3 && !UNITS.containsKey(parts[2]))) {
                    req.response().setStatusCode(404).end("{}");
                } else if (parts.length == 3 && parts[1].equals("lower-than")) {
                    String mine = prefix(unit.getString("regionCode"));
                    String theirs = prefix(UNITS.get(parts[2]).getString("regionCode"));
                    boolean lower = mine.length() > theirs.length() && mine.startsWith(theirs);
                    req.response().putHeader("Content-Type", "application/json")
                            .end(new JsonObject().put("lower", lower).encode());
                } else {
                    req.response().putHeader("Content-Type", "application/json").end(unit.encode());
                }
                return;
            }
            JsonObject headers = new JsonObject();
            req.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
            req.response().putHeader("Content-Type", "application/json")
                    .putHeader("Connection", "keep-alive, X-Upstream-Private")
                    .putHeader("X-Upstream-Private", "secret")
                    .end(new JsonObject().put("method", req.method().name()).put("path", path)
                            .put("query", req.query()).put("uri", req.uri()).put("headers", headers).put("body", body.toString()).encode());
        }));
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String url = "http://127.0.0.1:" + server.actualPort();
        return Map.ofEntries(
                Map.entry("dcjk.gateway.upstreams.plans.url", url),
                Map.entry("dcjk.gateway.upstreams.inspections.url", url),
                Map.entry("dcjk.gateway.upstreams.accountability.url", url),
                Map.entry("dcjk.gateway.upstreams.accountability.timeout", "1s"),
                Map.entry("dcjk.gateway.upstreams.slow.url", url),
                Map.entry("dcjk.gateway.upstreams.slow.prefixes", "/api/v1/slow-things"),
                Map.entry("dcjk.gateway.upstreams.slow.timeout", "1s"),
                Map.entry("dcjk.gateway.upstreams.down.url", "http://127.0.0.1:9"),
                Map.entry("dcjk.gateway.upstreams.down.prefixes", "/api/v1/down-things"),
                Map.entry("dcjk.gateway.upstreams.down.breaker-failures", "2"),
                Map.entry("dcjk.gateway.upstreams.down.breaker-open-for", "1m"),
                Map.entry("dcjk.directory.url", url),
                Map.entry("dcjk.gateway.rate-limit.per-second", "100000"),
                Map.entry("dcjk.gateway.rate-limit.burst", "100000"),
                Map.entry("dcjk.admission.key", cn.dcjk.testing.GatewayStamps.KEY_BASE64),
                Map.entry("dcjk.outbox.destinations.accountability.url", url),
                Map.entry("dcjk.outbox.every", "1s"));
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
