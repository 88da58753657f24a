package cn.dcjk.common.security;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

import java.util.List;
import java.util.function.Supplier;

/**
 * Runs work as another principal, outside any HTTP request: in a request context of its own whose
 * identity is the given one (name, roles, unit), so the services' own object-level rules (through
 * {@link Caller}) decide for it exactly as they decide for a request. Used to check what a webhook's
 * subscriber may receive, and for the service's own scheduled writes (actor {@code system}).
 */
public final class RunAs {

    /** A principal as the realm's tokens describe it. */
    public record Principal(String name, List<String> roles, String unit, String dispatchingUnit) {

        /** The service itself, for its scheduled work. */
        public static Principal system() {
            return new Principal("system", List.of(), null, null);
        }
    }

    private RunAs() {
    }

    public static <T> T as(Principal s, Supplier<T> work) {
        ManagedContext requests = Arc.container().requestContext();
        InjectableContext.ContextState outer = requests.isActive() ? requests.getState() : null;
        if (outer != null) {
            requests.deactivate();
        }
        requests.activate();
        try {
            Arc.container().instance(CurrentIdentityAssociation.class).get().setIdentity(identity(s));
            return work.get();
        } finally {
            requests.terminate();
            if (outer != null) {
                requests.activate(outer);
            }
        }
    }

    static SecurityIdentity identity(Principal s) {
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(s.name()))
                .addRoles(new java.util.HashSet<>(s.roles()))
                .addAttribute("preferred_username", s.name());
        if (s.unit() != null) {
            b.addAttribute(Roles.UNIT_CLAIM, s.unit());
        }
        if (s.dispatchingUnit() != null) {
            b.addAttribute(Roles.DISPATCHING_UNIT_CLAIM, s.dispatchingUnit());
        }
        return b.build();
    }
}
