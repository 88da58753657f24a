package cn.dcjk.plans.rule;

import cn.dcjk.plans.calendar.NoMeetingMonth;
import cn.dcjk.plans.mandate.Mandate;
import cn.dcjk.plans.plan.Category;
import cn.dcjk.plans.plan.PlanItem;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Candidates that ask a store every question: the one base for views over the store that answer
 * some questions themselves ({@link AskedOnce}, the statistics' tallies) and pass the rest on.
 */
public abstract class ForwardingCandidates implements Candidates {

    protected final Candidates store;

    protected ForwardingCandidates(Candidates store) {
        this.store = store;
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
