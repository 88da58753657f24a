package cn.dcjk.plans.statistics;

import cn.dcjk.plans.calendar.NoMeetingMonth;
import cn.dcjk.plans.mandate.Mandate;
import cn.dcjk.plans.plan.Category;
import cn.dcjk.plans.plan.PlanItem;
import cn.dcjk.plans.rule.Candidates;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The candidates the statistics hand to the rulebook's standing: grassroots counts and baselines
 * read for all organisers at once (one query each), everything else asked of the store as usual.
 */
final class TalliedCandidates implements Candidates {

    private final Candidates store;
    private final Map<String, Long> grassroots;
    private final Map<String, Integer> baselines;

    /** Keys of both maps are {@code organiser + ":" + year}. */
    TalliedCandidates(Candidates store, Map<String, Long> grassroots, Map<String, Integer> baselines) {
        this.store = store;
        this.grassroots = grassroots;
        this.baselines = baselines;
    }

    static String key(String organiser, int year) {
        return organiser + ":" + year;
    }

    @Override
    public long grassrootsItems(String organiser, int year) {
        return grassroots.getOrDefault(key(organiser, year), 0L);
    }

    @Override
    public Optional<Integer> recordedBaseline(String organiser, int year) {
        return Optional.ofNullable(baselines.get(key(organiser, year)));
    }

    @Override
    public long approvedCount(String organiser, int year, Category category, Long excludeItemId) {
        return store.approvedCount(organiser, year, category, excludeItemId);
    }

    @Override
    public List<PlanItem> nearby(PlanItem item, int gapDays) {
        return store.nearby(item, gapDays);
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
    public Optional<PlanItem> byApprovalCode(String approvalCode) {
        return store.byApprovalCode(approvalCode);
    }

    @Override
    public Optional<Mandate> mandate(String reference) {
        return store.mandate(reference);
    }
}
