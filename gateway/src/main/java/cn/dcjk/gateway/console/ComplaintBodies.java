package cn.dcjk.gateway.console;

import io.quarkus.oidc.client.OidcClient;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The bodies a citizen may address a complaint letter to (article 31): the discipline commissions of
 * the units directory, asked of plans-service with the suite's service identity and kept for ten
 * minutes. When the directory cannot answer, the list is empty and the form asks for the code instead.
 */
@ApplicationScoped
public class ComplaintBodies {

    private static final Logger LOG = Logger.getLogger(ComplaintBodies.class);
    private static final Duration KEEP = Duration.ofMinutes(10);

    public record Body(String code, String name, String nameEn, String level) {
        public String label(ConsoleText.Lang lang) {
            return (lang == ConsoleText.Lang.EN && nameEn != null ? nameEn : name) + " (" + code + ")";
        }
    }

    @Inject
    Vertx vertx;
    @Inject
    OidcClient oidc;
    @ConfigProperty(name = "dcjk.directory.url")
    String url;

    private HttpClient client;
    private String host;
    private int port;
    private volatile List<Body> bodies = List.of();
    private volatile long loadedAt;

    @PostConstruct
    void init() {
        URI uri = URI.create(url);
        host = uri.getHost();
        port = uri.getPort() > 0 ? uri.getPort() : 80;
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(2000));
    }

    /** The bodies, province first; never fails (an empty list when the directory is unreachable). */
    public Uni<List<Body>> list() {
        if (!bodies.isEmpty() && System.nanoTime() - loadedAt < KEEP.toNanos()) {
            return Uni.createFrom().item(bodies);
        }
        return oidc.getTokens()
                .chain(tokens -> Uni.createFrom().completionStage(client.request(new RequestOptions()
                                .setMethod(HttpMethod.GET).setHost(host).setPort(port)
                                .setURI("/api/v1/units?kind=DISCIPLINE_COMMISSION&size=200")
                                .addHeader("Authorization", "Bearer " + tokens.getAccessToken())
                                .addHeader("Accept", "application/json").setIdleTimeout(3000))
                        .compose(r -> r.send().compose(res -> res.body().map(b -> {
                            if (res.statusCode() != 200) {
                                throw new IllegalStateException("units directory answered " + res.statusCode());
                            }
                            return b.toJsonObject();
                        }))).toCompletionStage()))
                .map(this::remember)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("The complaint bodies could not be read from the units directory: %s", e.toString());
                    return bodies;
                });
    }

    private List<Body> remember(JsonObject page) {
        List<Body> out = new ArrayList<>();
        page.getJsonArray("items").forEach(o -> {
            JsonObject u = (JsonObject) o;
            if (!u.getBoolean("retired", false)) {
                out.add(new Body(u.getString("code"), u.getString("name"), u.getString("nameEn"), u.getString("level")));
            }
        });
        out.sort((a, b) -> a.code().compareTo(b.code()));
        bodies = List.copyOf(out);
        loadedAt = System.nanoTime();
        return bodies;
    }
}
