package cn.dcjk.common.data.idempotency;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.RequestScoped;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The Idempotency-Key of the request being served, as {@link IdempotencyInterceptor} read it (the
 * caller's scope, the key, the request's fingerprint). A fact the request produces even when it
 * is refused (an abuse registered for back-tracing, say) takes its id from here: a retry of the
 * same request with the same key, or a race of two, produces the same id, so the fact is written
 * once; a request without a key is a new attempt with an id of its own.
 */
@RequestScoped
public class RequestKey {

    private String scope;
    private String key;
    private String fingerprint;

    void set(String scope, String key, String fingerprint) {
        this.scope = scope;
        this.key = key;
        this.fingerprint = fingerprint;
    }

    /** The id of the fact {@code purpose} of this request: stable under retries with the same key. */
    public UUID eventId(String purpose) {
        if (key == null) {
            return UUID.randomUUID();
        }
        return UUID.nameUUIDFromBytes((purpose + "\n" + scope + "\n" + key + "\n" + fingerprint)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** As {@link #eventId(String)} of the current request; a random id outside any request. */
    public static UUID current(String purpose) {
        if (Arc.container() == null || !Arc.container().requestContext().isActive()) {
            return UUID.randomUUID();
        }
        return Arc.container().instance(RequestKey.class).get().eventId(purpose);
    }
}
