package cn.dcjk.common.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/**
 * A token that holds {@code inspection-team} acts as an inspection team on every request (article
 * 27): its other roles of the suite are set aside, so such a token is never read as a reviewer, a
 * discipline officer or anything else that could carry a matter to a lower body. (The gateway
 * refuses its writes outright; this is the services' own reading.) A token whose audience does not
 * name the API is refused (401) whatever the OIDC layer made of a missing {@code aud}.
 */
@ApplicationScoped
public class TeamActsAsTeam implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous() && !forTheApi(identity)) {
            return Uni.createFrom().failure(new AuthenticationFailedException(
                    "the access token was not issued for the API (audience " + Roles.AUDIENCE + ")"));
        }
        if (identity.isAnonymous() || !identity.hasRole(Roles.INSPECTION_TEAM)
                || identity.getRoles().stream().filter(Roles.SUITE::contains).count() <= 1) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addAttributes(identity.getAttributes())
                .addCredentials(identity.getCredentials())
                .setAnonymous(false);
        identity.getRoles().stream().filter(r -> r.equals(Roles.INSPECTION_TEAM) || !Roles.SUITE.contains(r))
                .forEach(b::addRole);
        return Uni.createFrom().item(b.build());
    }

    /** RFC 9068 section 4: the token names the API among its audiences (an absent aud is not the API). */
    public static boolean forTheApi(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Set<String> aud = jwt.getAudience();
            return aud != null && aud.contains(Roles.AUDIENCE);
        }
        return true;
    }
}
