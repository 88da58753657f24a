package cn.dcjk.plans.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A plan with its items. lateJustification is kept as the organiser's note; a late annual plan is
 * refused all the same (PLAN-SUBMISSION-WINDOW is a prohibition).
 */
public record PlanView(Long id, PlanType type, boolean urgent, int year, String title, String organiserUnitCode,
        String reviewingOfficeCode, String submittingOfficeCode, String approvingBodyCode, PlanStatus status, String lateJustification,
        OffsetDateTime submittedAt, OffsetDateTime approvedAt, OffsetDateTime issuedAt, LocalDate validUntil,
        OffsetDateTime convertedAt, String createdBy, OffsetDateTime createdAt, List<ItemView> items) {

    public static PlanView of(Plan p, List<ItemView> items) {
        return new PlanView(p.id, p.type, p.urgent, p.year, p.title, p.organiserUnitCode, p.reviewingOfficeCode,
                p.submittingOfficeCode, p.approvingBodyCode, p.status, p.lateJustification, p.submittedAt, p.approvedAt, p.issuedAt,
                p.validUntil, p.convertedAt, p.createdBy, p.createdAt, items);
    }
}
