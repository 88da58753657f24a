package cn.dcjk.inspections.rules;

import cn.dcjk.common.rule.Facts;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.inspections.inspection.SiteType;

import java.util.ArrayList;
import java.util.List;

/**
 * ON-SITE-AS-APPROVED (article 10): 「严格控制实地督查检查考核活动……确需实地开展的，应当以抽查为主……严格控制
 * 到施工现场督查检查考核数量和频次」. Field work is what was approved: an item approved as not on-site gets
 * no itinerary and no visit; under a sampled item only the drawn sample is visited; construction-site
 * visits stay within the number approved with their necessity (zero unless CONSTRUCTION-SITE's
 * exception was granted). Judged when an itinerary entry is filed and again when a visit starts.
 */
public final class OnSiteAsApproved implements Rule<OnSiteAsApproved.Context> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("ON-SITE-AS-APPROVED", List.of(10),
            Severity.PROHIBITED, "实地督查检查按批准的方式、样本和施工现场次数开展",
            "Field work is what was approved: on-site or not, the drawn sample, the construction-site visits");

    /**
     * @param approvedOnSite   the item was approved as on-site
     * @param sampleDrawn      a sample was drawn; {@code unitSampled} says whether this unit is in it
     * @param siteType         where the visit goes
     * @param approvedConstructionSiteVisits construction-site visits approved with the item
     * @param constructionSiteVisitsBefore   construction-site entries already filed in this inspection
     */
    public record Context(String unitCode, boolean approvedOnSite, boolean sampleDrawn, boolean unitSampled,
            SiteType siteType, int approvedConstructionSiteVisits, long constructionSiteVisitsBefore) {
    }

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(Context c) {
        List<Finding> out = new ArrayList<>();
        if (!c.approvedOnSite()) {
            out.add(finding("该事项批准为非实地事项，不得安排行程或实地检查",
                    "The item was approved as not on-site: no itinerary, no visit",
                    Facts.of("unitCode", c.unitCode(), "approvedOnSite", false, "abuse", "UNAPPROVED_FIELD_WORK")));
            return out;
        }
        if (c.sampleDrawn() && !c.unitSampled()) {
            out.add(finding("单位 " + c.unitCode() + " 未被抽中，不得实地检查",
                    "Unit " + c.unitCode() + " was not sampled; no on-site visit",
                    Facts.of("unitCode", c.unitCode(), "abuse", "OUTSIDE_SAMPLE")));
        }
        if (c.siteType() == SiteType.CONSTRUCTION_SITE
                && c.constructionSiteVisitsBefore() + 1 > c.approvedConstructionSiteVisits()) {
            out.add(finding("到施工现场 " + (c.constructionSiteVisitsBefore() + 1) + " 次，超过批准的 "
                            + c.approvedConstructionSiteVisits() + " 次",
                    "Construction-site visit " + (c.constructionSiteVisitsBefore() + 1) + " exceeds the "
                            + c.approvedConstructionSiteVisits() + " approved",
                    Facts.of("unitCode", c.unitCode(), "approvedConstructionSiteVisits",
                            c.approvedConstructionSiteVisits(), "constructionSiteVisits",
                            c.constructionSiteVisitsBefore() + 1, "abuse", "CONSTRUCTION_SITE_OVER_APPROVAL")));
        }
        return out;
    }
}
