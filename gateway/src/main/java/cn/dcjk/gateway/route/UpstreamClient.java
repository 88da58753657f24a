package cn.dcjk.gateway.route;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;

import java.net.URI;
import java.util.List;

/**
 * One upstream service: its pooled keep-alive clients, its prefixes and its breaker.
 *
 * <p>Each event loop forwards through a pool of its own ({@link #client()}): a connection is then
 * always read and written by the event loop of the request it carries, so a proxied request never
 * waits for another loop to hand its answer over. The shared {@link #client} serves callers off the
 * event loops (readiness probes).
 */
public final class UpstreamClient {

    public final String name;
    public final String host;
    public final int port;
    public final boolean tls;
    public final List<String> prefixes;
    public final long timeoutMillis;
    public final HttpClient client;
    public final CircuitBreaker breaker;
    private final HttpClientOptions options;
    private final PoolOptions perLoopPool;
    private final boolean perEventLoop;
    private final ThreadLocal<HttpClient> loopClient;

    public UpstreamClient(Vertx vertx, String name, GatewayConfig.Upstream config, boolean perEventLoop,
            int eventLoops) {
        URI uri = URI.create(config.url());
        this.name = name;
        this.host = uri.getHost();
        this.tls = "https".equalsIgnoreCase(uri.getScheme());
        this.port = uri.getPort() > 0 ? uri.getPort() : (tls ? 443 : 80);
        this.prefixes = List.copyOf(config.prefixes());
        this.timeoutMillis = config.timeout().toMillis();
        this.breaker = new CircuitBreaker(config.breakerFailures(), config.breakerOpenFor());
        this.options = new HttpClientOptions()
                .setDefaultHost(host)
                .setDefaultPort(port)
                .setSsl(tls)
                .setKeepAlive(true)
                .setTcpNoDelay(true)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setDecompressionSupported(false);
        this.client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(config.poolSize()));
        this.perEventLoop = perEventLoop;
        // the pool size is the upstream's budget, shared out between the loops
        this.perLoopPool = new PoolOptions().setHttp1MaxSize(Math.max(8, config.poolSize() / Math.max(1, eventLoops)));
        this.loopClient = ThreadLocal.withInitial(() -> vertx.createHttpClient(options, perLoopPool));
    }

    /** The client to forward with from the calling thread: the event loop's own, else the shared one. */
    public HttpClient client() {
        return perEventLoop && Context.isOnEventLoopThread() ? loopClient.get() : client;
    }
}
