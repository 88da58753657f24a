package cn.dcjk.gateway.directory;

import cn.dcjk.common.directory.HttpUnitLookup;
import cn.dcjk.common.directory.UnitDirectory;
import cn.dcjk.common.directory.UnitInfo;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;

/**
 * The suite's one directory client ({@link UnitDirectory} over {@link HttpUnitLookup}, both in
 * commons) as the gateway holds it: non-blocking, with the caller's token passed on. Concurrent
 * lookups of one unit share one call; a failed call is not cached, so the next request asks
 * again; when plans-service cannot answer the future fails and the caller fails closed. "Lower
 * than" is the suite's one reading ({@link UnitInfo#lowerThan}) over the two cached units.
 */
@ApplicationScoped
public class DirectoryClient {

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "dcjk.directory.url")
    String url;
    @ConfigProperty(name = "dcjk.directory.ttl", defaultValue = "60s")
    Duration ttl;
    @ConfigProperty(name = "dcjk.directory.timeout", defaultValue = "3s")
    Duration timeout;

    private UnitDirectory units;

    @PostConstruct
    void init() {
        units = new UnitDirectory(new HttpUnitLookup(vertx, url, timeout, 16), ttl);
    }

    /** The unit, empty when the directory says it does not exist. */
    public Future<Optional<UnitInfo>> unit(String code, String authorization) {
        return Future.fromCompletionStage(units.unitAsync(code, authorization));
    }

    /** Whether {@code code} is of a lower level than {@code other}; false when either is unknown. */
    public Future<Boolean> lowerThan(String code, String other, String authorization) {
        if (other == null) {
            return Future.succeededFuture(false);
        }
        return unit(code, authorization).compose(a -> unit(other, authorization)
                .map(b -> a.isPresent() && b.isPresent() && a.get().lowerThan(b.get())));
    }

    /** Forget everything (used when an operator changes the directory and wants it seen at once). */
    public void clear() {
        units.forget();
    }
}
