package cn.dcjk.common.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A named readiness check of one dependency shared by every replica (the realm's keys, another
 * service), asked over HTTP without blocking, within a short timeout. It <em>reports</em> the
 * dependency's state in its data ({@code state}, {@code since}, {@code target}) and stays UP:
 * taking every replica out of rotation cannot route around a dependency they all share; it would
 * only turn the service's own answers (503 problem+json with Retry-After on the requests that need
 * the dependency, the rest served) into a refused connection for everything. Readiness goes DOWN
 * only for what is the replica's own (its database pool; shutting down).
 */
public abstract class DependencyCheck implements AsyncHealthCheck {

    private final AtomicReference<String> state = new AtomicReference<>("UNKNOWN");
    private final AtomicReference<Instant> since = new AtomicReference<>(Instant.now());
    private volatile HttpClient client;

    /** The check's name in /q/health/ready: the dependency as an operator calls it. */
    protected abstract String name();

    /** The absolute URL to ask, or null when this service is not configured for the dependency. */
    protected abstract String target();

    /** Whether the answer (status, body) says the dependency is up. */
    protected abstract boolean up(int status, String body);

    protected abstract Vertx vertx();

    @Override
    public Uni<HealthCheckResponse> call() {
        String target = target();
        if (target == null) {
            return Uni.createFrom().item(HealthCheckResponse.named(name()).up().withData("state", "NOT_CONFIGURED")
                    .build());
        }
        RequestOptions o = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(target).setIdleTimeout(3000);
        return Uni.createFrom().completionStage(client(target).request(o).compose(r -> r.send())
                        .compose(r -> r.body().map(b -> up(r.statusCode(), b.toString())))
                        .otherwise(false).toCompletionStage())
                .map(isUp -> {
                    String now = isUp ? "UP" : "DOWN";
                    if (!now.equals(state.getAndSet(now))) {
                        since.set(Instant.now());
                    }
                    return HealthCheckResponse.named(name()).up().withData("state", now)
                            .withData("since", since.get().toString()).withData("target", target).build();
                });
    }

    private HttpClient client(String target) {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = vertx().createHttpClient(new HttpClientOptions().setConnectTimeout(2000)
                            .setSsl(target.startsWith("https")).setKeepAlive(true));
                }
                c = client;
            }
        }
        return c;
    }
}
