package cn.dcjk.gateway.auth;

import cn.dcjk.common.security.TeamActsAsTeam;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;

/**
 * Authentication first: the bearer token is validated by quarkus-oidc (issuer, audience, signature by
 * the cached and refreshed JWKS, expiry) before anything is proxied. A token that passed is
 * remembered ({@link VerifiedTokens}, keyed by its SHA-256) until it expires or for at most the
 * cache's lifetime, whichever is first, so the next request with it is checked on the event loop
 * without a second signature verification. Non-blocking throughout.
 */
@ApplicationScoped
public class TokenGate {

    @Inject
    TenantIdentityProvider oidc;

    /** How many verified tokens are remembered; 0 verifies every request's signature afresh. */
    @ConfigProperty(name = "dcjk.gateway.token-cache.size", defaultValue = "10000")
    int cacheSize;
    /** The longest a verified token is remembered, even when it expires later (bounds a key's removal). */
    @ConfigProperty(name = "dcjk.gateway.token-cache.lifetime", defaultValue = "5M")
    Duration cacheLifetime;

    private VerifiedTokens verified;

    @PostConstruct
    void init() {
        verified = new VerifiedTokens(cacheSize, cacheLifetime.toMillis());
    }

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

    /** The caller of a token verified before and not yet expired, null when it must be verified. */
    public CallerIdentity remembered(String token) {
        return verified.get(token, System.currentTimeMillis());
    }

    /**
     * Verifies a token with quarkus-oidc and requires the API's audience (RFC 9068 section 4, whatever
     * the OIDC layer makes of a missing aud); remembers the caller of a token that passed both.
     */
    public Uni<CallerIdentity> verify(String token) {
        return oidc.authenticate(new AccessTokenCredential(token)).map(identity -> {
            if (!TeamActsAsTeam.forTheApi(identity)) {
                throw new AuthenticationFailedException("the access token was not issued for the API");
            }
            CallerIdentity caller = CallerIdentity.of(identity);
            long expires = expiry(identity);
            if (expires > 0 && !caller.anonymous()) {
                verified.put(token, caller, expires, System.currentTimeMillis());
            }
            return caller;
        });
    }

    /** The token's exp in epoch milliseconds, 0 when it has none (such a token is never remembered). */
    private static long expiry(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
            return jwt.getExpirationTime() * 1000;
        }
        return 0;
    }
}
