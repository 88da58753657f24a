package cn.dcjk.common.data.outbox;

import cn.dcjk.common.request.AdmissionStamp;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends due outbox messages: a batch is locked (FOR UPDATE SKIP LOCKED, so replicas share the
 * work), posted with the service's own token, and marked delivered on 2xx or 409 (the receiver
 * already has it). Connection failures and 5xx back off exponentially up to five minutes and are
 * retried for ever; other 4xx are marked failed for operators to look at. Runs on a worker thread.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 20;

    @Inject
    EntityManager em;
    @Inject
    Config config;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Tokens tokens;

    @Scheduled(every = "${dcjk.outbox.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relay() {
        int sent;
        do {
            sent = QuarkusTransaction.requiringNew().call(this::sendBatch);
        } while (sent == BATCH);
    }

    /** One batch; returns how many messages were due. */
    int sendBatch() {
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("SELECT id, destination, path, body, attempts FROM outbox_message "
                        + "WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now() "
                        + "ORDER BY next_attempt_at LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED")
                .getResultList();
        for (Object[] row : due) {
            deliver((UUID) row[0], (String) row[1], (String) row[2], (String) row[3], ((Number) row[4]).intValue());
        }
        return due.size();
    }

    private void deliver(UUID id, String destination, String path, String body, int attempts) {
        Optional<String> base = config.getOptionalValue("dcjk.outbox.destinations." + destination + ".url",
                String.class);
        if (base.isEmpty()) {
            fail(id, null, "no URL configured for destination " + destination);
            return;
        }
        try {
            String authorization = "Bearer " + token();
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base.get() + path))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", id.toString())
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            // an internal sender holds the admission key and stamps its own delivery, as the gateway does
            stamp().ifPresent(s -> builder.header(AdmissionStamp.HEADER, s.sign(id.toString(),
                    Instant.now().getEpochSecond(), "POST", path, AdmissionStamp.sha256(body), authorization)));
            HttpRequest request = builder.build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status / 100 == 2 || status == 409) {
                em.createNativeQuery("UPDATE outbox_message SET delivered_at = now(), attempts = attempts + 1, "
                        + "last_status = ?2, last_error = NULL WHERE id = ?1")
                        .setParameter(1, id).setParameter(2, status).executeUpdate();
            } else if (status >= 500 || status == 401 || status == 429) {
                retry(id, attempts, status, "HTTP " + status);
            } else {
                fail(id, status, truncate("HTTP " + status + ": " + response.body()));
            }
        } catch (IOException | RuntimeException e) {
            retry(id, attempts, null, truncate(e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            retry(id, attempts, null, "interrupted");
        }
    }

    private volatile Optional<AdmissionStamp> stamp;

    private Optional<AdmissionStamp> stamp() {
        Optional<AdmissionStamp> s = stamp;
        if (s == null) {
            s = AdmissionStamp.fromConfig(config.getOptionalValue("dcjk.admission.key", String.class));
            stamp = s;
        }
        return s;
    }

    private String token() {
        Tokens t = tokens;
        if (t == null || t.isAccessTokenExpired() || t.isAccessTokenWithinRefreshInterval()) {
            OidcClient client = Arc.container().instance(OidcClient.class).get();
            t = client.getTokens().await().atMost(Duration.ofSeconds(10));
            tokens = t;
        }
        return t.getAccessToken();
    }

    private void retry(UUID id, int attempts, Integer status, String error) {
        long delay = Math.min(300, 1L << Math.min(attempts, 8));
        LOG.debugf("Outbox message %s not delivered (%s); retry in %d s", id, error, delay);
        em.createNativeQuery("UPDATE outbox_message SET attempts = attempts + 1, next_attempt_at = ?2, "
                        + "last_status = ?3, last_error = ?4 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, OffsetDateTime.now().plusSeconds(delay))
                .setParameter(3, status).setParameter(4, error).executeUpdate();
    }

    private void fail(UUID id, Integer status, String error) {
        LOG.errorf("Outbox message %s refused by its receiver and set aside: %s", id, error);
        em.createNativeQuery("UPDATE outbox_message SET attempts = attempts + 1, failed_at = now(), last_status = ?2, "
                        + "last_error = ?3 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, status).setParameter(3, error).executeUpdate();
    }

    private static String truncate(String s) {
        return s.length() > 500 ? s.substring(0, 500) : s;
    }
}
