package cn.dcjk.common.data.metrics;

import cn.dcjk.common.problem.Outages;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Refreshes the service's {@link CountGauge}s every {@code dcjk.metrics.refresh} (30 s) on a worker
 * thread; a scrape only reads the last values. While the database is down the last values stay.
 */
@ApplicationScoped
public class CountGauges {

    private static final Logger LOG = Logger.getLogger(CountGauges.class);

    @Inject
    Instance<CountGauge> gauges;
    @Inject
    MeterRegistry registry;
    @Inject
    DataSource dataSource;

    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    private AtomicLong value(CountGauge g, String label) {
        return values.computeIfAbsent(g.name() + "\u0000" + label, k -> {
            AtomicLong v = new AtomicLong();
            Gauge.builder(g.name(), v, AtomicLong::get).description(g.description()).tag(g.label(), label)
                    .register(registry);
            return v;
        });
    }

    @Scheduled(every = "${dcjk.metrics.refresh:30s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void refresh() {
        for (CountGauge g : gauges) {
            Map<String, Long> counts = new HashMap<>();
            g.labels().forEach(l -> counts.put(l, 0L));
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery(g.sql())) {
                while (r.next()) {
                    counts.put(r.getString(1), r.getLong(2));
                }
            } catch (SQLException | RuntimeException e) {
                LOG.debugf("%s not refreshed (%s)", g.name(), Outages.dependency(e).orElse(e.toString()));
                continue;
            }
            counts.forEach((label, n) -> value(g, label).set(n));
        }
    }
}
