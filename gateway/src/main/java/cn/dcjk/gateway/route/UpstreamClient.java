package cn.dcjk.gateway.route;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;

import java.net.URI;
import java.util.List;

/** One upstream service: its pooled keep-alive client, its prefixes and its breaker. */
public final class UpstreamClient {

    public final String name;
    public final String host;
    public final int port;
    public final boolean tls;
    public final List<String> prefixes;
    public final long timeoutMillis;
    public final HttpClient client;
    public final CircuitBreaker breaker;

    public UpstreamClient(Vertx vertx, String name, GatewayConfig.Upstream config) {
        URI uri = URI.create(config.url());
        this.name = name;
        this.host = uri.getHost();
        this.tls = "https".equalsIgnoreCase(uri.getScheme());
        this.port = uri.getPort() > 0 ? uri.getPort() : (tls ? 443 : 80);
        this.prefixes = List.copyOf(config.prefixes());
        this.timeoutMillis = config.timeout().toMillis();
        this.breaker = new CircuitBreaker(config.breakerFailures(), config.breakerOpenFor());
        HttpClientOptions options = new HttpClientOptions()
                .setDefaultHost(host)
                .setDefaultPort(port)
                .setSsl(tls)
                .setKeepAlive(true)
                .setTcpNoDelay(true)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setDecompressionSupported(false);
        this.client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(config.poolSize()));
    }
}
