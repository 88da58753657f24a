package cn.dcjk.inspections.plans;

import cn.dcjk.common.health.UpstreamServiceCheck;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

/** {@code plans-service} in /q/health/ready: approvals and units come from it; reported, never failing readiness. */
@Readiness
@ApplicationScoped
public class PlansServiceCheck extends UpstreamServiceCheck {

    public PlansServiceCheck() {
        super("plans-service", "plans");
    }
}
