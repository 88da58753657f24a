package cn.dcjk.gateway.proxy;

import cn.dcjk.common.request.AdmissionStamp;
import cn.dcjk.common.request.CanonicalTarget;
import cn.dcjk.common.request.ProblemResponses;
import cn.dcjk.common.request.RequestIds;
import cn.dcjk.gateway.auth.CallerIdentity;
import cn.dcjk.gateway.auth.TokenGate;
import cn.dcjk.gateway.policy.ChannelPolicy;
import cn.dcjk.gateway.route.GatewayConfig;
import cn.dcjk.gateway.route.RateLimiter;
import cn.dcjk.gateway.route.UpstreamClient;
import io.micrometer.core.instrument.Gauge;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The only entry: every /api request is read once in canonical form ({@link CanonicalTarget}),
 * refused when it could be read two ways, authenticated, routed by path prefix, judged by the
 * channel policy, stamped ({@link AdmissionStamp}) when it writes, and forwarded in exactly the
 * form that was judged. Nothing blocks an event loop.
 */
@ApplicationScoped
public class Gateway {

    private static final Logger LOG = Logger.getLogger(Gateway.class);

    /** Hop-by-hop headers (RFC 9110 7.6.1) never cross the gateway. */
    static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "http2-settings");
    /** Methods the suite serves; any other is refused before routing. */
    static final Set<HttpMethod> METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

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
    RequestChecks checks;
    @Inject
    Refusals refusals;
    @Inject
    OpenApiMerger openApi;
    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "dcjk.admission.key")
    Optional<String> admissionKey;
    @ConfigProperty(name = "dcjk.public-url")
    Optional<String> publicUrl;
    /** Each event loop forwards through its own upstream pools (see {@link UpstreamClient#client()}). */
    @ConfigProperty(name = "dcjk.gateway.upstream-pool-per-event-loop", defaultValue = "true")
    boolean poolPerEventLoop;
    @ConfigProperty(name = "quarkus.vertx.event-loops-pool-size")
    Optional<Integer> eventLoops;

    private List<UpstreamClient> upstreams;
    private List<PublicRoute> publicRoutes;
    private RateLimiter limiter;
    private AdmissionStamp stamp;

    record PublicRoute(HttpMethod method, String path, boolean prefix, int depth) {
        boolean matches(HttpMethod m, CanonicalTarget t) {
            if (!method.equals(m) && !(method.equals(HttpMethod.GET) && m.equals(HttpMethod.HEAD))) {
                return false;
            }
            return prefix ? t.path().startsWith(path) && t.path().startsWith("/", path.length())
                    && t.segments().size() > depth : t.path().equals(path);
        }
    }

    void init(@Observes Router router) {
        List<UpstreamClient> list = new ArrayList<>();
        int loops = eventLoops.orElse(2 * Runtime.getRuntime().availableProcessors());
        config.upstreams().forEach((name, u) -> list.add(new UpstreamClient(vertx, name, u, poolPerEventLoop, loops)));
        // the longest prefix wins, so a nested prefix can go elsewhere than its parent
        list.sort(Comparator.comparing((UpstreamClient u) -> u.prefixes.stream().mapToInt(String::length).max()
                .orElse(0)).reversed());
        upstreams = List.copyOf(list);
        for (UpstreamClient u : upstreams) {
            Gauge.builder("dcjk_gateway_breaker_open", u.breaker, b -> b.open() ? 1 : 0)
                    .description("1 while the circuit breaker of an upstream is open").tag("upstream", u.name)
                    .register(registry);
        }
        publicRoutes = config.publicRoutes().stream().map(Gateway::publicRoute).toList();
        limiter = new RateLimiter(config.rateLimit().perSecond(), config.rateLimit().burst());
        stamp = AdmissionStamp.fromConfig(admissionKey).orElseGet(() -> {
            LOG.warn("No dcjk.admission.key (DCJK_ADMISSION_KEY) configured: writes are stamped with a key of this "
                    + "process only, which services that require stamps will refuse");
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return new AdmissionStamp(key);
        });
        refusals.limiter(limiter);
        vertx.setPeriodic(60_000, t -> limiter.prune());
        router.route().order(-100).handler(this::handle);
    }

    /**
     * The short way in: an /api request that carries no {@code Origin} is taken up right after its
     * request id is set, ahead of the framework's CORS, security and resource-matching handlers, none
     * of which acts on it (CORS acts only on an Origin; the gateway checks tokens itself; no resource
     * of the gateway's own lies under the proxied prefixes). Everything else (a browser's cross-origin
     * request, the gateway's own resources, the console) goes the whole way to {@link #handle} at its
     * route. Either way the request is read, judged and forwarded by the same {@link #handle}.
     */
    void early(@Observes Filters filters) {
        filters.register(rc -> {
            if (takesShortWay(rc.request())) {
                handle(rc);
            } else {
                rc.next();
            }
        }, EARLY_PRIORITY);
    }

    /** Just below the request id filter's priority (10 000), above CORS (300) and authentication (200). */
    static final int EARLY_PRIORITY = 9_500;

    static boolean takesShortWay(HttpServerRequest req) {
        String path = req.path();
        if (path == null || !path.startsWith("/api/") || req.headers().contains(HttpHeaders.ORIGIN)) {
            return false;
        }
        for (String local : LOCAL) {
            if (path.startsWith(local) && (path.length() == local.length() || path.charAt(local.length()) == '/')) {
                return false;
            }
        }
        return true;
    }

    public List<UpstreamClient> upstreams() {
        return upstreams;
    }

    static PublicRoute publicRoute(String spec) {
        String[] parts = spec.trim().split("\\s+", 2);
        String path = parts[1];
        boolean prefix = path.endsWith("/*");
        String p = prefix ? path.substring(0, path.length() - 2) : path;
        return new PublicRoute(HttpMethod.valueOf(parts[0]), p, prefix, p.substring(1).split("/").length);
    }

    void handle(RoutingContext rc) {
        HttpServerRequest req = rc.request();
        CanonicalTarget target;
        try {
            target = CanonicalTarget.parse(req.path(), req.query());
        } catch (CanonicalTarget.Refused e) {
            refusals.ambiguous(rc, CallerIdentity.ANONYMOUS, req.uri(), 400, "请求目标无法无歧义地解析：" + e.reasonZh,
                    "The request target cannot be read unambiguously: " + e.getMessage());
            return;
        }
        if (!target.pathAsSent()) {
            refusals.ambiguous(rc, CallerIdentity.ANONYMOUS, req.uri(), 400, "请求路径须为规范写法："
                    + target.encodedPath(), "The path must be spelled canonically: " + target.encodedPath());
            return;
        }
        if (!target.under("/api")) {
            if (target.path().equals(OpenApiMerger.PATH) && req.method() == HttpMethod.GET && openApi.merges(req)) {
                openApi.serve(rc, upstreams);
                return;
            }
            rc.next();
            return;
        }
        if (isLocal(target)) {
            rc.next();
            return;
        }
        UpstreamClient upstream = route(target);
        if (upstream == null) {
            refuse(rc, 404, "not-found", "资源不存在", "Not found", "未找到：" + target.path(), "No " + target.path());
            return;
        }
        RequestChecks.Problem problem = checks.check(req, config.maxBodyBytes());
        if (problem != null) {
            refusals.ambiguous(rc, CallerIdentity.ANONYMOUS, target.encoded(), problem.status(), problem.zh(),
                    problem.en());
            return;
        }
        Templates.label(req, target);
        req.pause();
        boolean isPublic = isPublic(req.method(), target);
        String token = TokenGate.bearer(req.getHeader(HttpHeaders.AUTHORIZATION));
        if (token == null && isPublic) {
            admit(rc, target, upstream, CallerIdentity.ANONYMOUS);
            return;
        }
        if (token == null || token.isEmpty()) {
            unauthenticated(rc);
            return;
        }
        CallerIdentity remembered = tokens.remembered(token);
        if (remembered != null) {
            admit(rc, target, upstream, remembered);
            return;
        }
        Context context = vertx.getOrCreateContext();
        tokens.verify(token).subscribe().with(
                caller -> context.runOnContext(v -> admit(rc, target, upstream, caller)),
                failure -> context.runOnContext(v -> unauthenticated(rc)));
    }

    private void admit(RoutingContext rc, CanonicalTarget target, UpstreamClient upstream, CallerIdentity caller) {
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
        HttpServerRequest req = rc.request();
        if (SAFE.contains(req.method())) {
            forward(rc, target, upstream, null, null);
            return;
        }
        RequestChecks.readBody(req, config.maxBodyBytes()).onComplete(read -> {
            if (read.failed()) {
                if (read.cause() instanceof RequestChecks.TooLarge) {
                    refusals.ambiguous(rc, caller, target.encoded(), 413, "请求体超过 " + config.maxBodyBytes() + " 字节",
                            "The body exceeds " + config.maxBodyBytes() + " bytes");
                } else {
                    LOG.debugf("Client went away before its body was read: %s", read.cause().toString());
                    if (!rc.response().ended()) {
                        rc.response().reset();
                    }
                }
                return;
            }
            Buffer body = read.result();
            policy.admit(rc, target, caller, body).onComplete(ar -> {
                if (ar.failed()) {
                    LOG.errorf(ar.cause(), "Policy failure on %s", target.path());
                    rc.response().putHeader("Retry-After", "5");
                    refuse(rc, 503, "dependency-unavailable", "服务暂不可用", "Service unavailable",
                            "网关暂时无法作出决定，请稍后重试", "The gateway cannot decide now; retry later");
                    return;
                }
                ChannelPolicy.Admission admission = ar.result();
                if (admission.refusal() != null) {
                    ProblemResponses.write(rc, admission.refusal());
                    return;
                }
                forward(rc, target, upstream, body, admission.decisionId());
            });
        });
    }

    private static boolean isLocal(CanonicalTarget target) {
        for (String local : LOCAL) {
            if (target.under(local)) {
                return true;
            }
        }
        return false;
    }

    private boolean isPublic(HttpMethod method, CanonicalTarget target) {
        for (PublicRoute r : publicRoutes) {
            if (r.matches(method, target)) {
                return true;
            }
        }
        return false;
    }

    UpstreamClient route(CanonicalTarget target) {
        for (UpstreamClient u : upstreams) {
            for (String prefix : u.prefixes) {
                if (target.under(prefix)) {
                    return u;
                }
            }
        }
        return null;
    }

    private void forward(RoutingContext rc, CanonicalTarget target, UpstreamClient upstream, Buffer body,
            String decisionId) {
        HttpServerRequest req = rc.request();
        if (!upstream.breaker.allow()) {
            rc.response().putHeader("Retry-After", String.valueOf(upstream.breaker.retryAfterSeconds()));
            refuse(rc, 503, "upstream-unavailable", "服务暂不可用", "Service unavailable",
                    upstream.name + " 暂时不可用（熔断中），请稍后重试",
                    upstream.name + " is unavailable (circuit open); retry later");
            return;
        }
        String admission = body == null ? null
                : stamp.sign(decisionId != null ? decisionId : UUID.randomUUID().toString(),
                        Instant.now().getEpochSecond(), req.method().name(), target.encoded(),
                        AdmissionStamp.sha256(body.getBytes()), req.getHeader(HttpHeaders.AUTHORIZATION));
        RequestOptions options = new RequestOptions()
                .setMethod(req.method())
                .setHost(upstream.host)
                .setPort(upstream.port)
                .setURI(target.encoded())
                .setIdleTimeout(upstream.timeoutMillis);
        boolean[] clientGone = {false};
        upstream.client().request(options)
                .compose(out -> {
                    // the headers go straight into the request that leaves, copied once
                    MultiMap headers = out.headers();
                    forwardHeaders(rc, req, headers);
                    if (body != null) {
                        headers.set(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length()));
                        headers.set(AdmissionStamp.HEADER, admission);
                    }
                    rc.response().closeHandler(v -> {
                        if (!rc.response().ended()) {
                            clientGone[0] = true;
                            out.reset();
                        }
                    });
                    if (!req.isEnded()) {
                        req.resume();
                    }
                    return body != null ? out.send(body) : out.send();
                })
                .onSuccess(in -> relay(rc, upstream, in))
                .onFailure(err -> upstreamFailed(rc, upstream, err, clientGone[0]));
    }

    private void forwardHeaders(RoutingContext rc, HttpServerRequest req, MultiMap headers) {
        Set<String> named = RequestChecks.connectionNamed(req.headers().get(HttpHeaders.CONNECTION));
        for (Map.Entry<String, String> h : req.headers()) {
            String n = h.getKey().toLowerCase(java.util.Locale.ROOT);
            if (!HOP_BY_HOP.contains(n) && !named.contains(n) && !n.startsWith("x-forwarded-") && !n.startsWith(":")
                    && !n.equals("forwarded") && !n.equals("content-length")
                    && !n.equals(AdmissionStamp.HEADER.toLowerCase(java.util.Locale.ROOT))
                    && !n.equals(RequestIds.HEADER.toLowerCase(java.util.Locale.ROOT))) {
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
    }

    private void relay(RoutingContext rc, UpstreamClient upstream, HttpClientResponse in) {
        if (in.statusCode() >= 500) {
            upstream.breaker.failure();
        } else {
            upstream.breaker.success();
        }
        HttpServerResponse out = rc.response();
        if (out.ended() || out.closed()) {
            in.request().reset();
            return;
        }
        out.setStatusCode(in.statusCode());
        if (!rc.request().version().name().startsWith("HTTP_2")) {
            out.setStatusMessage(in.statusMessage());
        }
        Set<String> named = RequestChecks.connectionNamed(in.headers().get(HttpHeaders.CONNECTION));
        for (Map.Entry<String, String> h : in.headers()) {
            String n = h.getKey().toLowerCase(java.util.Locale.ROOT);
            if (HOP_BY_HOP.contains(n) || named.contains(n) || n.equals("x-request-id")) {
                continue;
            }
            if (n.equals("location") || n.equals("content-location")) {
                out.headers().add(h.getKey(), PublicUrls.rewrite(h.getValue(), upstream, publicBase(rc)));
            } else {
                out.headers().add(h.getKey(), h.getValue());
            }
        }
        long length = contentLength(in.getHeader(HttpHeaders.CONTENT_LENGTH));
        if (length >= 0 && length <= WHOLE_ANSWER) {
            // a small answer leaves in one write, head and body together
            in.body().onComplete(read -> {
                if (read.failed()) {
                    LOG.debugf("Relay from %s interrupted: %s", upstream.name, read.cause().getMessage());
                    if (!out.ended() && !out.closed()) {
                        out.reset();
                    }
                } else if (!out.ended() && !out.closed()) {
                    out.end(read.result());
                }
            });
            return;
        }
        if (!in.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            out.setChunked(true);
        }
        in.pipeTo(out).onFailure(err -> {
            LOG.debugf("Relay from %s interrupted: %s", upstream.name, err.getMessage());
            in.request().reset();
            if (!out.ended() && !out.closed()) {
                out.reset();
            }
        });
    }

    /** Answers up to this size are read whole and sent in one write; larger ones stream. */
    static final long WHOLE_ANSWER = 64 * 1024;

    private static long contentLength(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String publicBase(RoutingContext rc) {
        return publicUrl.filter(s -> !s.isBlank()).map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s)
                .orElseGet(() -> (rc.request().scheme() == null ? "http" : rc.request().scheme()) + "://"
                        + rc.request().authority());
    }

    private void upstreamFailed(RoutingContext rc, UpstreamClient upstream, Throwable err, boolean clientGone) {
        if (clientGone || rc.response().closed()) {
            LOG.debugf("Client of %s went away; its upstream request was cancelled", upstream.name);
            return;
        }
        upstream.breaker.failure();
        boolean timeout = err instanceof java.util.concurrent.TimeoutException
                || err.getClass().getSimpleName().contains("Timeout");
        LOG.warnf("Upstream %s failed: %s", upstream.name, err.toString());
        // Either way the upstream is a dependency that is out: 503 with Retry-After (issue 14), the breaker
        // counting it; the problem type tells an unreachable service from one that did not answer in time,
        // whose write may or may not have taken effect (a retry with the same Idempotency-Key settles it).
        rc.response().putHeader("Retry-After", "5");
        if (timeout) {
            refuse(rc, 503, "upstream-timeout", "上游服务超时", "Upstream timeout",
                    upstream.name + " 未在时限内答复；写操作是否生效未知，请用同一 Idempotency-Key 重试",
                    upstream.name + " did not answer in time; whether a write took effect is unknown: retry with "
                            + "the same Idempotency-Key");
        } else {
            refuse(rc, 503, "upstream-unreachable", "上游服务不可达", "Service unavailable",
                    upstream.name + " 无法连接，请稍后重试", upstream.name + " cannot be reached; retry later");
        }
    }

    private void unauthenticated(RoutingContext rc) {
        rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"dcjk\"");
        refuse(rc, 401, "unauthenticated", "未认证", "Unauthenticated", "需要有效的访问令牌（Bearer）",
                "A valid bearer access token is required");
    }

    static void refuse(RoutingContext rc, int status, String slug, String titleZh, String titleEn, String zh,
            String en) {
        Refusals.answer(rc, status, slug, titleZh, titleEn, zh, en);
    }

    /** Used by the readiness data: whether an upstream answers its liveness probe. */
    public Future<Boolean> ping(UpstreamClient u) {
        return u.client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost(u.host).setPort(u.port)
                        .setURI("/q/health/live").setIdleTimeout(2000))
                .compose(HttpClientRequest::send)
                .compose(r -> r.body().map(b -> r.statusCode() == 200))
                .otherwise(false);
    }
}
