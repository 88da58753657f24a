package cn.dcjk.inspections;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers like plans-service (approvals, units, exemptions) and accountability-service (the
 * back-tracing register) for this module's tests. Tests steer it over HTTP (/_stub/...), so no
 * state is shared across class loaders: take a part down, bring it up, read what arrived. POST
 * /api/v1/relay-sink counts outbox deliveries by Idempotency-Key (read at /_stub/sink).
 */
public class ServicesStub implements QuarkusTestResourceLifecycleManager {

    /** The county environment departments: the population of the sampled item DCJK-2026-0007. */
    public static final List<String> COUNTY_ENV = List.of("370102-D-ENV", "370112-D-ENV", "370202-D-ENV",
            "370211-D-ENV", "370303-D-ENV", "370304-D-ENV");

    private Vertx vertx;
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    private final Map<String, Map<String, JsonObject>> records = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> posts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> sink = new ConcurrentHashMap<>();
    private final Map<String, String> sinkTraces = new ConcurrentHashMap<>();

    static JsonObject approval(String code, String status, String organiser, List<String> targets, JsonObject sampling,
            boolean provincial) {
        LocalDate today = LocalDate.now();
        return new JsonObject().put("code", code).put("genuine", true).put("current", status.equals("CURRENT"))
                .put("status", status).put("itemId", Math.abs(code.hashCode() % 1000)).put("planId", 3)
                .put("title", "检查 " + code).put("category", "SPECIAL").put("activityWord", "检查")
                .put("organiserUnitCode", organiser).put("coOrganiserUnitCodes", new JsonArray())
                .put("onSite", true).put("targetUnitCodes", new JsonArray(targets))
                .put("targetScope", sampling == null ? null
                        : new JsonObject().put("levels", new JsonArray().add("COUNTY")).put("regionCode", "370000"))
                .put("sampling", sampling)
                .put("periodStart", today.minusDays(30).toString()).put("periodEnd", today.plusDays(90).toString())
                .put("validUntil", today.plusDays(365).toString()).put("provincialComprehensive", provincial)
                .put("unknownFutureField", "plans may add fields");
    }

    static Map<String, JsonObject> approvals() {
        Map<String, JsonObject> m = new LinkedHashMap<>();
        JsonObject sampling = new JsonObject().put("population", 6).put("sampleSize", 2).put("exceptionGranted", false);
        m.put("DCJK-2026-0007", approval("DCJK-2026-0007", "CURRENT", "370000-D-ENV", COUNTY_ENV, sampling, false));
        m.put("DCJK-2026-0008", approval("DCJK-2026-0008", "CURRENT", "370000-D-ENV", COUNTY_ENV,
                new JsonObject().put("population", 6).put("sampleSize", 4).put("exceptionGranted", true), false));
        m.put("DCJK-2025-0001", approval("DCJK-2025-0001", "EXPIRED", "370000-D-ENV", COUNTY_ENV, sampling, false));
        m.put("DCJK-2026-0009", approval("DCJK-2026-0009", "REVOKED", "370000-D-ENV", COUNTY_ENV, sampling, false));
        m.put("DCJK-2026-0100", approval("DCJK-2026-0100", "CURRENT", "370000-GOV",
                List.of("370102-GOV", "370112-GOV", "370202-GOV"), null, true));
        m.put("DCJK-2026-0101", approval("DCJK-2026-0101", "CURRENT", "370000-D-ENV",
                List.of("370102-D-ENV", "370112-D-ENV"), null, false));
        // approved as not on-site (article 10): no itinerary, no visit
        m.put("DCJK-2026-0102", approval("DCJK-2026-0102", "CURRENT", "370000-D-ENV",
                List.of("370102-D-ENV", "370112-D-ENV"), null, false).put("onSite", false));
        // one construction-site visit approved with its necessity
        m.put("DCJK-2026-0103", approval("DCJK-2026-0103", "CURRENT", "370000-D-ENV",
                List.of("370102-D-ENV", "370112-D-ENV"), null, false).put("constructionSiteVisits", 1));
        return m;
    }

    static JsonObject unit(String code) {
        String region = code.substring(0, 6);
        String kind = code.endsWith("-GO") ? "GOVERNMENT_OFFICE" : code.endsWith("-PO") ? "PARTY_OFFICE"
                : code.endsWith("-GOV") ? "GOVERNMENT" : code.endsWith("-PC") ? "PARTY_COMMITTEE"
                : code.endsWith("-DIS") ? "DISCIPLINE_COMMISSION" : code.contains("-D-") ? "DEPARTMENT" : "OTHER";
        String level = region.endsWith("0000") ? "PROVINCE" : region.endsWith("00") ? "CITY" : "COUNTY";
        return new JsonObject().put("code", code).put("name", code).put("nameEn", code).put("level", level)
                .put("kind", kind).put("branch", "NONE").put("regionCode", region).put("parentCode", null)
                .put("retired", false);
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, JsonObject> approvals = approvals();
        HttpServer server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            String path = req.path();
            if (path.startsWith("/_stub/")) {
                control(req, path.substring("/_stub/".length()));
                return;
            }
            if (path.equals("/q/health/ready")) {
                json(req, down.contains("health") ? 503 : 200, new JsonObject().put("status",
                        down.contains("health") ? "DOWN" : "UP"));
                return;
            }
            if (path.startsWith("/api/v1/approvals/")) {
                if (down.contains("approvals")) {
                    json(req, 503, new JsonObject().put("status", 503));
                    return;
                }
                JsonObject a = approvals.get(path.substring("/api/v1/approvals/".length()));
                json(req, a == null ? 404 : 200, a == null ? new JsonObject().put("status", 404) : a);
                return;
            }
            if (path.startsWith("/api/v1/units/")) {
                if (down.contains("units")) {
                    json(req, 503, new JsonObject());
                    return;
                }
                String code = path.substring("/api/v1/units/".length());
                json(req, code.length() < 6 || code.startsWith("X") ? 404 : 200,
                        code.length() < 6 ? new JsonObject() : unit(code));
                return;
            }
            if (req.method().name().equals("POST") && path.equals("/api/v1/relay-sink")) {
                // counts deliveries by Idempotency-Key and keeps the trace context they came with
                String key = req.getHeader("Idempotency-Key");
                sink.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                if (req.getHeader("traceparent") != null) {
                    sinkTraces.put(key, req.getHeader("traceparent"));
                }
                vertx.setTimer(5, t -> json(req, 201, new JsonObject()));
                return;
            }
            if (req.method().name().equals("POST")
                    && (path.equals("/api/v1/backtracing") || path.equals("/api/v1/exemptions"))) {
                String name = path.substring("/api/v1/".length());
                if (down.contains(name)) {
                    refused.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
                    req.connection().close();
                    return;
                }
                posts.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
                JsonObject in = body.toJsonObject();
                String key = name.equals("backtracing") ? in.getString("source") + "/" + in.getString("sourceEventId")
                        : in.getString("source") + "/" + in.getString("sourceId");
                Map<String, JsonObject> store = records.computeIfAbsent(name, k -> new ConcurrentHashMap<>());
                JsonObject existing = store.putIfAbsent(key, in.copy().put("idempotencyKey",
                        req.getHeader("Idempotency-Key")).put("authorized", req.getHeader("Authorization") != null)
                        .put("traceparent", req.getHeader("traceparent"))
                        .put("deliveries", 1));
                if (existing != null) {
                    existing.put("deliveries", existing.getInteger("deliveries") + 1);
                }
                json(req, existing == null ? 201 : 200, existing == null ? store.get(key) : existing);
                return;
            }
            json(req, 404, new JsonObject());
        }));
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the stub did not start", e);
        }
        String url = "http://127.0.0.1:" + server.actualPort();
        return Map.of("quarkus.rest-client.plans.url", url,
                "dcjk.outbox.destinations.accountability.url", url,
                "dcjk.outbox.destinations.plans.url", url,
                "dcjk.test.stub-url", url);
    }

    /** /_stub/{part}/down, /_stub/{part}/up, /_stub/records/{backtracing|exemptions}. */
    private void control(HttpServerRequest req, String command) {
        String[] parts = command.split("/");
        if (parts.length == 1 && parts[0].equals("sink")) {
            JsonObject counts = new JsonObject();
            sink.forEach((k, v) -> counts.put(k, v.get()));
            JsonObject traces = new JsonObject();
            sinkTraces.forEach(traces::put);
            json(req, 200, new JsonObject().put("counts", counts).put("traceparents", traces));
        } else if (parts.length == 2 && parts[1].equals("down")) {
            down.add(parts[0]);
            json(req, 200, new JsonObject());
        } else if (parts.length == 2 && parts[1].equals("up")) {
            down.remove(parts[0]);
            json(req, 200, new JsonObject());
        } else if (parts.length == 2 && parts[0].equals("records")) {
            List<JsonObject> list = new ArrayList<>(records.getOrDefault(parts[1], Map.of()).values());
            json(req, 200, new JsonObject().put("records", new JsonArray(new ArrayList<>(list)))
                    .put("posts", posts.getOrDefault(parts[1], new AtomicInteger()).get())
                    .put("refused", refused.getOrDefault(parts[1], new AtomicInteger()).get()));
        } else {
            json(req, 404, new JsonObject());
        }
    }

    private static void json(HttpServerRequest req, int status, JsonObject body) {
        req.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }
}
