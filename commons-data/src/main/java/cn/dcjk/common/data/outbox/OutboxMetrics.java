package cn.dcjk.common.data.outbox;

import cn.dcjk.common.problem.Outages;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outbox as operators watch it, by destination (a bounded set: the configured
 * {@code dcjk.outbox.destinations.*}): {@code dcjk_outbox_pending}, {@code dcjk_outbox_oldest_pending_age_seconds}
 * and {@code dcjk_outbox_failed} (set aside, waiting for an operator) read from the table every
 * {@code dcjk.outbox.metrics-every}; {@code dcjk_outbox_delivered_total}, {@code dcjk_outbox_failed_total},
 * {@code dcjk_outbox_retries_total} and the {@code dcjk_outbox_delivery_lag_seconds} summary counted
 * as the relay works.
 */
@ApplicationScoped
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);
    private static final Pattern DESTINATION = Pattern.compile("dcjk\\.outbox\\.destinations\\.([^.]+)\\.url");

    @Inject
    MeterRegistry registry;
    @Inject
    DataSource dataSource;
    @Inject
    Config config;

    private final Map<String, State> states = new ConcurrentHashMap<>();

    /** The gauges' values for one destination. */
    private static final class State {
        final AtomicLong pending = new AtomicLong();
        final AtomicLong oldestSeconds = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
    }

    void delivered(String destination, Duration lag) {
        state(destination);
        Counter.builder("dcjk.outbox.delivered").description("Outbox messages the receiver acknowledged")
                .tag("destination", destination).register(registry).increment();
        Timer.builder("dcjk.outbox.delivery.lag").description("From the write to the receiver's acknowledgement")
                .tag("destination", destination).register(registry).record(lag);
    }

    void failed(String destination) {
        state(destination);
        Counter.builder("dcjk.outbox.failed").description("Outbox messages the receiver refused (set aside)")
                .tag("destination", destination).register(registry).increment();
    }

    void retried(String destination) {
        state(destination);
        Counter.builder("dcjk.outbox.retries").description("Outbox deliveries that will be tried again")
                .tag("destination", destination).register(registry).increment();
    }

    private State state(String destination) {
        return states.computeIfAbsent(destination, d -> {
            State s = new State();
            Gauge.builder("dcjk.outbox.pending", s.pending, AtomicLong::get)
                    .description("Outbox messages not delivered yet").tag("destination", d).register(registry);
            Gauge.builder("dcjk.outbox.oldest.pending.age", s.oldestSeconds, AtomicLong::get).baseUnit("seconds")
                    .description("Age of the oldest undelivered outbox message").tag("destination", d)
                    .register(registry);
            Gauge.builder("dcjk.outbox.set.aside", s.failed, AtomicLong::get)
                    .description("Outbox messages refused by their receiver, waiting for an operator")
                    .tag("destination", d).register(registry);
            return s;
        });
    }

    @Scheduled(every = "${dcjk.outbox.metrics-every:15s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        for (String name : config.getPropertyNames()) {
            Matcher m = DESTINATION.matcher(name);
            if (m.matches()) {
                state(m.group(1));
            }
        }
        Map<String, long[]> now = new ConcurrentHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT destination, "
                        + "count(*) FILTER (WHERE failed_at IS NULL), "
                        + "coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE failed_at IS NULL)), 0), "
                        + "count(*) FILTER (WHERE failed_at IS NOT NULL) "
                        + "FROM outbox_message WHERE delivered_at IS NULL GROUP BY destination")) {
            while (r.next()) {
                now.put(r.getString(1), new long[] {r.getLong(2), (long) r.getDouble(3), r.getLong(4)});
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Outbox metrics not refreshed (%s)", Outages.dependency(e).orElse(e.toString()));
            return;
        }
        now.keySet().forEach(this::state);
        states.forEach((destination, s) -> {
            long[] v = now.getOrDefault(destination, new long[3]);
            s.pending.set(v[0]);
            s.oldestSeconds.set(v[1]);
            s.failed.set(v[2]);
        });
    }
}
