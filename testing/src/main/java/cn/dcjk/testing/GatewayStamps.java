package cn.dcjk.testing;

import cn.dcjk.common.request.AdmissionStamp;
import cn.dcjk.common.request.CanonicalTarget;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * For the tests of a service that requires admission stamps: a key shared with the service under
 * test, and a RestAssured filter that stamps every write as the gateway would, so tests speak to
 * the service as the gateway does. A request that sets {@value #UNSTAMPED} is sent as it is (for the
 * tests of the stamp itself).
 */
public class GatewayStamps implements QuarkusTestResourceLifecycleManager {

    public static final byte[] KEY = "dcjk-test-admission-key-32-bytes!".getBytes(StandardCharsets.UTF_8);
    public static final String KEY_BASE64 = Base64.getEncoder().encodeToString(KEY);
    /** A request header that tells the filter to leave the request alone (it is removed before sending). */
    public static final String UNSTAMPED = "X-Test-Unstamped";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    public static final AdmissionStamp STAMP = new AdmissionStamp(KEY);

    @Override
    public Map<String, String> start() {
        RestAssured.filters(new Stamper());
        return Map.of("dcjk.admission.key", KEY_BASE64, "dcjk.admission.required", "true");
    }

    @Override
    public void stop() {
        RestAssured.reset();
    }

    /** A stamp for one request, as the gateway makes it. */
    public static String stamp(String method, String pathAndQuery, byte[] body, String authorization) {
        URI uri = URI.create(pathAndQuery);
        try {
            CanonicalTarget t = CanonicalTarget.parse(uri.getRawPath(), uri.getRawQuery());
            return STAMP.sign(UUID.randomUUID().toString(), Instant.now().getEpochSecond(), method, t.encoded(),
                    AdmissionStamp.sha256(body), authorization);
        } catch (CanonicalTarget.Refused e) {
            return "unreadable";
        }
    }

    static final class Stamper implements Filter {
        @Override
        public Response filter(FilterableRequestSpecification req, FilterableResponseSpecification res,
                FilterContext ctx) {
            if (req.getHeaders().hasHeaderWithName(UNSTAMPED)) {
                req.removeHeader(UNSTAMPED);
                return ctx.next(req, res);
            }
            if (!SAFE.contains(req.getMethod()) && !req.getHeaders().hasHeaderWithName(AdmissionStamp.HEADER)) {
                Object body = req.getBody();
                byte[] bytes = body == null ? new byte[0] : body instanceof byte[] b ? b
                        : body.toString().getBytes(StandardCharsets.UTF_8);
                URI uri = URI.create(req.getURI());
                String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                String authorization = req.getHeaders().getValue("Authorization");
                if (authorization == null && req.getAuthenticationScheme()
                        instanceof io.restassured.authentication.PreemptiveOAuth2HeaderScheme oauth) {
                    authorization = "Bearer " + oauth.getAccessToken();
                }
                req.header(AdmissionStamp.HEADER, stamp(req.getMethod(), target, bytes, authorization));
            }
            return ctx.next(req, res);
        }
    }
}
