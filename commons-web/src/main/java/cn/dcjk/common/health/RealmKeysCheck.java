package cn.dcjk.common.health;

import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.Readiness;

import java.util.Optional;

/**
 * {@code realm-keys}: whether the realm's signing keys can be fetched. Tokens are checked against
 * the keys fetched before, so an identity-provider outage leaves signed-in callers served; the
 * check reports it (see {@link DependencyCheck}) for the operator instead of taking every replica
 * out of rotation. A token signed with a key not fetched yet is 401 until the realm is back.
 */
@Readiness
@ApplicationScoped
public class RealmKeysCheck extends DependencyCheck {

    @Inject
    Vertx vertx;
    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> realm;

    @Override
    protected String name() {
        return "realm-keys";
    }

    @Override
    protected String target() {
        return realm.map(r -> (r.endsWith("/") ? r.substring(0, r.length() - 1) : r) + "/protocol/openid-connect/certs")
                .orElse(null);
    }

    @Override
    protected boolean up(int status, String body) {
        return status == 200 && body.contains("\"keys\"");
    }

    @Override
    protected Vertx vertx() {
        return vertx;
    }
}
