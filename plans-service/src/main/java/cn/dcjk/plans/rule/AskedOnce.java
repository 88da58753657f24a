package cn.dcjk.plans.rule;

import cn.dcjk.plans.plan.PlanItem;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored items one evaluation compares with, asked once: NO-SIMILAR-SERIES and MERGE-SIMILAR both
 * compare an item with its nearby items (with the default gap, the same question), so the second rule
 * reads what the first one fetched instead of querying again. Lives as long as one evaluation, so
 * nothing it holds can go stale; every other question goes straight to the store.
 */
final class AskedOnce extends ForwardingCandidates {

    private final Map<PlanItem, Map<Integer, List<PlanItem>>> nearby = new IdentityHashMap<>();

    AskedOnce(Candidates store) {
        super(store);
    }

    @Override
    public List<PlanItem> nearby(PlanItem item, int gapDays) {
        return nearby.computeIfAbsent(item, i -> new HashMap<>())
                .computeIfAbsent(gapDays, gap -> store.nearby(item, gap));
    }
}
