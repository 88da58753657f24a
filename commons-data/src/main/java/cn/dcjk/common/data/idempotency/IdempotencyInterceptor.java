package cn.dcjk.common.data.idempotency;

import cn.dcjk.common.problem.Problems;
import cn.dcjk.common.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Runs an {@link Idempotent} write and its key record in one transaction. A concurrent request
 * with the same key waits on the key's row (INSERT ... ON CONFLICT) and then replays the answer.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Inject
    HttpServerRequest request;
    @Inject
    Caller caller;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;
    @Inject
    RequestKey requestKey;

    @AroundInvoke
    Object around(InvocationContext ctx) throws Exception {
        String key = request.getHeader(HEADER);
        if (key == null) {
            return QuarkusTransaction.joiningExisting().call(ctx::proceed);
        }
        if (!SANE.matcher(key).matches()) {
            throw Problems.invalid(HEADER, "1 to 128 characters of A-Z a-z 0-9 . _ : -");
        }
        String fingerprint = fingerprint(ctx);
        // anonymous callers share no scope: without an identity, a key only replays the very same request
        String scope = caller.anonymous() ? "anonymous:" + fingerprint : caller.name();
        requestKey.set(scope, key, fingerprint);
        return QuarkusTransaction.joiningExisting().call(() -> {
            int claimed = em.createNativeQuery("INSERT INTO idempotency_record (scope, idem_key, fingerprint) "
                            + "VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                    .setParameter(1, scope).setParameter(2, key).setParameter(3, fingerprint)
                    .executeUpdate();
            if (claimed == 0) {
                return replay(scope, key, fingerprint);
            }
            Response response = (Response) ctx.proceed();
            store(scope, key, response);
            return response;
        });
    }

    private Response replay(String scope, String key, String fingerprint) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT fingerprint, status, content_type, location, etag, body "
                        + "FROM idempotency_record WHERE scope = ?1 AND idem_key = ?2")
                .setParameter(1, scope).setParameter(2, key).getSingleResult();
        if (!fingerprint.equals(row[0]) || row[1] == null) {
            throw Problems.idempotencyMismatch(key);
        }
        Response.ResponseBuilder r = Response.status(((Number) row[1]).intValue()).header(REPLAYED, "true");
        if (row[5] != null) {
            r.entity(row[5]).type((String) row[2]);
        }
        if (row[3] != null) {
            r.header(HttpHeaders.LOCATION, row[3]);
        }
        if (row[4] != null) {
            r.header(HttpHeaders.ETAG, row[4]);
        }
        return r.build();
    }

    private void store(String scope, String key, Response response) throws JsonProcessingException {
        Object entity = response.getEntity();
        String body = entity == null ? null : entity instanceof String s ? s : json.writeValueAsString(entity);
        String type = response.getMediaType() == null ? "application/json" : response.getMediaType().toString();
        em.createNativeQuery("UPDATE idempotency_record SET status = ?3, content_type = ?4, location = ?5, etag = ?6, "
                        + "body = ?7 WHERE scope = ?1 AND idem_key = ?2")
                .setParameter(1, scope).setParameter(2, key)
                .setParameter(3, response.getStatus())
                .setParameter(4, type)
                .setParameter(5, response.getLocation() == null ? null : response.getLocation().toString())
                .setParameter(6, response.getEntityTag() == null ? response.getHeaderString(HttpHeaders.ETAG)
                        : "\"" + response.getEntityTag().getValue() + "\"")
                .setParameter(7, body)
                .executeUpdate();
    }

    /** Method, path and every argument (the body among them) in canonical JSON, hashed. */
    private String fingerprint(InvocationContext ctx) throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update((request.method().name() + " " + request.path() + "\n").getBytes(StandardCharsets.UTF_8));
        for (Object arg : ctx.getParameters()) {
            String canonical;
            try {
                canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                        .writeValueAsString(arg);
            } catch (JsonProcessingException e) {
                canonical = String.valueOf(arg);
            }
            sha.update(canonical.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
