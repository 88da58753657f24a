package cn.dcjk.plans.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** An item as the API shows it, with its approval code and granted exceptions once approved. */
public record ItemView(Long id, Long planId, String title, Category category, String activityWord, List<String> topics,
        String organiserUnitCode, List<String> coOrganiserUnitCodes, ActingName actingName, String actingBodyUnitCode,
        String actingApprovalReference, String legalBasis, List<String> targetUnitCodes, ItemInput.TargetScope targetScope,
        boolean regionWide, boolean onSite, ItemInput.Sampling sampling, int constructionSiteVisits,
        String constructionSiteNecessity, LocalDate periodStart, LocalDate periodEnd, List<LocalDate> visitDates,
        LocalDate workDeployedOn, List<String> noticeRecipientUnitCodes, List<String> forms, List<String> materials,
        boolean scores, boolean ranks, boolean mayLeadToAccountability, boolean unifiedDeployment,
        String unifiedDeploymentReference, String implementsApprovalCode, boolean publishable,
        LeaderRank teamLeaderRank, Map<String, String> justifications, boolean grassroots, String approvalCode,
        boolean approved, List<GrantedExceptionView> grantedExceptions) {

    public record GrantedExceptionView(String rule, String justification, String grantedBy, String grantedUnit,
            java.time.OffsetDateTime grantedAt) {
        static GrantedExceptionView of(GrantedException g) {
            return new GrantedExceptionView(g.rule, g.justification, g.grantedBy, g.grantedUnit, g.grantedAt);
        }
    }

    public static ItemView of(PlanItem i, List<GrantedException> granted) {
        return new ItemView(i.id, i.planId, i.title, i.category, i.activityWord, i.topics, i.organiserUnitCode,
                i.coOrganiserUnitCodes, i.actingName, i.actingBodyUnitCode, i.actingApprovalReference, i.legalBasis,
                i.targetUnitCodes, i.targetRegionCode == null ? null
                        : new ItemInput.TargetScope(i.targetLevels.stream().map(cn.dcjk.plans.unit.UnitLevel::valueOf).toList(),
                                i.targetRegionCode),
                i.regionWide, i.onSite, i.samplingPopulation == null ? null
                        : new ItemInput.Sampling(i.samplingPopulation, i.samplingSize),
                i.constructionSiteVisits, i.constructionSiteNecessity, i.periodStart, i.periodEnd, i.visitDates,
                i.workDeployedOn, i.noticeRecipientUnitCodes, i.forms, i.materials, i.scores, i.ranks,
                i.mayLeadToAccountability, i.unifiedDeployment,
                i.unifiedDeploymentReference, i.implementsApprovalCode, i.publishable, i.teamLeaderRank, i.justifications,
                i.grassroots, i.approvalCode, i.approved,
                granted.stream().filter(g -> g.itemId.equals(i.id)).map(GrantedExceptionView::of).toList());
    }
}
