package cn.dcjk.inspections.plans;

import cn.dcjk.common.directory.UnitInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Optional;

/**
 * The guarded calls to plans-service. Both are idempotent GETs, so they are retried; a 404 is an
 * answer (empty), not a failure, and never opens the breaker.
 */
@ApplicationScoped
public class PlansCalls {

    @Inject
    @RestClient
    PlansClient client;

    @Timeout(3000)
    @Retry(maxRetries = 2, delay = 100, retryOn = PlansDown.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, failOn = PlansDown.class)
    public Optional<Approval> approval(String code) {
        try {
            return Optional.ofNullable(client.approval(code));
        } catch (WebApplicationException e) {
            return notFoundOrDown(e);
        } catch (ProcessingException e) {
            throw new PlansDown(e);
        }
    }

    @Timeout(3000)
    @Retry(maxRetries = 2, delay = 100, retryOn = PlansDown.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, failOn = PlansDown.class)
    public Optional<UnitInfo> unit(String code) {
        try {
            return Optional.ofNullable(client.unit(code));
        } catch (WebApplicationException e) {
            return notFoundOrDown(e);
        } catch (ProcessingException e) {
            throw new PlansDown(e);
        }
    }

    private static <T> Optional<T> notFoundOrDown(WebApplicationException e) {
        if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
            return Optional.empty();
        }
        throw new PlansDown(e);
    }

    /** plans-service did not answer usefully (connection, timeout, 5xx, or an answer we cannot read). */
    public static class PlansDown extends RuntimeException {
        PlansDown(Throwable cause) {
            super("plans-service unavailable", cause);
        }
    }
}
