package cn.dcjk.testing;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Access tokens signed by the Quarkus OIDC test server, shaped like the dcjk realm's: the role in
 * groups, the unit in unit_code, and for inspection-team members the dispatching unit.
 */
public final class Tokens {

    private Tokens() {
    }

    public static String token(String user, String role, String unitCode) {
        return token(user, Set.of(role), unitCode, null);
    }

    public static String team(String user, String unitCode, String dispatchingUnitCode) {
        return token(user, Set.of("inspection-team"), unitCode, dispatchingUnitCode);
    }

    public static String token(String user, Set<String> roles, String unitCode, String dispatchingUnitCode) {
        Map<String, String> claims = new HashMap<>();
        if (unitCode != null) {
            claims.put("unit_code", unitCode);
        }
        if (dispatchingUnitCode != null) {
            claims.put("dispatching_unit_code", dispatchingUnitCode);
        }
        return withAudience(user, roles, claims, Set.of(AUDIENCE));
    }

    /** The audience every API token names; a token for another audience is refused (401). */
    public static final String AUDIENCE = "dcjk-api";

    /** A token of the realm for another client: everything right but the audience. */
    public static String forAudience(String user, String role, String unitCode, String audience) {
        Map<String, String> claims = new HashMap<>();
        if (unitCode != null) {
            claims.put("unit_code", unitCode);
        }
        return withAudience(user, Set.of(role), claims, Set.of(audience));
    }

    private static String withAudience(String user, Set<String> roles, Map<String, String> claims, Set<String> aud) {
        return OidcWiremockTestResource.generateJwtToken(user, roles, "sub-" + user, "Bearer", aud, claims);
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
