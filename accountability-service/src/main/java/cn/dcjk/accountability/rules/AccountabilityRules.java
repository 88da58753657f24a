package cn.dcjk.accountability.rules;

import cn.dcjk.common.rule.Backtracing;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleBook;
import cn.dcjk.common.rule.RuleDescriptor;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The accountability-service rulebook: every rule of this service in one place, in the shape of
 * {@link cn.dcjk.common.rule.Rule}, with its current parameters (GET /api/v1/rules).
 */
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

    public NoDirectDemand noDirectDemand() {
        return new NoDirectDemand();
    }

    public LawfulRoute lawfulRoute() {
        return new LawfulRoute();
    }

    public Procedure procedure() {
        return new Procedure(appealDays);
    }

    public NoBlameShifting noBlameShifting() {
        return new NoBlameShifting();
    }

    public ComplaintOutcome complaintOutcome() {
        return new ComplaintOutcome();
    }

    public Backtracing backtracing() {
        return new Backtracing();
    }

    /** Every rule of this service that judges, as the rulebook lists them. */
    public List<Rule<?>> all() {
        return List.of(lawfulRoute(), noDirectDemand(), procedure(), noBlameShifting(), complaintOutcome(),
                backtracing());
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
