package cn.dcjk.inspections.plans;

import cn.dcjk.common.problem.Problems;
import cn.dcjk.common.unit.UnitCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this service asks of plans-service. Approvals are asked fresh every time (never trust an
 * old answer, nor the client's word); units change rarely and are cached for a TTL. When
 * plans-service cannot be reached the answer is 503 and the caller writes nothing.
 */
@ApplicationScoped
public class PlansDirectory {

    @Inject
    PlansCalls calls;
    @ConfigProperty(name = "dcjk.plans.unit-cache-ttl", defaultValue = "PT10M")
    Duration unitTtl;

    private final Map<String, Cached> units = new ConcurrentHashMap<>();

    private record Cached(Optional<UnitInfo> unit, Instant until) {
    }

    /** The approval as plans-service knows it now; empty when the code is unknown (not genuine). */
    public Optional<Approval> approval(String code) {
        if (!UnitCode.valid(code)) {
            return Optional.empty();
        }
        try {
            return calls.approval(code);
        } catch (RuntimeException e) {
            throw Problems.unavailable("plans-service");
        }
    }

    public Optional<UnitInfo> unit(String code) {
        if (!UnitCode.valid(code)) {
            return Optional.empty();
        }
        Cached c = units.get(code);
        if (c != null && c.until().isAfter(Instant.now())) {
            return c.unit();
        }
        Optional<UnitInfo> u;
        try {
            u = calls.unit(code);
        } catch (RuntimeException e) {
            throw Problems.unavailable("plans-service");
        }
        units.put(code, new Cached(u, Instant.now().plus(unitTtl)));
        return u;
    }
}
