package cn.dcjk.accountability.casework;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import cn.dcjk.accountability.referral.Subject;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A case as the API shows it, with its complete history; subjects masked for overseers. */
public record CaseView(Long id, Origin origin, Long referralId, Long complaintId, String competentUnitCode,
        List<Subject> subjects, String summary, CaseStatus status, Outcome outcome, String legalBasis,
        String approvingAuthority, OffsetDateTime decidedAt, LocalDate notifiedOn, LocalDate appealDeadline,
        ReviewResult reviewResult, Outcome reviewedOutcome, OffsetDateTime openedAt, List<Step> history) {

    @Schema(name = "CaseStep")
    public record Step(CaseStatus step, String actor, String actorUnit, OffsetDateTime at,
            Map<String, Object> details) {
        static Step of(CaseStep s) {
            return new Step(s.step, s.actor, s.actorUnit, s.at, s.details);
        }
    }

    public static CaseView of(AccountabilityCase c, List<CaseStep> steps, boolean handling, int appealDays) {
        return new CaseView(c.id, c.origin, c.referralId, c.complaintId, c.competentUnitCode,
                handling ? c.subjects : c.subjects.stream().map(Subject::masked).toList(),
                handling ? c.summary : null, c.status, c.outcome, c.legalBasis, c.approvingAuthority, c.decidedAt,
                c.notifiedOn, c.notifiedOn == null ? null : c.notifiedOn.plusDays(appealDays), c.reviewResult,
                c.reviewedOutcome, c.openedAt,
                handling ? steps.stream().map(Step::of).toList()
                        : steps.stream().map(s -> new Step(s.step, s.actor, s.actorUnit, s.at, Map.of())).toList());
    }
}
