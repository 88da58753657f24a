package cn.dcjk.plans.rule;

import cn.dcjk.plans.calendar.NoMeetingMonth;
import cn.dcjk.plans.mandate.Mandate;
import cn.dcjk.plans.plan.Category;
import cn.dcjk.plans.plan.PlanItem;

import java.time.LocalDate;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stored items one evaluation compares with, asked once: NO-SIMILAR-SERIES and MERGE-SIMILAR both
 * compare an item with its nearby items (with the default gap, the same question), so the second rule
 * reads what the first one fetched instead of querying again. Lives as long as one evaluation, so
 * nothing it holds can go stale; every other question goes straight to the store.
 */
final class AskedOnce implements Candidates {

    private final Candidates store;
    private final Map<PlanItem, Map<Integer, List<PlanItem>>> nearby = new IdentityHashMap<>();

    AskedOnce(Candidates store) {
        this.store = store;
    }

    @Override
    public List<PlanItem> nearby(PlanItem item, int gapDays) {
        return nearby.computeIfAbsent(item, i -> new java.util.HashMap<>())
                .computeIfAbsent(gapDays, gap -> store.nearby(item, gap));
    }

    @Override
    public long approvedCount(String organiser, int year, Category category, Long excludeItemId) {
        return store.approvedCount(organiser, year, category, excludeItemId);
    }

    @Override
    public List<PlanItem> visitsTo(Collection<String> unitCodes, LocalDate from, LocalDate to, Long excludeItemId) {
        return store.visitsTo(unitCodes, from, to, excludeItemId);
    }

    @Override
    public Set<String> exempt(Collection<String> unitCodes, int year) {
        return store.exempt(unitCodes, year);
    }

    @Override
    public List<NoMeetingMonth> noMeetingMonths(int fromYear, int toYear) {
        return store.noMeetingMonths(fromYear, toYear);
    }

    @Override
    public long grassrootsItems(String organiser, int year) {
        return store.grassrootsItems(organiser, year);
    }

    @Override
    public Optional<Integer> recordedBaseline(String organiser, int year) {
        return store.recordedBaseline(organiser, year);
    }

    @Override
    public Optional<PlanItem> byApprovalCode(String approvalCode) {
        return store.byApprovalCode(approvalCode);
    }

    @Override
    public Optional<Mandate> mandate(String reference) {
        return store.mandate(reference);
    }
}
