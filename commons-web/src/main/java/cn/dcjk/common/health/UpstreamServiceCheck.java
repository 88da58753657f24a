package cn.dcjk.common.health;

import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A service this one asks synchronously (plans-service behind inspections-service, say), named
 * after it and asked for its own readiness; reported, never failing this service's readiness
 * (see {@link DependencyCheck}): while it is down, the requests that need it get 503 problem+json
 * with Retry-After and everything else is served. A service declares one bean per upstream:
 * {@code @Readiness @ApplicationScoped class PlansServiceCheck extends UpstreamServiceCheck} with
 * the name and the REST client's configuration key.
 */
public abstract class UpstreamServiceCheck extends DependencyCheck {

    @Inject
    Vertx vertx;

    private final String service;
    private final String clientKey;

    /** @param clientKey the REST client's key: its URL is {@code quarkus.rest-client.<key>.url} */
    protected UpstreamServiceCheck(String service, String clientKey) {
        this.service = service;
        this.clientKey = clientKey;
    }

    @Override
    protected String name() {
        return service;
    }

    @Override
    protected String target() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.rest-client." + clientKey + ".url", String.class)
                .map(u -> (u.endsWith("/") ? u.substring(0, u.length() - 1) : u) + "/q/health/ready")
                .orElse(null);
    }

    @Override
    protected boolean up(int status, String body) {
        return status == 200;
    }

    @Override
    protected Vertx vertx() {
        return vertx;
    }
}
