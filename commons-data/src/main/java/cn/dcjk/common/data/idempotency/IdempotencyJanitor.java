package cn.dcjk.common.data.idempotency;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.OffsetDateTime;

/** Keys are remembered for a day (configurable); older records are dropped hourly. */
@ApplicationScoped
public class IdempotencyJanitor {

    @Inject
    EntityManager em;

    @ConfigProperty(name = "dcjk.idempotency.retention", defaultValue = "P1D")
    Duration retention;

    @Scheduled(every = "1h", delayed = "5m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void purge() {
        em.createNativeQuery("DELETE FROM idempotency_record WHERE created_at < ?1")
                .setParameter(1, OffsetDateTime.now().minus(retention))
                .executeUpdate();
    }
}
