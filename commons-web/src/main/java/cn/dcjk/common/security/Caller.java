package cn.dcjk.common.security;

import cn.dcjk.common.problem.Problems;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, for which unit, and (for inspection-team members) on behalf of which
 * dispatching unit. Everything is read from the validated access token, never from the body.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    public boolean anonymous() {
        return identity.isAnonymous();
    }

    public String name() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        String preferred = claim("preferred_username");
        return preferred != null ? preferred : identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    public boolean hasAny(String... roles) {
        return Arrays.stream(roles).anyMatch(identity::hasRole);
    }

    /** The caller's unit, or 403 when the token does not say (a token without a unit acts for no one). */
    public String unitCode() {
        return unit().orElseThrow(() -> Problems.forbidden("访问令牌未载明所属单位（unit_code）",
                "The access token names no unit (unit_code)"));
    }

    public Optional<String> unit() {
        return Optional.ofNullable(claim(Roles.UNIT_CLAIM)).filter(s -> !s.isBlank());
    }

    public Optional<String> dispatchingUnit() {
        return Optional.ofNullable(claim(Roles.DISPATCHING_UNIT_CLAIM)).filter(s -> !s.isBlank());
    }

    /** The caller acts as an inspection team: the role and a dispatching unit in the token. */
    public boolean actsAsInspectionTeam() {
        return has(Roles.INSPECTION_TEAM);
    }

    /** 403 unless the caller holds one of the roles. */
    public void require(String... roles) {
        if (!hasAny(roles)) {
            throw Problems.forbidden("需要角色：" + String.join("、", roles),
                    "Requires one of the roles: " + String.join(", ", roles));
        }
    }

    private String claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            return value == null ? null : value.toString().replace("\"", "");
        }
        Object attribute = identity.getAttribute(name);
        return attribute == null ? null : attribute.toString();
    }
}
