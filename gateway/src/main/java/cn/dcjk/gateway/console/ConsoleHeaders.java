package cn.dcjk.gateway.console;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.net.URI;

/**
 * A strict Content-Security-Policy on the console's pages and files (everything outside /api and /q):
 * scripts and styles from this origin only (no inline script anywhere), data only to this origin
 * and the realm's token endpoint, no framing, no plugins, forms only to this origin and the realm.
 */
@ApplicationScoped
public class ConsoleHeaders {

    public static final String HEADER = "Content-Security-Policy";

    @Inject
    ConsoleConfig config;

    private String policy;

    void init(@Observes Router router) {
        policy = policy(config.realmUrl());
        router.route().order(-200).handler(rc -> {
            String path = rc.request().path();
            if (path != null && !path.startsWith("/api/") && !path.equals("/api") && !path.startsWith("/q/")) {
                rc.addHeadersEndHandler(v -> rc.response().headers().set(HEADER, policy));
            }
            rc.next();
        });
    }

    static String policy(String realmUrl) {
        URI realm = URI.create(realmUrl);
        String origin = realm.getScheme() + "://" + realm.getAuthority();
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self' " + origin + "; form-action 'self' " + origin + "; frame-ancestors 'none'; "
                + "base-uri 'none'; object-src 'none'";
    }
}
