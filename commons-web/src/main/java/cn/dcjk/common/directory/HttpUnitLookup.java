package cn.dcjk.common.directory;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A {@link UnitLookup} over a non-blocking HTTP client: {@code GET /api/v1/units/{code}} of
 * plans-service with the caller's Authorization, within a timeout. 200 is the unit, 404 is empty,
 * anything else (connection, timeout, 5xx, 401/403) fails with {@link DirectoryUnavailable}. Safe
 * on an event loop; {@link UnitDirectory} caches over it.
 */
public final class HttpUnitLookup implements UnitLookup {

    private final HttpClient client;
    private final String host;
    private final int port;
    private final String base;
    private final Duration timeout;

    public HttpUnitLookup(Vertx vertx, String url, Duration timeout, int maxConnections) {
        URI uri = URI.create(url);
        this.host = uri.getHost();
        boolean tls = "https".equals(uri.getScheme());
        this.port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        this.base = uri.getPath() == null || uri.getPath().equals("/") ? "" : uri.getPath().replaceAll("/$", "");
        this.timeout = timeout;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setSsl(tls)
                .setConnectTimeout((int) timeout.toMillis()), new PoolOptions().setHttp1MaxSize(maxConnections));
    }

    @Override
    public CompletionStage<Optional<UnitInfo>> lookup(String code, String authorization) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(host).setPort(port)
                .setURI(base + "/api/v1/units/" + URLEncoder.encode(code, StandardCharsets.UTF_8).replace("+", "%20"))
                .setIdleTimeout(timeout.toMillis());
        if (authorization != null) {
            options.putHeader("Authorization", authorization);
        }
        return client.request(options)
                .compose(req -> req.send())
                .compose(resp -> resp.body().map(body -> {
                    if (resp.statusCode() == 200) {
                        return Optional.of(read(body.toJsonObject()));
                    }
                    if (resp.statusCode() == 404) {
                        return Optional.<UnitInfo>empty();
                    }
                    throw new DirectoryUnavailable("the directory answered " + resp.statusCode(), null);
                }))
                .toCompletionStage();
    }

    static UnitInfo read(JsonObject j) {
        return new UnitInfo(j.getString("code"), j.getString("name"), j.getString("nameEn"), j.getString("level"),
                j.getString("kind"), j.getString("branch"), j.getString("regionCode"), j.getString("parentCode"),
                j.getBoolean("retired", false));
    }
}
