package cn.dcjk.plans.rule;

import cn.dcjk.plans.plan.Plan;
import cn.dcjk.plans.plan.PlanItem;
import cn.dcjk.plans.unit.Unit;
import cn.dcjk.plans.unit.UnitKind;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a policy may look at for one item: the item and its plan, the units it names (from
 * the directory), the plan's other items before it, the stage, today, the parameters, and the
 * indexed candidate queries over stored items.
 */
public record ItemContext(PlanItem item, Plan plan, Unit organiser, Map<String, Unit> units, List<PlanItem> earlierSiblings,
        Stage stage, LocalDate today, PlanRuleParameters parameters, Candidates candidates) {

    public List<Unit> targets() {
        return item.targetUnitCodes.stream().map(units::get).filter(Objects::nonNull).toList();
    }

    public List<Unit> noticeRecipients() {
        return item.noticeRecipientUnitCodes.stream().map(units::get).filter(Objects::nonNull).toList();
    }

    public boolean organiserIsDepartment() {
        return organiser.kind == UnitKind.DEPARTMENT;
    }

    /** Lower-level party committees or governments among the targets (explicit, or a scope below the organiser). */
    public List<String> lowerCommitteesOrGovernmentsTargeted() {
        List<String> explicit = targets().stream()
                .filter(u -> (u.kind == UnitKind.PARTY_COMMITTEE || u.kind == UnitKind.GOVERNMENT) && u.lowerThan(organiser))
                .map(u -> u.code).toList();
        if (!explicit.isEmpty() || item.targetRegionCode == null) {
            return explicit;
        }
        // a scope of levels below the organiser reaches those levels' committees and governments
        boolean below = item.targetLevels.stream().anyMatch(l -> cn.dcjk.plans.unit.UnitLevel.valueOf(l).ordinal()
                > organiser.level.ordinal());
        return below ? List.of("scope:" + item.targetRegionCode + ":" + String.join("/", item.targetLevels)) : List.of();
    }
}
