package cn.dcjk.accountability.directory;

import cn.dcjk.common.directory.DirectoryUnavailable;
import cn.dcjk.common.directory.UnitDirectory;
import cn.dcjk.common.directory.UnitInfo;
import jakarta.annotation.PostConstruct;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import cn.dcjk.common.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Duration;
import java.util.Optional;
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

    /** The suite's one directory client, over this service's REST client to plans-service. */
    private UnitDirectory units;

    @PostConstruct
    void init() {
        units = new UnitDirectory((code, authorization) -> lookup(code), ttl);
    }

    /** One call of the REST client (the caller's token travels with it): 404 is empty, failure unavailable. */
    private CompletionStage<Optional<UnitInfo>> lookup(String code) {
        try {
            return CompletableFuture.completedFuture(ask("plans-service", () -> plans.unit(code)));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(new DirectoryUnavailable("plans-service", e));
        }
    }

    /** The unit, empty when plans-service says it does not exist; 503 when it cannot answer. */
    public Optional<UnitInfo> unit(String code) {
        return units.unit(code);
    }

    /** The unit, or 400 naming the field when it does not exist. */
    public UnitInfo existingUnit(String code, String field) {
        return units.existing(code, field);
    }

    public Optional<InspectionInfo> inspection(long id) {
        return ask("inspections-service", () -> inspections.inspection(id));
    }

    public Optional<FindingInfo> finding(long id) {
        return ask("inspections-service", () -> inspections.finding(id));
    }

    /** Forgets cached units (tests; an operator's reload). */
    public void forget() {
        units.forget();
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
