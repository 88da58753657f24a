package cn.dcjk.common.data.webhook;

import cn.dcjk.common.security.Roles;
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
 * Runs a check as the subscriber of a webhook: in a request context of its own whose identity is
 * the one the subscriber registered with (name, roles, unit), so the services' own object-level
 * rules decide what it receives, exactly as they decide what it may read through the API.
 */
final class SubscriberIdentity {

    record Subscriber(String name, List<String> roles, String unit, String dispatchingUnit) {
    }

    private SubscriberIdentity() {
    }

    static <T> T as(Subscriber s, Supplier<T> work) {
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

    static SecurityIdentity identity(Subscriber s) {
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
