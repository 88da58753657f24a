package cn.dcjk.inspections.metrics;

import cn.dcjk.common.data.metrics.CountGauge;
import cn.dcjk.inspections.finding.FindingStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.util.Arrays;

/**
 * {@code dcjk_findings_overdue{status}}: findings past their rectification deadline and not closed,
 * by where they stand in the ledger (articles 21 and 24).
 */
@ApplicationScoped
public class FindingGauges {

    @Produces
    CountGauge overdueFindings() {
        return new CountGauge("dcjk.findings.overdue", "Findings past their rectification deadline, not closed",
                "status", Arrays.stream(FindingStatus.values()).filter(s -> s != FindingStatus.CLOSED)
                        .map(Enum::name).toList(),
                "SELECT status, count(*) FROM finding WHERE status <> 'CLOSED' "
                        + "AND deadline < (now() AT TIME ZONE 'Asia/Shanghai')::date GROUP BY status");
    }
}
