package cn.dcjk.common.data.metrics;

import java.util.List;

/**
 * A business gauge a service declares as a CDI bean: a query that counts rows by one label (its
 * first column the label's value, its second the count), refreshed on a schedule by
 * {@link CountGauges}, never on the scrape. {@code labels} are the label's values that always exist
 * (0 when no row has them); the label's set must be bounded (an enum, a status).
 */
public record CountGauge(String name, String description, String label, List<String> labels, String sql) {

    public CountGauge {
        labels = List.copyOf(labels);
    }
}
