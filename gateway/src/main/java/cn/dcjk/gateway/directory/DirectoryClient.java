package cn.dcjk.gateway.directory;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The units directory as the gateway needs it: a unit's kind and whether one unit is lower than
 * another, asked of plans-service (the one implementation of "lower than") and cached with a TTL.
 * Concurrent lookups of one key share one call; a failed call is not cached, so the next request
 * asks again. When plans-service cannot answer, the future fails and the caller fails closed.
 */
@ApplicationScoped
public class DirectoryClient {

    public record UnitInfo(String code, String name, String kind, String level, String regionCode) {

        /** Party committees, governments, discipline bodies, organisation departments (article 27). */
        public boolean accountabilityBody() {
            return switch (kind) {
                case "PARTY_COMMITTEE", "GOVERNMENT", "DISCIPLINE_COMMISSION", "ORGANIZATION_DEPARTMENT" -> true;
                default -> false;
            };
        }
    }

    /** The directory could not answer. */
    public static class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    private record Entry<T>(Future<T> value, long loadedAt) {
    }

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "dcjk.directory.url")
    String url;
    @ConfigProperty(name = "dcjk.directory.ttl", defaultValue = "60s")
    Duration ttl;
    @ConfigProperty(name = "dcjk.directory.timeout", defaultValue = "3s")
    Duration timeout;

    private HttpClient client;
    private String host;
    private int port;
    private final ConcurrentHashMap<String, Entry<Optional<UnitInfo>>> units = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Entry<Boolean>> lower = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        URI uri = URI.create(url);
        host = uri.getHost();
        port = uri.getPort() > 0 ? uri.getPort() : 80;
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                .setConnectTimeout((int) timeout.toMillis()), new PoolOptions().setHttp1MaxSize(16));
    }

    /** The unit, empty when the directory says it does not exist. */
    public Future<Optional<UnitInfo>> unit(String code, String authorization) {
        return cached(units, code, () -> get("/api/v1/units/" + encode(code), authorization)
                .map(json -> json.map(j -> new UnitInfo(j.getString("code"), j.getString("name"),
                        j.getString("kind"), j.getString("level"), j.getString("regionCode")))));
    }

    /** Whether {@code code} is of a lower level than {@code other}, as plans-service decides it. */
    public Future<Boolean> lowerThan(String code, String other, String authorization) {
        return cached(lower, code + "\u0000" + other,
                () -> get("/api/v1/units/" + encode(code) + "/lower-than/" + encode(other), authorization)
                        .map(json -> json.map(j -> j.getBoolean("lower", false)).orElse(false)));
    }

    /** Forget everything (used when an operator changes the directory and wants it seen at once). */
    public void clear() {
        units.clear();
        lower.clear();
    }

    private <T> Future<T> cached(ConcurrentHashMap<String, Entry<T>> cache, String key,
            java.util.function.Supplier<Future<T>> load) {
        long now = System.nanoTime();
        Entry<T> e = cache.get(key);
        if (e != null && now - e.loadedAt() < ttl.toNanos() && !e.value().failed()) {
            return e.value();
        }
        Entry<T> fresh = new Entry<>(load.get(), now);
        cache.put(key, fresh);
        fresh.value().onFailure(err -> cache.remove(key, fresh));
        return fresh.value();
    }

    private Future<Optional<JsonObject>> get(String path, String authorization) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(host).setPort(port)
                .setURI(path).setIdleTimeout(timeout.toMillis());
        if (authorization != null) {
            options.putHeader("Authorization", authorization);
        }
        return client.request(options)
                .compose(req -> req.send())
                .compose(resp -> resp.body().map(body -> {
                    if (resp.statusCode() == 200) {
                        return Optional.of(body.toJsonObject());
                    }
                    if (resp.statusCode() == 404) {
                        return Optional.<JsonObject>empty();
                    }
                    throw new Unavailable("directory answered " + resp.statusCode());
                }))
                .recover(err -> Future.failedFuture(err instanceof Unavailable ? err
                        : new Unavailable("directory unreachable: " + err.getMessage())));
    }

    private static String encode(String code) {
        return java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
