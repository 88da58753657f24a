package cn.dcjk.gateway.proxy;

import cn.dcjk.gateway.route.UpstreamClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * One OpenAPI document for the suite at the gateway's /q/openapi: the gateway's own and the three
 * services', paths and schemas merged, cached for a minute. Swagger UI at /q/swagger-ui reads it.
 */
@ApplicationScoped
public class OpenApiMerger {

    public static final String PATH = "/q/openapi";
    /** Marks the gateway's request for its own document, which Quarkus serves. */
    static final String OWN = "X-Dcjk-Own-OpenApi";

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;
    @ConfigProperty(name = "quarkus.http.test-port", defaultValue = "8081")
    int testPort;
    @ConfigProperty(name = "quarkus.profile", defaultValue = "prod")
    String profile;

    private HttpClient client;
    private volatile JsonObject cached;
    private volatile long cachedAt;

    boolean merges(HttpServerRequest req) {
        return req.getHeader(OWN) == null;
    }

    void serve(RoutingContext rc, List<UpstreamClient> upstreams) {
        if (cached != null && System.nanoTime() - cachedAt < 60_000_000_000L) {
            send(rc, cached);
            return;
        }
        if (client == null) {
            client = vertx.createHttpClient();
        }
        int self = rc.request().localAddress() == null ? port : rc.request().localAddress().port();
        List<Future<JsonObject>> docs = new ArrayList<>();
        docs.add(fetch("127.0.0.1", self, true));
        for (UpstreamClient u : upstreams) {
            docs.add(fetch(u.host, u.port, false).otherwise(new JsonObject()));
        }
        Future.join(docs).onComplete(ar -> {
            JsonObject merged = docs.get(0).succeeded() ? docs.get(0).result().copy() : new JsonObject();
            merged.put("info", new JsonObject().put("title", "dcjk suite").put("version", "1.0.0")
                    .put("description", "督查检查考核统筹: the gateway and the three services behind it"));
            JsonObject paths = merged.getJsonObject("paths", new JsonObject());
            JsonObject components = merged.getJsonObject("components", new JsonObject());
            JsonObject schemas = components.getJsonObject("schemas", new JsonObject());
            for (int i = 1; i < docs.size(); i++) {
                JsonObject doc = docs.get(i).succeeded() ? docs.get(i).result() : new JsonObject();
                doc.getJsonObject("paths", new JsonObject()).forEach(e -> {
                    if (!paths.containsKey(e.getKey())) {
                        paths.put(e.getKey(), e.getValue());
                    }
                });
                doc.getJsonObject("components", new JsonObject()).getJsonObject("schemas", new JsonObject())
                        .forEach(e -> {
                            if (!schemas.containsKey(e.getKey())) {
                                schemas.put(e.getKey(), e.getValue());
                            }
                        });
            }
            components.put("schemas", schemas);
            merged.put("paths", paths).put("components", components);
            cached = merged;
            cachedAt = System.nanoTime();
            send(rc, merged);
        });
    }

    private Future<JsonObject> fetch(String host, int port, boolean own) {
        RequestOptions o = new RequestOptions().setMethod(HttpMethod.GET).setHost(host).setPort(port)
                .setURI(PATH + "?format=json").setIdleTimeout(5000);
        if (own) {
            o.putHeader(OWN, "1");
        }
        return client.request(o).compose(r -> r.send()).compose(r -> r.body())
                .map(b -> b.toJsonObject());
    }

    private static void send(RoutingContext rc, JsonObject doc) {
        rc.response().putHeader("Content-Type", "application/json").end(doc.encode());
    }
}
