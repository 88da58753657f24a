package cn.dcjk.common.data.outbox;

import cn.dcjk.common.problem.Outages;
import cn.dcjk.common.request.AdmissionStamp;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.quarkus.arc.All;
import io.quarkus.arc.Arc;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends due outbox messages. A relay claims a batch with a lease (one short statement:
 * FOR UPDATE SKIP LOCKED inside, so replicas share the work and never claim the same row while a
 * lease runs), then delivers outside any transaction, in parallel, with the service's own token,
 * continuing the writer's trace. 2xx and 409 (the receiver already has it) mark the message
 * delivered; connection failures, 5xx, 401 and 429 back off exponentially up to five minutes and are
 * retried for ever, and once a retry to a destination gets through, that destination's other
 * backed-off messages are due at once (the receiver is back: no waiting out old timers); other 4xx set the message aside for operators. A relay that dies mid-delivery
 * leaves its lease to expire and another one sends again: receivers are idempotent on the message
 * id (the Idempotency-Key) and the source's event id, so each message takes effect exactly once.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final int BATCH = 20;

    private static final String CLAIM = "UPDATE outbox_message m SET claimed_by = ?, claimed_until = now() + ? * interval '1 millisecond' "
            + "FROM (SELECT id FROM outbox_message WHERE delivered_at IS NULL AND failed_at IS NULL "
            + "AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now()) "
            + "ORDER BY next_attempt_at LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED) due WHERE m.id = due.id "
            + "RETURNING m.id, m.destination, m.path, m.body, m.attempts, m.traceparent, m.tracestate, m.created_at";

    @Inject
    DataSource dataSource;
    @Inject
    Config config;
    @Inject
    Vertx vertx;
    /** Destinations that build their own requests (webhooks to integrators, signed per message). */
    @All
    List<OutboxDestination> destinations;
    @Inject
    OpenTelemetry telemetry;
    @Inject
    OutboxMetrics metrics;
    @ConfigProperty(name = "dcjk.outbox.lease", defaultValue = "60s")
    Duration lease;
    @ConfigProperty(name = "dcjk.outbox.timeout", defaultValue = "10s")
    Duration timeout;

    private WebClient http;
    private volatile Tokens tokens;
    private volatile boolean stopping;
    private final String relayId = relayId();

    record Message(UUID id, String destination, String path, String body, int attempts, String traceparent,
            String tracestate, Instant createdAt) {
    }

    /** What became of one delivery: the receiver's status, or the failure when there was no answer. */
    record Outcome(Message message, Integer status, String answer, String error) {
    }

    @PostConstruct
    void init() {
        http = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(2000).setKeepAlive(true)
                .setMaxPoolSize(BATCH));
    }

    @PreDestroy
    void close() {
        if (http != null) {
            http.close();
        }
    }

    /** Claims no new work once the application stops; what is in flight finishes or its lease expires. */
    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${dcjk.outbox.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relay() {
        try {
            while (!stopping && relayOnce(relayId) == BATCH) {
                // a full batch: more may be due
            }
        } catch (RuntimeException e) {
            Optional<String> outage = Outages.dependency(e);
            if (outage.isPresent()) {
                LOG.warnf("Outbox relay paused: %s unavailable (%s)", outage.get(), e.getMessage());
            } else {
                LOG.error("Outbox relay failed", e);
            }
        }
    }

    /** One round as relay {@code claimant}: claim a batch, deliver it, record the outcomes. Returns the batch size. */
    public int relayOnce(String claimant) {
        List<Message> batch = claim(claimant);
        if (batch.isEmpty()) {
            return 0;
        }
        String token;
        try {
            token = token();
        } catch (RuntimeException e) {
            // no service token (the identity provider is down): every message of the batch backs off
            for (Message m : batch) {
                record(claimant, new Outcome(m, null, null, "no service token: " + e.getMessage()));
            }
            return batch.size();
        }
        List<Uni<Outcome>> sends = new ArrayList<>();
        for (Message m : batch) {
            sends.add(deliver(m, token));
        }
        List<Outcome> outcomes = Uni.join().all(sends).andFailFast()
                .await().atMost(timeout.plusSeconds(5));
        for (Outcome o : outcomes) {
            record(claimant, o);
        }
        return batch.size();
    }

    List<Message> claim(String claimant) {
        List<Message> batch = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CLAIM)) {
            s.setString(1, claimant);
            s.setLong(2, lease.toMillis());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    batch.add(new Message(r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getString(4),
                            r.getInt(5), r.getString(6), r.getString(7), r.getTimestamp(8).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim outbox messages", e);
        }
        return batch;
    }

    private Uni<Outcome> deliver(Message m, String token) {
        for (OutboxDestination d : destinations) {
            if (d.name().equals(m.destination())) {
                return deliverOwn(m, d);
            }
        }
        Optional<String> base = config.getOptionalValue("dcjk.outbox.destinations." + m.destination() + ".url",
                String.class);
        if (base.isEmpty()) {
            return Uni.createFrom().item(new Outcome(m, null, null, "no URL configured for destination " + m.destination()));
        }
        Context parent = TraceContexts.extract(m.traceparent(), m.tracestate());
        Span span = telemetry.getTracer("dcjk-outbox").spanBuilder("POST outbox " + m.destination())
                .setParent(parent).setSpanKind(SpanKind.CLIENT)
                .setAttribute("messaging.system", "dcjk-outbox")
                .setAttribute("messaging.destination.name", m.destination())
                .setAttribute("messaging.message.id", m.id().toString())
                .setAttribute("http.request.method", "POST")
                .startSpan();
        String authorization = "Bearer " + token;
        HttpRequest<Buffer> request = http.requestAbs(HttpMethod.POST, base.get() + m.path())
                .timeout(timeout.toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("Idempotency-Key", m.id().toString())
                .putHeader("Authorization", authorization);
        // an internal sender holds the admission key and stamps its own delivery, as the gateway does
        stamp().ifPresent(s -> request.putHeader(AdmissionStamp.HEADER, s.sign(m.id().toString(),
                Instant.now().getEpochSecond(), "POST", m.path(), AdmissionStamp.sha256(m.body()), authorization)));
        TraceContexts.inject(parent.with(span)).forEach(request::putHeader);
        return request.sendBuffer(Buffer.buffer(m.body()))
                .map(r -> new Outcome(m, r.statusCode(), r.bodyAsString(), null))
                .onFailure().recoverWithItem(e -> new Outcome(m, null, null, String.valueOf(e)))
                .invoke(o -> {
                    if (o.status() != null) {
                        span.setAttribute("http.response.status_code", o.status());
                    }
                    if (o.status() == null || o.status() >= 400 && o.status() != 409) {
                        span.setStatus(StatusCode.ERROR, o.error() == null ? "HTTP " + o.status() : o.error());
                    }
                    span.end();
                });
    }

    /** A message whose destination builds its own request: sent as built, answered like any other. */
    private Uni<Outcome> deliverOwn(Message m, OutboxDestination d) {
        java.net.http.HttpRequest built;
        try {
            built = d.request(m.id(), m.path(), m.body());
        } catch (OutboxDestination.Undeliverable e) {
            return Uni.createFrom().item(new Outcome(m, null, null, UNDELIVERABLE + e.getMessage()));
        }
        HttpRequest<Buffer> request = http.requestAbs(HttpMethod.valueOf(built.method()), built.uri().toString())
                .timeout(timeout.toMillis());
        built.headers().map().forEach((name, values) -> values.forEach(v -> request.headers().add(name, v)));
        return request.sendBuffer(Buffer.buffer(m.body()))
                .map(r -> new Outcome(m, r.statusCode(), r.bodyAsString(), null))
                .onFailure().recoverWithItem(e -> new Outcome(m, null, null, String.valueOf(e)));
    }

    private static final String UNDELIVERABLE = "undeliverable: ";

    private void record(String claimant, Outcome o) {
        Message m = o.message();
        Integer status = o.status();
        if (status != null && (status / 100 == 2 || status == 409)) {
            update("UPDATE outbox_message SET delivered_at = now(), attempts = attempts + 1, last_status = ?, "
                    + "last_error = NULL, claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?",
                    status, m.id(), claimant);
            metrics.delivered(m.destination(), Duration.between(m.createdAt(), Instant.now()));
            if (m.attempts() > 0) {
                // a retry got through: the receiver is back, so its other messages waiting out a backoff
                // (up to five minutes after a long outage) are due now rather than when their timers run out
                update("UPDATE outbox_message SET next_attempt_at = now() WHERE destination = ? "
                        + "AND delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at > now()", m.destination());
            }
        } else if (status == null && o.error() != null && (o.error().startsWith("no URL configured")
                || o.error().startsWith(UNDELIVERABLE))
                || status != null && status < 500 && status != 401 && status != 429) {
            String error = truncate(status == null ? o.error() : "HTTP " + status + ": " + o.answer());
            LOG.errorf("Outbox message %s refused by its receiver and set aside: %s", m.id(), error);
            update("UPDATE outbox_message SET failed_at = now(), attempts = attempts + 1, last_status = ?, "
                    + "last_error = ?, claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?",
                    status, error, m.id(), claimant);
            metrics.failed(m.destination());
        } else {
            long delay = Math.min(300, 1L << Math.min(m.attempts(), 8));
            String error = truncate(status == null ? o.error() : "HTTP " + status);
            LOG.debugf("Outbox message %s not delivered (%s); retry in %d s", m.id(), error, delay);
            update("UPDATE outbox_message SET attempts = attempts + 1, next_attempt_at = ?, last_status = ?, "
                    + "last_error = ?, claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?",
                    Timestamp.from(Instant.now().plusSeconds(delay)), status, error, m.id(), claimant);
            metrics.retried(m.destination());
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            // the claim expires and the message is sent again; the receiver is idempotent
            throw new IllegalStateException("cannot record an outbox delivery", e);
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

    private static String truncate(String s) {
        return s == null ? null : s.length() > 500 ? s.substring(0, 500) : s;
    }

    private static String relayId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "relay";
        }
        String id = host + "/" + UUID.randomUUID().toString().substring(0, 8);
        return id.length() > 120 ? id.substring(id.length() - 120) : id;
    }
}
