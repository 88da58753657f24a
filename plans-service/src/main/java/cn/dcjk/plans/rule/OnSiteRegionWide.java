package cn.dcjk.plans.rule;

import cn.dcjk.common.rule.Facts;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.plans.mandate.Mandate;
import cn.dcjk.plans.mandate.MandateKind;
import cn.dcjk.plans.plan.PlanItem;
import cn.dcjk.common.unit.RegionCode;
import cn.dcjk.plans.unit.UnitKind;

import java.util.List;
import java.util.Optional;

/**
 * ON-SITE-REGION-WIDE (article 10): 「除党委和政府统一部署外，各级党委和政府部门不得组织全域性的实地督查
 * 检查考核活动。」 The unified deployment is not the planner's word: the item names the deployment's
 * reference, and a mandate of kind UNIFIED_DEPLOYMENT with that reference must be on record, decided
 * by the party committee or government of the organiser's region or a region above it, no later
 * than the item's year.
 */
public final class OnSiteRegionWide implements Rule<ItemContext> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("ON-SITE-REGION-WIDE", List.of(10),
            Severity.PROHIBITED, "部门不得开展全域性现场督查检查考核，党委政府统一部署的除外",
            "A department holds no region-wide on-site activity unless the committee and government deployed it jointly");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(ItemContext c) {
        PlanItem i = c.item();
        if (!c.organiserIsDepartment() || !i.onSite || !i.regionWide) {
            return List.of();
        }
        String ref = i.unifiedDeploymentReference;
        Optional<Mandate> m = ref == null ? Optional.empty() : c.candidates().mandate(ref);
        boolean recorded = m.isPresent() && m.get().kind == MandateKind.UNIFIED_DEPLOYMENT
                && (m.get().grantingUnitKind == UnitKind.PARTY_COMMITTEE || m.get().grantingUnitKind == UnitKind.GOVERNMENT)
                && c.organiser().regionCode.startsWith(new RegionCode(m.get().grantingRegionCode).prefix())
                && m.get().year <= i.year;
        if (recorded) {
            return List.of();
        }
        return List.of(finding(ref == null
                        ? "部门不得开展全域性现场活动（非党委政府统一部署）；如属统一部署，请注明部署文号"
                        : "统一部署文号 " + ref + " 未登记为本地区党委、政府的统一部署",
                ref == null
                        ? "A department may not hold a region-wide on-site activity that is not a unified deployment; "
                        + "if it is one, give the deployment's reference"
                        : "Reference " + ref + " is not on record as a unified deployment of this region's committee or government",
                Facts.of("regionWide", true, "onSite", true, "unifiedDeploymentReference", ref,
                        "declaredUnifiedDeployment", i.unifiedDeployment, "field", "unifiedDeploymentReference")));
    }
}
