package cn.dcjk.common.request;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * X-Request-Id: taken from the caller when it is a sane token, generated otherwise; put on the
 * response, in the logging context of every line written for the request, and in problem bodies.
 * The same filter refuses a declared body over the size limit with a 413 problem before it is read.
 */
@Singleton
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @ConfigProperty(name = "dcjk.http.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String id = accept(rc.request().getHeader(HEADER));
            MDC.put(MDC_KEY, id);
            rc.put(MDC_KEY, id);
            rc.response().putHeader(HEADER, id);
            String length = rc.request().getHeader("Content-Length");
            if (length != null && tooLong(length)) {
                ProblemResponses.write(rc, 413, "payload-too-large", "请求体过大", "Payload too large",
                        "请求体超过 " + maxBodyBytes + " 字节", "The body exceeds " + maxBodyBytes + " bytes");
                return;
            }
            rc.next();
        }, 10_000);
    }

    private boolean tooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The caller's id when it is safe to log and echo, otherwise a fresh one. */
    public static String accept(String candidate) {
        return candidate != null && SANE.matcher(candidate).matches() ? candidate : fresh();
    }

    /**
     * A random 128-bit id in UUID form. Request ids need uniqueness, not secrecy, so they come from
     * ThreadLocalRandom rather than the SecureRandom behind UUID.randomUUID(), which every event
     * loop would otherwise contend on.
     */
    static String fresh() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        long hi = (r.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lo = (r.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    /** The id of the request being served, when there is one. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
