package cn.dcjk.gateway.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.net.URI;

/**
 * Ready only while the realm's signing keys can be fetched: without them no token can be checked
 * and every authenticated route would fail. (The decision log's database has its own check.)
 */
@Readiness
@ApplicationScoped
public class RealmKeysReadiness implements AsyncHealthCheck {

    @Inject
    Vertx vertx;
    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realm;

    private HttpClient client;

    @PostConstruct
    void init() {
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2000)
                .setSsl(realm.startsWith("https")).setKeepAlive(true));
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        String base = realm.endsWith("/") ? realm.substring(0, realm.length() - 1) : realm;
        URI keys = URI.create(base + "/protocol/openid-connect/certs");
        RequestOptions o = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(keys.toString())
                .setIdleTimeout(3000);
        return Uni.createFrom().completionStage(client.request(o).compose(r -> r.send())
                        .compose(r -> r.body().map(b -> r.statusCode() == 200 && b.toString().contains("\"keys\"")))
                        .otherwise(false).toCompletionStage())
                .map(up -> HealthCheckResponse.named("realm-keys").status(up).withData("realm", base).build());
    }
}
