package cn.dcjk.plans.approval;

import java.time.LocalDate;
import java.util.List;

/**
 * What anyone holding an approval code (督查检查考核编号) may learn: that it is genuine, whether it
 * is current, and whom and when it covers, and what field work it allows: on-site or not, the
 * sample, and the construction-site visits approved with their necessity (0 unless granted). Field work quotes it; inspections-service checks it.
 */
public record ApprovalView(String code, boolean genuine, boolean current, Status status, Long itemId, Long planId,
        String title, String category, String activityWord, String organiserUnitCode, List<String> coOrganiserUnitCodes,
        boolean onSite, List<String> targetUnitCodes, Scope targetScope, Sampling sampling, LocalDate periodStart,
        LocalDate periodEnd, LocalDate validUntil, boolean provincialComprehensive, int constructionSiteVisits) {

    /** CURRENT; EXPIRED (past the plan's year); LAPSED (urgent, not converted in time); REVOKED (withdrawn or back in review). */
    public enum Status {
        CURRENT, EXPIRED, LAPSED, REVOKED
    }

    public record Scope(List<String> levels, String regionCode) {
    }

    /** The approved sampling: with a granted exception the sample size is the approved maximum. */
    public record Sampling(Integer population, Integer sampleSize, boolean exceptionGranted) {
    }
}
