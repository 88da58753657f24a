package cn.dcjk.gateway.auth;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Authentication first: the bearer token is validated by quarkus-oidc (issuer, signature by the
 * cached and refreshed JWKS, expiry) before anything is proxied. Non-blocking throughout.
 */
@ApplicationScoped
public class TokenGate {

    @Inject
    TenantIdentityProvider oidc;

    /** The bearer token of an Authorization header, null when there is none, "" when it is not a bearer. */
    public static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String a = authorization.trim();
        if (a.length() > 7 && a.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return a.substring(7).trim();
        }
        return "";
    }

    public Uni<SecurityIdentity> verify(String token) {
        return oidc.authenticate(new AccessTokenCredential(token));
    }
}
