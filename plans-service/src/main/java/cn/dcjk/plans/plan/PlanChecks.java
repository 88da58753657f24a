package cn.dcjk.plans.plan;

import cn.dcjk.common.security.Caller;
import cn.dcjk.plans.rule.PlanRulebook;
import cn.dcjk.plans.rule.Stage;
import cn.dcjk.plans.unit.Unit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Dry runs: the rulebook's verdict on a stored plan, or on one item as it would be written; nothing is written. */
@ApplicationScoped
public class PlanChecks {

    @Inject
    Caller caller;
    @Inject
    PlanSteps steps;
    @Inject
    ItemWriter writer;
    @Inject
    PlanRulebook rulebook;
    @Inject
    PlanService plans;
    @Inject
    EntityManager em;

    /** The rulebook's verdict on a stored plan at a stage. */
    @Transactional
    public PlanRulebook.PlanVerdict check(long planId, Stage stage) {
        Plan plan = plans.read(planId);
        List<PlanItem> items = steps.items(planId);
        Map<Long, Set<String>> granted = new HashMap<>();
        return rulebook.evaluate(plan, items, steps.unitsOf(plan, items), stage, PlanSteps.today(), granted);
    }

    /** A dry run of one item written as it would be, in a plan of the caller's unit (stored or imagined). */
    @Transactional
    public PlanRulebook.PlanVerdict checkItem(Long planId, PlanType type, Integer year, ItemInput in) {
        Plan plan;
        List<PlanItem> items = new ArrayList<>();
        if (planId != null) {
            plan = plans.read(planId);
            items.addAll(steps.items(planId));
        } else {
            Unit organiser = steps.unit(caller.unitCode(), "unit_code");
            plan = new Plan();
            plan.type = type == null ? PlanType.ANNUAL : type;
            plan.year = year == null ? in.periodStart().getYear() : year;
            plan.organiserUnitCode = organiser.code;
            steps.route(plan, organiser);
            plan.status = PlanStatus.DRAFT;
            plan.title = "dry run";
        }
        PlanItem item = new PlanItem();
        item.planId = plan.id;
        writer.apply(plan, item, in);
        em.detach(item);
        items.add(item);
        return rulebook.evaluate(plan, items, steps.unitsOf(plan, items), Stage.DRY_RUN, PlanSteps.today(), Map.of());
    }

}
