package cn.dcjk.gateway.proxy;

import cn.dcjk.common.openapi.SuiteDocument;
import cn.dcjk.gateway.route.UpstreamClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * One OpenAPI document for the suite at the gateway's /q/openapi: the gateway's own and the three
 * services', merged by {@link SuiteDocument} (the same code the build uses for the generated
 * client), cached for a minute. JSON by default; YAML with {@code ?format=yaml} or an Accept of
 * application/yaml. Swagger UI at /q/swagger-ui reads it. The security scheme names the public
 * Keycloak address ({@code dcjk.openapi.oidc-public-url}), which a browser can reach.
 */
@ApplicationScoped
public class OpenApiMerger {

    public static final String PATH = "/q/openapi";
    /** Marks the gateway's request for its own document, which Quarkus serves. */
    static final String OWN = "X-Dcjk-Own-OpenApi";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;
    @ConfigProperty(name = "dcjk.openapi.oidc-public-url")
    String oidcPublicUrl;
    @ConfigProperty(name = "quarkus.application.version", defaultValue = "1.0.0")
    String version;

    private HttpClient client;
    private volatile Rendered cached;
    private volatile long cachedAt;

    private record Rendered(String json, String yaml) {
    }

    boolean merges(HttpServerRequest req) {
        return req.getHeader(OWN) == null;
    }

    void serve(RoutingContext rc, List<UpstreamClient> upstreams) {
        Rendered c = cached;
        if (c != null && System.nanoTime() - cachedAt < 60_000_000_000L) {
            send(rc, c);
            return;
        }
        if (client == null) {
            client = vertx.createHttpClient();
        }
        int self = rc.request().localAddress() == null ? port : rc.request().localAddress().port();
        List<String> names = new ArrayList<>();
        List<Future<JsonNode>> docs = new ArrayList<>();
        names.add("gateway");
        docs.add(fetch("127.0.0.1", self, true));
        for (UpstreamClient u : upstreams) {
            names.add(u.name);
            docs.add(fetch(u.host, u.port, false));
        }
        Future.join(docs).onComplete(ar -> vertx.<Rendered>executeBlocking(() -> {
            List<SuiteDocument.Part> parts = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                if (docs.get(i).succeeded()) {
                    parts.add(new SuiteDocument.Part(names.get(i), docs.get(i).result()));
                }
            }
            ObjectNode merged = SuiteDocument.merge(parts, oidcUrl(), version);
            return new Rendered(JSON.writeValueAsString(merged), YAML.writeValueAsString(merged));
        }, false).onComplete(r -> {
            if (r.failed()) {
                rc.fail(r.cause());
                return;
            }
            // a document missing a service is served but not kept, so the next request tries again
            if (docs.stream().allMatch(Future::succeeded)) {
                cached = r.result();
                cachedAt = System.nanoTime();
            }
            send(rc, r.result());
        }));
    }

    String oidcUrl() {
        String base = oidcPublicUrl.endsWith("/") ? oidcPublicUrl.substring(0, oidcPublicUrl.length() - 1) : oidcPublicUrl;
        return base + "/.well-known/openid-configuration";
    }

    private Future<JsonNode> fetch(String host, int port, boolean own) {
        RequestOptions o = new RequestOptions().setMethod(HttpMethod.GET).setHost(host).setPort(port)
                .setURI(PATH + "?format=json").setIdleTimeout(5000);
        if (own) {
            o.putHeader(OWN, "1");
        }
        return client.request(o).compose(r -> r.send()).compose(r -> r.body()).map(OpenApiMerger::parse);
    }

    private static JsonNode parse(Buffer b) {
        try {
            return JSON.readTree(b.getBytes());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not an OpenAPI document", e);
        }
    }

    static boolean wantsYaml(RoutingContext rc) {
        String format = rc.request().getParam("format");
        if (format != null) {
            return format.equalsIgnoreCase("yaml") || format.equalsIgnoreCase("yml");
        }
        String accept = rc.request().getHeader("Accept");
        return accept != null && (accept.contains("yaml") || accept.contains("yml")) && !accept.contains("json");
    }

    private static void send(RoutingContext rc, Rendered doc) {
        if (wantsYaml(rc)) {
            rc.response().putHeader("Content-Type", "application/yaml;charset=UTF-8").end(doc.yaml());
        } else {
            rc.response().putHeader("Content-Type", "application/json;charset=UTF-8").end(doc.json());
        }
    }
}
