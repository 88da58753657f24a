package cn.dcjk.gateway.auth;

import cn.dcjk.common.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;
import java.util.TreeSet;

/** The caller as the gateway sees it after the token check; anonymous on public routes without a token. */
public record CallerIdentity(String name, Set<String> roles, String unitCode, String dispatchingUnitCode) {

    public static final CallerIdentity ANONYMOUS = new CallerIdentity("anonymous", Set.of(), null, null);

    public static CallerIdentity of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return ANONYMOUS;
        }
        String name = identity.getPrincipal().getName();
        String unit = null;
        String dispatching = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object preferred = jwt.getClaim("preferred_username");
            if (preferred != null) {
                name = preferred.toString().replace("\"", "");
            }
            unit = claim(jwt, Roles.UNIT_CLAIM);
            dispatching = claim(jwt, Roles.DISPATCHING_UNIT_CLAIM);
        }
        return new CallerIdentity(name, Set.copyOf(identity.getRoles()), unit, dispatching);
    }

    public boolean anonymous() {
        return this == ANONYMOUS;
    }

    /** A token holding inspection-team acts as a team on every write. */
    public boolean actsAsInspectionTeam() {
        return roles.contains(Roles.INSPECTION_TEAM);
    }

    /** The roles of the suite this token holds (the realm's default roles aside). */
    public Set<String> suiteRoles() {
        Set<String> s = new TreeSet<>(roles);
        s.retainAll(Roles.SUITE);
        return s;
    }

    /** inspection-team together with another role of the suite: a write could be read as either. */
    public boolean ambiguousRoles() {
        return actsAsInspectionTeam() && suiteRoles().size() > 1;
    }

    private static String claim(JsonWebToken jwt, String name) {
        Object v = jwt.getClaim(name);
        if (v == null) {
            return null;
        }
        String s = v.toString().replace("\"", "").trim();
        return s.isEmpty() ? null : s;
    }
}
