package cn.dcjk.plans.metrics;

import cn.dcjk.common.data.metrics.CountGauge;
import cn.dcjk.plans.plan.PlanStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.util.Arrays;

/** {@code dcjk_plan_approvals{status}}: annual plans by their place in the approval workflow (article 5). */
@ApplicationScoped
public class PlanGauges {

    @Produces
    CountGauge approvalsByStatus() {
        return new CountGauge("dcjk.plan.approvals", "Annual plans by approval status (article 5)", "status",
                Arrays.stream(PlanStatus.values()).map(Enum::name).toList(),
                "SELECT status, count(*) FROM plan GROUP BY status");
    }
}
