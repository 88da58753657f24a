package cn.dcjk.accountability.directory;

import cn.dcjk.common.problem.Problems;
import cn.dcjk.common.unit.UnitCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What this service needs to know from the others: units (cached with a TTL, only answers that
 * exist), inspections and findings (never cached: their status moves). When a service cannot
 * answer, the caller gets 503 and nothing is written.
 */
@ApplicationScoped
public class Directory {

    @Inject
    @RestClient
    PlansClient plans;
    @Inject
    @RestClient
    InspectionsClient inspections;

    @ConfigProperty(name = "dcjk.directory.ttl", defaultValue = "60s")
    Duration ttl;

    private record Cached(UnitInfo unit, long at) {
    }

    private final ConcurrentHashMap<String, Cached> units = new ConcurrentHashMap<>();

    /** The unit, empty when plans-service says it does not exist; 503 when it cannot answer. */
    public Optional<UnitInfo> unit(String code) {
        if (!UnitCode.valid(code)) {
            return Optional.empty();
        }
        Cached c = units.get(code);
        if (c != null && System.nanoTime() - c.at() < ttl.toNanos()) {
            return Optional.of(c.unit());
        }
        Optional<UnitInfo> u = ask("plans-service", () -> plans.unit(code));
        u.ifPresent(info -> units.put(code, new Cached(info, System.nanoTime())));
        return u;
    }

    /** The unit, or 400 naming the field when it does not exist. */
    public UnitInfo existingUnit(String code, String field) {
        if (!UnitCode.valid(code)) {
            throw Problems.invalid(field, "a unit code: " + UnitCode.MESSAGE);
        }
        return unit(code).filter(u -> !u.retired())
                .orElseThrow(() -> Problems.invalid(field, "unknown unit " + code));
    }

    public Optional<InspectionInfo> inspection(long id) {
        return ask("inspections-service", () -> inspections.inspection(id));
    }

    public Optional<FindingInfo> finding(long id) {
        return ask("inspections-service", () -> inspections.finding(id));
    }

    /** Forgets cached units (tests; an operator's reload). */
    public void forget() {
        units.clear();
    }

    private static <T> Optional<T> ask(String service, Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof RemoteAnswers.Absent) {
                    return Optional.empty();
                }
            }
            throw Problems.unavailable(service);
        }
    }
}
