package cn.dcjk.accountability.directory;

import cn.dcjk.common.health.UpstreamServiceCheck;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.Readiness;

/** {@code inspections-service} in /q/health/ready: inspections and findings come from it; reported, never failing readiness. */
@Readiness
@ApplicationScoped
public class InspectionsServiceCheck extends UpstreamServiceCheck {

    public InspectionsServiceCheck() {
        super("inspections-service", "inspections");
    }
}
