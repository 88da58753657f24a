package cn.dcjk.accountability.referral;

import cn.dcjk.common.rule.Finding;

import java.time.OffsetDateTime;
import java.util.List;

/** A referral as the API shows it; subjects are masked for those not handling it. */
public record ReferralView(Long id, ReferralKind kind, ReferralStatus status, String recipientUnitCode,
        String dispatchingUnitCode, long inspectionId, long findingId, String problem, List<Subject> subjects,
        List<Finding> warnings, String createdBy, OffsetDateTime createdAt, String closeReasons,
        OffsetDateTime closedAt, Transfer transfer) {

    public record Transfer(String competentUnitCode, String legalBasis, String reasons, String by,
            OffsetDateTime at) {
    }

    public static ReferralView of(Referral r, boolean handling) {
        return new ReferralView(r.id, r.kind, r.status, r.recipientUnitCode, r.dispatchingUnitCode, r.inspectionId,
                r.findingId, handling ? r.problem : null,
                handling ? r.subjects : r.subjects.stream().map(Subject::masked).toList(),
                r.warnings, r.createdBy, r.createdAt, r.closeReasons, r.closedAt,
                r.competentUnitCode == null ? null : new Transfer(r.competentUnitCode, r.transferLegalBasis,
                        r.transferReasons, r.transferredBy, r.transferredAt));
    }
}
