package cn.dcjk.accountability.rules;

import cn.dcjk.common.rule.RuleBook;
import cn.dcjk.common.rule.RuleDescriptor;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** The accountability-service's rules with their current parameters (GET /api/v1/rules). */
@ApplicationScoped
public class AccountabilityRules implements RuleBook {

    @ConfigProperty(name = "dcjk.rules.procedure.appeal-days", defaultValue = "30")
    int appealDays;
    @ConfigProperty(name = "dcjk.rules.complaint-outcome.overdue-days", defaultValue = "90")
    int overdueDays;
    @ConfigProperty(name = "dcjk.accountability.zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    @Override
    public String service() {
        return "accountability-service";
    }

    @Override
    public List<RuleDescriptor> rules() {
        return List.of(LawfulRoute.RULE, NoDirectDemand.RULE,
                Procedure.RULE.withParameters(Map.of("appealDays", appealDays)),
                NoBlameShifting.RULE.withParameters(Map.of("upperResponsibleSides", NoBlameShifting.UPPER.stream()
                        .sorted().toList())),
                ComplaintOutcome.RULE.withParameters(Map.of("overdueDays", overdueDays)),
                Backtracing.RULE);
    }

    public int appealDays() {
        return appealDays;
    }

    public int overdueDays() {
        return overdueDays;
    }

    /** Today where the procedure's dates are counted. */
    public LocalDate today() {
        return LocalDate.now(zone);
    }

    public ZoneId zone() {
        return zone;
    }
}
