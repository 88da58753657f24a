package cn.dcjk.inspections.plans;

import cn.dcjk.common.directory.DirectoryUnavailable;
import cn.dcjk.common.directory.UnitDirectory;
import cn.dcjk.common.directory.UnitInfo;
import jakarta.annotation.PostConstruct;
import java.util.concurrent.CompletableFuture;
import cn.dcjk.common.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;

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

    /** The suite's one directory client, over the guarded calls to plans-service. */
    private UnitDirectory units;

    @PostConstruct
    void init() {
        units = new UnitDirectory((code, authorization) -> {
            try {
                return CompletableFuture.completedFuture(calls.unit(code));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(new DirectoryUnavailable("plans-service", e));
            }
        }, unitTtl);
    }

    /** The approval as plans-service knows it now; empty when the code is unknown (not genuine). */
    public Optional<Approval> approval(String code) {
        try {
            return calls.approval(code);
        } catch (RuntimeException e) {
            throw Problems.unavailable("plans-service");
        }
    }

    /** The unit, empty when plans-service says it does not exist; 503 when it cannot answer. */
    public Optional<UnitInfo> unit(String code) {
        return units.unit(code);
    }
}
