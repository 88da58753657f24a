package cn.dcjk.plans.rule;

import cn.dcjk.common.rule.Facts;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.plans.mandate.Mandate;
import cn.dcjk.plans.mandate.MandateKind;
import cn.dcjk.plans.plan.ActingName;
import cn.dcjk.plans.unit.UnitKind;

import java.util.List;
import java.util.Optional;

/**
 * NO-BORROWED-BANNER (articles 8, 9). Art. 8: 「不得打党委和政府的旗号」. Art. 9: 「各类议事协调机构未经党委和
 * 政府批准，不得以党委和政府名义开展督查检查考核活动。党委和政府部门不得以议事协调机构的名义，组织开展跨部门、
 * 跨领域、跨行业的督查检查考核活动。」
 *
 * <p>The coordination body's approval is checked against the mandate on record (kind
 * COORDINATION_BODY_APPROVAL, granted to this body by the committee or government whose name it
 * uses), not taken from the planner's word. A department acting in a coordination body's name is
 * refused when the work is cross-department (it has co-organisers), as article 9 says; the stricter
 * reading, never in a coordination body's name, is the parameter
 * {@code departmentNeverInCoordinationBodyName} (default false: the text's meaning).
 */
public final class NoBorrowedBanner implements Rule<ItemContext> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("NO-BORROWED-BANNER", List.of(8, 9),
            Severity.PROHIBITED, "部门不得以党委、政府名义开展督查检查考核",
            "A department acts only in its own name; a coordination body in the committee's or government's name "
                    + "only with a recorded approval");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(ItemContext c) {
        ActingName name = c.item().actingName;
        UnitKind kind = c.organiser().kind;
        if (name == null || name == ActingName.OWN) {
            return List.of();
        }
        boolean committeeName = name == ActingName.PARTY_COMMITTEE || name == ActingName.GOVERNMENT;
        if (kind == UnitKind.DEPARTMENT && committeeName) {
            return List.of(finding("部门不得以党委、政府名义开展督查检查考核",
                    "A department may not act in the name of the party committee or government",
                    Facts.of("organiserKind", kind.name(), "actingName", name.name())));
        }
        if (kind == UnitKind.DEPARTMENT && name == ActingName.COORDINATION_BODY) {
            boolean crossDepartment = !c.item().coOrganiserUnitCodes.isEmpty();
            if (crossDepartment || c.parameters().departmentNeverInCoordinationBodyName()) {
                return List.of(finding("部门不得以议事协调机构名义开展跨部门、跨领域、跨行业的督查检查考核",
                        "A department may not act in a coordination body's name for cross-department work",
                        Facts.of("organiserKind", kind.name(), "actingName", name.name(), "actingBody",
                                c.item().actingBodyUnitCode, "coOrganisers", c.item().coOrganiserUnitCodes)));
            }
            return List.of();
        }
        if (kind == UnitKind.COORDINATION_BODY && committeeName) {
            String ref = c.item().actingApprovalReference;
            if (ref == null || ref.isBlank()) {
                return List.of(finding("议事协调机构以党委、政府名义开展的，须经批准并注明批准文号",
                        "A coordination body acts in the committee's or government's name only with a recorded approval",
                        Facts.of("organiserKind", kind.name(), "actingName", name.name(), "field",
                                "actingApprovalReference")));
            }
            Optional<Mandate> m = c.candidates().mandate(ref);
            UnitKind granting = name == ActingName.PARTY_COMMITTEE ? UnitKind.PARTY_COMMITTEE : UnitKind.GOVERNMENT;
            boolean valid = m.isPresent() && m.get().kind == MandateKind.COORDINATION_BODY_APPROVAL
                    && c.organiser().code.equals(m.get().granteeUnitCode) && m.get().grantingUnitKind == granting
                    && m.get().year <= c.item().year;
            if (!valid) {
                return List.of(finding("批准文号 " + ref + " 未登记为" + (granting == UnitKind.PARTY_COMMITTEE ? "党委" : "政府")
                                + "对本议事协调机构的批准",
                        "Reference " + ref + " is not on record as the " + granting.name().toLowerCase().replace('_', ' ')
                                + "'s approval of this coordination body",
                        Facts.of("actingApprovalReference", ref, "field", "actingApprovalReference",
                                "recorded", m.isPresent())));
            }
        }
        return List.of();
    }
}
