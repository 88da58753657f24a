package cn.dcjk.common.data.webhook;

import cn.dcjk.common.data.outbox.OutboxDestination;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Webhook messages of the outbox: POSTed to the subscription's URL, signed per attempt (see {@link WebhookSignature}). */
@ApplicationScoped
public class WebhookDestination implements OutboxDestination {

    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

    @Inject
    EntityManager em;

    @Override
    public String name() {
        return Subscriptions.DESTINATION;
    }

    @Override
    public HttpRequest request(UUID id, String path, String body) throws Undeliverable {
        UUID subscription;
        try {
            subscription = UUID.fromString(path.substring(1));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new Undeliverable("not a webhook path: " + path);
        }
        List<?> rows = QuarkusTransaction.joiningExisting().call(() -> em.createNativeQuery(
                        "SELECT url, secret, active FROM webhook_subscription WHERE id = ?1")
                .setParameter(1, subscription).getResultList());
        if (rows.isEmpty() || !(Boolean) ((Object[]) rows.get(0))[2]) {
            throw new Undeliverable("the subscription " + subscription + " was cancelled");
        }
        Object[] s = (Object[]) rows.get(0);
        long timestamp = System.currentTimeMillis() / 1000;
        return HttpRequest.newBuilder(URI.create((String) s[0]))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", CONTENT_TYPE)
                .header("User-Agent", "dcjk-webhooks/1")
                .header(WebhookSignature.ID, id.toString())
                .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE, WebhookSignature.sign((String) s[1], id.toString(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
