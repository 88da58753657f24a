package cn.dcjk.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The header-level half of the one reading of a request, before routing or authentication: a
 * request whose method, length or identity headers could be read two ways is refused, never guessed.
 */
@ApplicationScoped
public class RequestChecks {

    /** A refusal: status and the reason in both languages. */
    public record Problem(int status, String zh, String en) {
    }

    /** Headers by which some frameworks let a POST pretend to be another method: refused, never honoured. */
    static final List<String> METHOD_OVERRIDES = List.of("x-http-method-override", "x-http-method",
            "x-method-override");
    /** Headers that must not appear twice: two values would be two readings. */
    static final List<String> SINGLE = List.of("content-length", "content-type", "authorization", "host",
            "content-encoding", "transfer-encoding", "idempotency-key", "if-match", "x-request-id");

    public Problem check(HttpServerRequest req, long maxBody) {
        if (!Gateway.METHODS.contains(req.method())) {
            return new Problem(405, "不支持的方法 " + req.method().name(), "Method " + req.method().name()
                    + " is not served");
        }
        for (String override : METHOD_OVERRIDES) {
            if (req.headers().contains(override)) {
                return new Problem(400, "请求头 " + override + " 不被接受：请直接使用所需的 HTTP 方法",
                        "The header " + override + " is not accepted: use the HTTP method itself");
            }
        }
        for (String h : SINGLE) {
            if (req.headers().getAll(h).size() > 1) {
                return new Problem(400, "请求头 " + h + " 出现多次", "The header " + h + " appears more than once");
            }
        }
        String te = req.getHeader(HttpHeaders.TRANSFER_ENCODING);
        String cl = req.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (te != null && cl != null) {
            return new Problem(400, "Content-Length 与 Transfer-Encoding 不能同时出现",
                    "Content-Length and Transfer-Encoding cannot both be present");
        }
        if (te != null && !te.trim().equalsIgnoreCase("chunked")) {
            return new Problem(400, "仅接受 chunked 传输编码", "Only the chunked transfer coding is accepted");
        }
        long length = 0;
        if (cl != null) {
            try {
                length = Long.parseLong(cl.trim());
            } catch (NumberFormatException e) {
                return new Problem(400, "Content-Length 不是数字", "Content-Length is not a number");
            }
            if (length < 0) {
                return new Problem(400, "Content-Length 为负数", "Content-Length is negative");
            }
            if (length > maxBody) {
                return new Problem(413, "请求体超过 " + maxBody + " 字节", "The body exceeds " + maxBody + " bytes");
            }
        }
        if (Gateway.SAFE.contains(req.method()) && (length > 0 || te != null)) {
            return new Problem(400, req.method().name() + " 请求不得带有请求体", "A " + req.method().name()
                    + " request carries no body");
        }
        if (req.method() == HttpMethod.CONNECT || req.method() == HttpMethod.TRACE) {
            return new Problem(405, "不支持的方法", "Method not served");
        }
        return null;
    }

    /** Thrown when a body grows past the limit (chunked or not): a 413, the client's fault. */
    public static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    /** Reads a whole body, never past {@code max} bytes; fails with {@link TooLarge} when it would. */
    public static Future<Buffer> readBody(HttpServerRequest req, long max) {
        Promise<Buffer> promise = Promise.promise();
        Buffer buffer = Buffer.buffer();
        req.handler(chunk -> {
            if (promise.future().isComplete()) {
                return;
            }
            if (buffer.length() + chunk.length() > max) {
                promise.tryFail(new TooLarge());
            } else {
                buffer.appendBuffer(chunk);
            }
        });
        req.exceptionHandler(promise::tryFail);
        req.endHandler(v -> promise.tryComplete(buffer));
        req.resume();
        return promise.future();
    }

    static Set<String> connectionNamed(String connection) {
        if (connection == null) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        for (String s : connection.split(",")) {
            names.add(s.trim().toLowerCase(Locale.ROOT));
        }
        return names;
    }
}
