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
        return OidcWiremockTestResource.generateJwtToken(user, roles, "sub-" + user, "Bearer",
                Set.of("https://service.example.com"), claims);
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
