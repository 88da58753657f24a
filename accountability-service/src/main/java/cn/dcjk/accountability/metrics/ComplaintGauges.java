package cn.dcjk.accountability.metrics;

import cn.dcjk.common.data.metrics.CountGauge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.ZoneId;
import java.util.List;

/**
 * {@code dcjk_complaints_overdue{status}}: complaint letters still open (received or under
 * verification) longer than COMPLAINT-OUTCOME allows (article 31), counted in the procedure's zone.
 */
@ApplicationScoped
public class ComplaintGauges {

    @ConfigProperty(name = "dcjk.rules.complaint-outcome.overdue-days")
    int overdueDays;
    @ConfigProperty(name = "dcjk.accountability.zone")
    ZoneId zone;

    @Produces
    CountGauge overdueComplaints() {
        return new CountGauge("dcjk.complaints.overdue", "Complaint letters open past the verification period",
                "status", List.of("RECEIVED", "VERIFYING"),
                "SELECT status, count(*) FROM complaint_letter WHERE status IN ('RECEIVED', 'VERIFYING') "
                        + "AND received_on < (now() AT TIME ZONE '" + zone.getId().replace("'", "") + "')::date - "
                        + overdueDays + " GROUP BY status");
    }
}
