package cn.dcjk.gateway.proxy;

import cn.dcjk.common.request.ProblemResponses;
import cn.dcjk.common.request.RequestIds;
import cn.dcjk.gateway.auth.CallerIdentity;
import cn.dcjk.gateway.auth.TokenGate;
import cn.dcjk.gateway.policy.ChannelPolicy;
import cn.dcjk.gateway.route.GatewayConfig;
import cn.dcjk.gateway.route.RateLimiter;
import cn.dcjk.gateway.route.RequestPath;
import cn.dcjk.gateway.route.UpstreamClient;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The only entry: every /api request is authenticated, routed by path prefix, checked by the
 * channel policy where it applies, and proxied without blocking. Bodies stream through unless
 * the policy has to read them.
 */
@ApplicationScoped
public class Gateway {

    private static final Logger LOG = Logger.getLogger(Gateway.class);

    /** Hop-by-hop headers (RFC 9110 7.6.1) never cross the gateway. */
    static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host");
    /** Headers by which some frameworks let a POST pretend to be another method: refused, never honoured. */
    static final List<String> METHOD_OVERRIDES = List.of("x-http-method-override", "x-http-method",
            "x-method-override");

    /** The gateway's own resources, served here rather than proxied. */
    static final List<String> LOCAL = List.of("/api/v1/gateway", "/api/v1/rules");

    @Inject
    Vertx vertx;
    @Inject
    GatewayConfig config;
    @Inject
    TokenGate tokens;
    @Inject
    ChannelPolicy policy;

    @Inject
    OpenApiMerger openApi;

    private List<UpstreamClient> upstreams;
    private List<PublicRoute> publicRoutes;
    private RateLimiter limiter;

    record PublicRoute(HttpMethod method, String path, boolean prefix) {
        boolean matches(HttpMethod m, RequestPath p) {
            if (!method.equals(m) && !(method.equals(HttpMethod.GET) && m.equals(HttpMethod.HEAD))) {
                return false;
            }
            return prefix ? p.under(path) : p.lower().equals(path.toLowerCase(Locale.ROOT));
        }
    }

    void init(@Observes Router router) {
        List<UpstreamClient> list = new ArrayList<>();
        config.upstreams().forEach((name, u) -> list.add(new UpstreamClient(vertx, name, u)));
        // the longest prefix wins, so a nested prefix can go elsewhere than its parent
        list.sort(Comparator.comparing((UpstreamClient u) -> u.prefixes.stream().mapToInt(String::length).max()
                .orElse(0)).reversed());
        upstreams = List.copyOf(list);
        publicRoutes = config.publicRoutes().stream().map(Gateway::publicRoute).toList();
        limiter = new RateLimiter(config.rateLimit().perSecond(), config.rateLimit().burst());
        vertx.setPeriodic(60_000, t -> limiter.prune());
        router.route().order(-100).handler(this::handle);
    }

    public List<UpstreamClient> upstreams() {
        return upstreams;
    }

    static PublicRoute publicRoute(String spec) {
        String[] parts = spec.trim().split("\\s+", 2);
        String path = parts[1];
        boolean prefix = path.endsWith("/*");
        return new PublicRoute(HttpMethod.valueOf(parts[0]), prefix ? path.substring(0, path.length() - 2) : path,
                prefix);
    }

    void handle(RoutingContext rc) {
        HttpServerRequest req = rc.request();
        RequestPath path = RequestPath.parse(req.path());
        if (path == null) {
            refuse(rc, 400, "ambiguous-path", "请求路径无法无歧义地解析", "Ambiguous request path",
                    "路径含有非法转义、控制字符、反斜杠或越出根目录", "The path has bad escapes, control characters, "
                            + "backslashes or climbs above the root");
            return;
        }
        if (!path.under("/api")) {
            if (path.lower().equals(OpenApiMerger.PATH) && req.method() == HttpMethod.GET && openApi.merges(req)) {
                openApi.serve(rc, upstreams);
                return;
            }
            rc.next();
            return;
        }
        if (LOCAL.stream().anyMatch(path::under)) {
            if (!path.canonical() || LOCAL.stream().noneMatch(l -> path.path().startsWith(l))) {
                refuse(rc, 404, "not-found", "资源不存在", "Not found", "未找到：" + path.path(), "No " + path.path());
                return;
            }
            rc.next();
            return;
        }
        UpstreamClient upstream = route(path);
        if (upstream == null) {
            refuse(rc, 404, "not-found", "资源不存在", "Not found", "未找到：" + path.path(), "No " + path.path());
            return;
        }
        for (String override : METHOD_OVERRIDES) {
            if (req.headers().contains(override)) {
                refuse(rc, 400, "method-override-refused", "不接受方法覆盖", "Method override refused",
                        "请求头 " + override + " 不被接受：请直接使用所需的 HTTP 方法",
                        "The header " + override + " is not accepted: use the HTTP method itself");
                return;
            }
        }
        if (req.headers().contains(HttpHeaders.CONTENT_LENGTH) && req.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            refuse(rc, 400, "ambiguous-length", "请求长度有歧义", "Ambiguous request length",
                    "Content-Length 与 Transfer-Encoding 不能同时出现",
                    "Content-Length and Transfer-Encoding cannot both be present");
            return;
        }
        req.pause();
        Context context = vertx.getOrCreateContext();
        boolean isPublic = publicRoutes.stream().anyMatch(r -> r.matches(req.method(), path));
        String token = TokenGate.bearer(req.getHeader(HttpHeaders.AUTHORIZATION));
        if (token == null && isPublic) {
            admit(rc, path, upstream, CallerIdentity.ANONYMOUS);
            return;
        }
        if (token == null || token.isEmpty()) {
            unauthenticated(rc);
            return;
        }
        tokens.verify(token).subscribe().with(
                identity -> context.runOnContext(v -> admit(rc, path, upstream, CallerIdentity.of(identity))),
                failure -> context.runOnContext(v -> unauthenticated(rc)));
    }

    private void admit(RoutingContext rc, RequestPath path, UpstreamClient upstream, CallerIdentity caller) {
        String client = caller.anonymous()
                ? "address:" + (rc.request().remoteAddress() == null ? "?" : rc.request().remoteAddress().hostAddress())
                : "caller:" + caller.name();
        long wait = limiter.acquire(client);
        if (wait > 0) {
            rc.response().putHeader("Retry-After", String.valueOf(wait));
            refuse(rc, 429, "rate-limited", "请求过于频繁", "Too many requests",
                    "请于 " + wait + " 秒后重试", "Retry in " + wait + " s");
            return;
        }
        policy.admit(rc, path, upstream, caller).onComplete(ar -> {
            if (ar.failed()) {
                LOG.errorf(ar.cause(), "Policy failure on %s", path.path());
                refuse(rc, 500, "internal", "内部错误", "Internal error", "发生意外错误，请将请求编号告知运维人员",
                        "An unexpected error occurred; quote the request id to the operators");
                return;
            }
            ChannelPolicy.Admission admission = ar.result();
            if (admission.refusal() != null) {
                rc.request().resume();
                ProblemResponses.write(rc, admission.refusal());
                return;
            }
            forward(rc, path, upstream, admission.body());
        });
    }

    UpstreamClient route(RequestPath path) {
        for (UpstreamClient u : upstreams) {
            for (String prefix : u.prefixes) {
                if (path.under(prefix)) {
                    return u;
                }
            }
        }
        return null;
    }

    private void forward(RoutingContext rc, RequestPath path, UpstreamClient upstream, Buffer body) {
        HttpServerRequest req = rc.request();
        if (!upstream.breaker.allow()) {
            refuse(rc, 503, "upstream-unavailable", "服务暂不可用", "Service unavailable",
                    upstream.name + " 暂时不可用（熔断中），请稍后重试",
                    upstream.name + " is unavailable (circuit open); retry later");
            return;
        }
        String query = req.query();
        RequestOptions options = new RequestOptions()
                .setMethod(req.method())
                .setHost(upstream.host)
                .setPort(upstream.port)
                .setURI(path.path() + (query == null ? "" : "?" + query))
                .setHeaders(forwardHeaders(rc, req))
                .setIdleTimeout(upstream.timeoutMillis);
        boolean hasBody = body != null || req.headers().contains(HttpHeaders.TRANSFER_ENCODING)
                || contentLength(req) > 0;
        upstream.client.request(options)
                .compose(out -> {
                    if (body != null) {
                        out.putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length()));
                        return out.send(body);
                    }
                    if (hasBody) {
                        if (!req.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
                            out.setChunked(true);
                        }
                        return out.send(req);
                    }
                    req.resume();
                    return out.send();
                })
                .onSuccess(in -> relay(rc, upstream, in))
                .onFailure(err -> upstreamFailed(rc, upstream, err));
    }

    private MultiMap forwardHeaders(RoutingContext rc, HttpServerRequest req) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        Set<String> named = connectionNamed(req.headers().get(HttpHeaders.CONNECTION));
        for (Map.Entry<String, String> h : req.headers()) {
            String n = h.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(n) && !named.contains(n) && !n.startsWith("x-forwarded-")
                    && !n.equals("forwarded") && !n.equals(RequestIds.HEADER.toLowerCase(Locale.ROOT))) {
                headers.add(h.getKey(), h.getValue());
            }
        }
        String client = req.remoteAddress() == null ? "unknown" : req.remoteAddress().hostAddress();
        String prior = req.getHeader("X-Forwarded-For");
        headers.set("X-Forwarded-For", prior == null ? client : prior + ", " + client);
        headers.set("X-Forwarded-Proto", req.scheme() == null ? "http" : req.scheme());
        if (req.authority() != null) {
            headers.set("X-Forwarded-Host", req.authority().toString());
        }
        headers.set(RequestIds.HEADER, String.valueOf((Object) rc.get(RequestIds.MDC_KEY)));
        return headers;
    }

    private void relay(RoutingContext rc, UpstreamClient upstream, HttpClientResponse in) {
        if (in.statusCode() >= 500) {
            upstream.breaker.failure();
        } else {
            upstream.breaker.success();
        }
        HttpServerResponse out = rc.response();
        if (out.ended()) {
            in.request().reset();
            return;
        }
        out.setStatusCode(in.statusCode());
        out.setStatusMessage(in.statusMessage());
        Set<String> named = connectionNamed(in.headers().get(HttpHeaders.CONNECTION));
        for (Map.Entry<String, String> h : in.headers()) {
            String n = h.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(n) && !named.contains(n) && !n.equals("x-request-id")) {
                out.headers().add(h.getKey(), h.getValue());
            }
        }
        if (!in.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            out.setChunked(true);
        }
        in.pipeTo(out).onFailure(err -> {
            LOG.debugf("Relay from %s interrupted: %s", upstream.name, err.getMessage());
            if (!out.ended()) {
                out.reset();
            }
        });
    }

    private void upstreamFailed(RoutingContext rc, UpstreamClient upstream, Throwable err) {
        upstream.breaker.failure();
        boolean timeout = err instanceof java.util.concurrent.TimeoutException
                || err.getClass().getSimpleName().contains("Timeout");
        LOG.warnf("Upstream %s failed: %s", upstream.name, err.toString());
        if (timeout) {
            refuse(rc, 504, "upstream-timeout", "上游服务超时", "Upstream timeout",
                    upstream.name + " 未在时限内答复", upstream.name + " did not answer in time");
        } else {
            refuse(rc, 502, "upstream-failure", "上游服务不可达", "Bad gateway",
                    upstream.name + " 无法连接", upstream.name + " cannot be reached");
        }
    }

    private static Set<String> connectionNamed(String connection) {
        if (connection == null) {
            return Set.of();
        }
        Set<String> names = new java.util.HashSet<>();
        for (String s : connection.split(",")) {
            names.add(s.trim().toLowerCase(Locale.ROOT));
        }
        return names;
    }

    private static long contentLength(HttpServerRequest req) {
        String v = req.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return v == null ? -1 : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void unauthenticated(RoutingContext rc) {
        rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"dcjk\"");
        refuse(rc, 401, "unauthenticated", "未认证", "Unauthenticated", "需要有效的访问令牌（Bearer）",
                "A valid bearer access token is required");
    }

    static void refuse(RoutingContext rc, int status, String slug, String titleZh, String titleEn, String zh,
            String en) {
        rc.request().resume();
        ProblemResponses.write(rc, status, slug, titleZh, titleEn, zh, en);
    }

    /** Used by the readiness check. */
    public Future<Boolean> ping(UpstreamClient u) {
        return u.client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost(u.host).setPort(u.port)
                        .setURI("/q/health/live").setIdleTimeout(2000))
                .compose(r -> r.send())
                .compose(r -> r.body().map(b -> r.statusCode() == 200))
                .otherwise(false);
    }
}
