package cn.dcjk.common.directory;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * How a service asks plans-service for one unit: over its REST client (services, on a worker
 * thread) or its non-blocking HTTP client (the gateway). The contract: an empty answer when the
 * directory says the unit does not exist (404); a stage failed with {@link DirectoryUnavailable}
 * when it cannot answer (connection, timeout, 5xx, 401/403 of the service's own call).
 */
@FunctionalInterface
public interface UnitLookup {

    /**
     * @param authorization the caller's Authorization header to pass on, or null when the client
     *                      passes it on by itself
     */
    CompletionStage<Optional<UnitInfo>> lookup(String code, String authorization);
}
