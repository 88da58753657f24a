package cn.dcjk.plans.feed;

import cn.dcjk.common.data.feed.FeedFamily;
import cn.dcjk.plans.plan.Plan;
import cn.dcjk.plans.plan.PlanService;
import cn.dcjk.plans.unit.UnitDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The feed families of plans-service: units, plans (with their items) and approvals. Who may read a
 * change is who may read the plan (or, for units, any signed-in caller), as through the API.
 */
public final class PlanFamilies {

    public static final String UNITS = "units";
    public static final String PLANS = "plans";
    public static final String APPROVALS = "approvals";

    /** Plan workflow steps that are events of the catalogue: action, event type, meaning. */
    static final Map<String, String[]> PLAN_EVENTS = new LinkedHashMap<>();

    static {
        PLAN_EVENTS.put("CREATE", new String[]{"cn.dcjk.plan.created", "A plan or one-matter request was drafted"});
        PLAN_EVENTS.put("SUBMIT", new String[]{"cn.dcjk.plan.submitted", "A plan was submitted to its office"});
        PLAN_EVENTS.put("REVIEW", new String[]{"cn.dcjk.plan.reviewed", "The office reviewed a plan"});
        PLAN_EVENTS.put("REQUEST_CHANGES", new String[]{"cn.dcjk.plan.changes-requested", "A plan was sent back for changes"});
        PLAN_EVENTS.put("APPROVE", new String[]{"cn.dcjk.plan.approved", "The committee approved a plan; its items have approval codes"});
        PLAN_EVENTS.put("REJECT", new String[]{"cn.dcjk.plan.rejected", "A plan was rejected"});
        PLAN_EVENTS.put("ISSUE", new String[]{"cn.dcjk.plan.issued", "The office issued an approved plan"});
        PLAN_EVENTS.put("CONVERT", new String[]{"cn.dcjk.plan.converted", "An urgent approval was converted into the regular plan"});
        PLAN_EVENTS.put("CHANGED_AFTER_APPROVAL", new String[]{"cn.dcjk.plan.returned-to-review",
                "An approved item changed in substance; the plan is under review again"});
    }

    private PlanFamilies() {
    }

    /** Units: the directory, readable by every signed-in caller. */
    @ApplicationScoped
    public static class Units implements FeedFamily {
        static final Map<String, String> EVENTS = Map.of(
                "cn.dcjk.unit.created", "A unit entered the directory",
                "cn.dcjk.unit.updated", "A unit's entry changed",
                "cn.dcjk.unit.retired", "A unit was retired from the directory");

        @Override
        public String name() {
            return UNITS;
        }

        @Override
        public boolean includes(String objectType, String action) {
            return UnitDirectory.AUDIT_TYPE.equals(objectType);
        }

        @Override
        public Optional<String> eventType(String objectType, String action) {
            return switch (action) {
                case "CREATE" -> Optional.of("cn.dcjk.unit.created");
                case "UPDATE" -> Optional.of("cn.dcjk.unit.updated");
                case "RETIRE" -> Optional.of("cn.dcjk.unit.retired");
                default -> Optional.empty();
            };
        }

        @Override
        public Map<String, String> eventTypes() {
            return EVENTS;
        }

        @Override
        public boolean mayRead(String objectType, String objectId, String ownerId) {
            return true;
        }
    }

    /** Plans and their items; an item's change is read under its plan. */
    @ApplicationScoped
    public static class Plans implements FeedFamily {
        @Inject
        PlanService plans;

        @Override
        public String name() {
            return PLANS;
        }

        @Override
        public boolean includes(String objectType, String action) {
            return PlanService.AUDIT_PLAN.equals(objectType) || PlanService.AUDIT_ITEM.equals(objectType);
        }

        @Override
        public String owner(String objectType, String objectId, Map<String, Object> state) {
            Object plan = state.get("planId");
            return PlanService.AUDIT_ITEM.equals(objectType) && plan != null ? plan.toString() : objectId;
        }

        @Override
        public Optional<String> eventType(String objectType, String action) {
            String[] e = PlanService.AUDIT_PLAN.equals(objectType) ? PLAN_EVENTS.get(action) : null;
            return Optional.ofNullable(e == null ? null : e[0]);
        }

        @Override
        public Map<String, String> eventTypes() {
            Map<String, String> all = new LinkedHashMap<>();
            PLAN_EVENTS.values().forEach(e -> all.put(e[0], e[1]));
            return all;
        }

        @Override
        public boolean mayRead(String objectType, String objectId, String ownerId) {
            return readablePlan(plans, ownerId);
        }
    }

    /** Approvals: the plan steps that give, confirm or take back approval codes. */
    @ApplicationScoped
    public static class Approvals implements FeedFamily {
        static final Set<String> STEPS = Set.of("APPROVE", "ISSUE", "CONVERT", "CHANGED_AFTER_APPROVAL");

        @Inject
        PlanService plans;

        @Override
        public String name() {
            return APPROVALS;
        }

        @Override
        public boolean includes(String objectType, String action) {
            return PlanService.AUDIT_PLAN.equals(objectType) && STEPS.contains(action);
        }

        @Override
        public boolean mayRead(String objectType, String objectId, String ownerId) {
            return readablePlan(plans, ownerId);
        }
    }

    static boolean readablePlan(PlanService plans, String planId) {
        try {
            Plan plan = Plan.findById(Long.parseLong(planId));
            return plan != null && plans.mayRead(plan);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
