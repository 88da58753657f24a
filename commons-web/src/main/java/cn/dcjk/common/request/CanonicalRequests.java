package cn.dcjk.common.request;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.impl.RoutingContextInternal;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The services' side of the one reading of a request. Every service refuses, with 400, a path
 * that is not in the canonical form the gateway forwards ({@link CanonicalTarget}) and a query the
 * gateway would refuse, so a request that bypasses the gateway meets the same reading.
 *
 * <p>Where {@code dcjk.admission.required} is set (accountability-service), every write must also
 * carry an {@link AdmissionStamp} made for exactly this request: the body is read here (never past
 * {@code dcjk.http.max-body-bytes}), hashed, checked, and handed on to the endpoint unchanged.
 */
@Singleton
public class CanonicalRequests {

    private static final Logger LOG = Logger.getLogger(CanonicalRequests.class);
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    /** Key under which the verified decision id is kept on the routing context. */
    public static final String DECISION_KEY = "dcjk.admission.decision";

    /** Off only in the gateway, which reads, refuses and logs the same way itself. */
    @ConfigProperty(name = "dcjk.http.canonical-requests", defaultValue = "true")
    boolean enabled;
    @ConfigProperty(name = "dcjk.admission.required", defaultValue = "false")
    boolean required;
    @ConfigProperty(name = "dcjk.admission.key")
    Optional<String> key;
    @ConfigProperty(name = "dcjk.admission.max-age-seconds", defaultValue = "60")
    long maxAge;
    @ConfigProperty(name = "dcjk.http.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    private AdmissionStamp stamp;

    void register(@Observes Filters filters) {
        stamp = AdmissionStamp.fromConfig(key).orElse(null);
        if (required && stamp == null) {
            throw new IllegalStateException("dcjk.admission.required is set but dcjk.admission.key is not");
        }
        if (enabled) {
            filters.register(this::filter, 9_000);
        }
    }

    void filter(RoutingContext rc) {
        CanonicalTarget target;
        try {
            target = CanonicalTarget.parse(rc.request().path(), rc.request().query());
        } catch (CanonicalTarget.Refused e) {
            refuse(rc, 400, "ambiguous-request", "请求有歧义", "Ambiguous request", e.reasonZh, e.getMessage());
            return;
        }
        if (!target.pathAsSent()) {
            refuse(rc, 400, "ambiguous-request", "请求有歧义", "Ambiguous request",
                    "请求路径须为规范写法：" + target.encodedPath(), "The path must be spelled canonically: "
                            + target.encodedPath());
            return;
        }
        if (!required || SAFE.contains(rc.request().method()) || rc.request().path().startsWith("/q/")) {
            rc.next();
            return;
        }
        if (rc.request().version() == io.vertx.core.http.HttpVersion.HTTP_2) {
            // the body must be read here to be checked, and an HTTP/2 stream read to its end cannot be handed on
            refuse(rc, 426, "upgrade-required", "须使用 HTTP/1.1", "Upgrade required",
                    "写请求须经网关以 HTTP/1.1 送达", "Writes reach this service through the gateway, over HTTP/1.1");
            return;
        }
        io.vertx.core.Future<Buffer> read = rc.request().body();
        rc.request().resume();
        read.onComplete(ar -> {
            if (ar.failed()) {
                refuse(rc, 400, "unreadable-body", "请求体无法读取", "Unreadable body", "请求体读取失败",
                        "The body could not be read");
                return;
            }
            Buffer body = ar.result();
            if (body.length() > maxBodyBytes) {
                refuse(rc, 413, "payload-too-large", "请求体过大", "Payload too large",
                        "请求体超过 " + maxBodyBytes + " 字节", "The body exceeds " + maxBodyBytes + " bytes");
                return;
            }
            AdmissionStamp.Check check = stamp.verify(rc.request().getHeader(AdmissionStamp.HEADER),
                    rc.request().method().name(), target.encoded(), AdmissionStamp.sha256(body.getBytes()),
                    rc.request().getHeader("Authorization"), Instant.now().getEpochSecond(), maxAge);
            if (!check.ok()) {
                LOG.warnf("Write refused without a valid admission stamp (%s): %s %s", check.problemEn(),
                        rc.request().method(), target.encodedPath());
                refuse(rc, 403, "admission-required", "未经网关准入", "Not admitted by the gateway",
                        check.problemZh(), check.problemEn());
                return;
            }
            rc.put(DECISION_KEY, check.decisionId());
            ((RoutingContextInternal) rc).setBody(body);
            rc.next();
        });
    }

    private static void refuse(RoutingContext rc, int status, String slug, String titleZh, String titleEn, String zh,
            String en) {
        ProblemResponses.write(rc, status, slug, titleZh, titleEn, zh, en);
    }
}
