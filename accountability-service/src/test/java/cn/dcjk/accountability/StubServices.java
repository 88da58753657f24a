package cn.dcjk.accountability;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers like plans-service (units) and inspections-service (inspections, findings) from a small
 * table of the seed. It can go down and come back, or fail the next n calls, through
 * {@code GET /__control?service=plans|inspections&state=down|up&failNext=n}, so tests drive it
 * over HTTP whatever class loader they run in.
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {

    static final Map<String, JsonObject> UNITS = Map.ofEntries(
            unit("370000-D-ENV", "PROVINCE", "DEPARTMENT", "370000"),
            unit("370000-GO", "PROVINCE", "GOVERNMENT_OFFICE", "370000"),
            unit("370000-PO", "PROVINCE", "PARTY_OFFICE", "370000"),
            unit("370000-DIS", "PROVINCE", "DISCIPLINE_COMMISSION", "370000"),
            unit("370000-ORG", "PROVINCE", "ORGANIZATION_DEPARTMENT", "370000"),
            unit("370102-DIS", "COUNTY", "DISCIPLINE_COMMISSION", "370102"),
            unit("370102-ORG", "COUNTY", "ORGANIZATION_DEPARTMENT", "370102"),
            unit("370102-GOV", "COUNTY", "GOVERNMENT", "370102"),
            unit("370102-D-ENV", "COUNTY", "DEPARTMENT", "370102"),
            unit("370102-D-EDU", "COUNTY", "DEPARTMENT", "370102"),
            unit("370202-DIS", "COUNTY", "DISCIPLINE_COMMISSION", "370202"),
            unit("370202-D-EDU", "COUNTY", "DEPARTMENT", "370202"));

    static final Map<String, JsonObject> INSPECTIONS = Map.of(
            "1", new JsonObject().put("id", 1).put("itemId", 7).put("approvalCode", "DCJK-2026-0007")
                    .put("dispatchingUnitCode", "370000-D-ENV").put("title", "环保督查").put("status", "IN_PROGRESS")
                    .put("unannounced", false),
            "2", new JsonObject().put("id", 2).put("itemId", 8).put("approvalCode", "DCJK-2026-0008")
                    .put("dispatchingUnitCode", "370000-D-EDU").put("title", "教育检查").put("status", "IN_PROGRESS")
                    .put("unannounced", false));

    static final Map<String, JsonObject> FINDINGS = Map.of(
            "11", finding(11, 1, "INSPECTED_UNIT"),
            "12", finding(12, 1, "UPPER_LEVEL"),
            "21", finding(21, 2, "INSPECTED_UNIT"));

    private Vertx vertx;
    private final AtomicBoolean plansDown = new AtomicBoolean();
    private final AtomicBoolean inspectionsDown = new AtomicBoolean();
    private final AtomicInteger inspectionsFailNext = new AtomicInteger();

    static Map.Entry<String, JsonObject> unit(String code, String level, String kind, String region) {
        return Map.entry(code, new JsonObject().put("code", code).put("name", code).put("nameEn", code)
                .put("level", level).put("kind", kind).put("branch", "NONE").put("regionCode", region)
                .putNull("parentCode").put("retired", false));
    }

    static JsonObject finding(long id, long inspectionId, String side) {
        return new JsonObject().put("id", id).put("inspectionId", inspectionId).put("targetUnitCode", "370102-D-ENV")
                .put("problem", "台账不全").put("responsibleSide", side).put("deadline", "2026-12-31")
                .put("status", "OPEN");
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(this::handle);
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String url = "http://127.0.0.1:" + server.actualPort();
        return Map.of("quarkus.rest-client.plans.url", url, "quarkus.rest-client.inspections.url", url,
                "dcjk.test.stub.url", url);
    }

    private void handle(HttpServerRequest req) {
        String path = req.path();
        if (path.equals("/__control")) {
            AtomicBoolean flag = "plans".equals(req.getParam("service")) ? plansDown : inspectionsDown;
            if (req.getParam("state") != null) {
                flag.set("down".equals(req.getParam("state")));
            }
            if (req.getParam("failNext") != null) {
                inspectionsFailNext.set(Integer.parseInt(req.getParam("failNext")));
            }
            req.response().end("ok");
            return;
        }
        if (req.getHeader("Authorization") == null) {
            req.response().setStatusCode(401).end();
            return;
        }
        if (path.startsWith("/api/v1/units/")) {
            if (plansDown.get()) {
                req.response().setStatusCode(503).end();
                return;
            }
            answer(req, UNITS.get(path.substring("/api/v1/units/".length())));
            return;
        }
        if (inspectionsDown.get() || inspectionsFailNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            req.response().setStatusCode(503).end();
            return;
        }
        if (path.startsWith("/api/v1/inspections/")) {
            answer(req, INSPECTIONS.get(path.substring("/api/v1/inspections/".length())));
        } else if (path.startsWith("/api/v1/findings/")) {
            answer(req, FINDINGS.get(path.substring("/api/v1/findings/".length())));
        } else {
            req.response().setStatusCode(404).end();
        }
    }

    private static void answer(HttpServerRequest req, JsonObject body) {
        if (body == null) {
            req.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                    .end("{\"status\":404}");
        } else {
            req.response().putHeader("Content-Type", "application/json").end(body.encode());
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
