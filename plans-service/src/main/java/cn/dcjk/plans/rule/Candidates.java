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

/** The stored items a rule compares with, always asked for through indexes, never by scanning. */
public interface Candidates {

    /** Approved, not withdrawn items of the organiser, year and category, other than the given one. */
    long approvedCount(String organiser, int year, Category category, Long excludeItemId);

    /** Items under review or approved whose period lies within gapDays of the item's and whose region meets it. */
    List<PlanItem> nearby(PlanItem item, int gapDays);

    /** Approved on-site items visiting any of the units between the dates. */
    List<PlanItem> visitsTo(Collection<String> unitCodes, LocalDate from, LocalDate to, Long excludeItemId);

    /** Units of the given ones exempt (免督查) in the year. */
    Set<String> exempt(Collection<String> unitCodes, int year);

    List<NoMeetingMonth> noMeetingMonths(int fromYear, int toYear);

    /** Approved grassroots items of an organiser in a year. */
    long grassrootsItems(String organiser, int year);

    /** A baseline recorded by admins for a year before the system, if any. */
    Optional<Integer> recordedBaseline(String organiser, int year);

    /** The item holding an approval code, if any. */
    Optional<PlanItem> byApprovalCode(String approvalCode);

    /** The mandate (unified deployment, coordination-body approval) on record under a reference, if any. */
    Optional<Mandate> mandate(String reference);
}
