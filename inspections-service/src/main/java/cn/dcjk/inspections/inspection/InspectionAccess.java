package cn.dcjk.inspections.inspection;

import cn.dcjk.common.problem.Problems;
import cn.dcjk.inspections.access.Access;
import cn.dcjk.inspections.rules.Rules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Who may see an inspection (article 15's unannounced ones included) and do the team's work on
 * it: every step of the field work asks here first.
 */
@ApplicationScoped
public class InspectionAccess {

    @Inject
    Rules rules;
    @Inject
    Access access;

    /** An inspection as the caller may see it: whole, or only what concerns the caller's unit. */
    public record Seen(Inspection inspection, boolean full, String unit) {
    }

    /** 404 when the caller may not know the inspection exists (UNANNOUNCED included). */
    public Seen see(long id, boolean lock) {
        Inspection i = lock ? Inspection.findById(id, LockModeType.PESSIMISTIC_WRITE) : Inspection.findById(id);
        if (i == null) {
            throw Problems.notFound("inspection", id);
        }
        if (access.reader() || access.team(i.dispatchingUnitCode)
                || access.office(i.organiserUnitCode, i.organiserRegion, i.coOrganiserCodes)) {
            return new Seen(i, true, null);
        }
        Optional<String> unit = access.inspectedUnitCode();
        if (unit.isPresent()) {
            Optional<InspectionTarget> t = InspectionTarget.of(id, unit.get());
            if (t.isPresent() && rules.unannounced().visibleToInspectedUnit(i.unannounced,
                    t.get().visitStartedAt != null)) {
                return new Seen(i, false, unit.get());
            }
        }
        throw Problems.notFound("inspection", id);
    }

    /** The team's own inspection; others who may see it get 403, the rest 404. */
    Inspection forTeam(long id, boolean lock) {
        Seen s = see(id, lock);
        if (!access.team(s.inspection().dispatchingUnitCode)) {
            throw Problems.forbidden("只有本检查组（派出单位一致的组员）可以办理",
                    "Only members of this inspection's team may do this");
        }
        return s.inspection();
    }

    /** The view the caller may have of an inspection it can see. */
    public Views.InspectionView view(Inspection i) {
        if (access.reader() || access.team(i.dispatchingUnitCode)
                || access.office(i.organiserUnitCode, i.organiserRegion, i.coOrganiserCodes)) {
            return Views.InspectionView.full(i);
        }
        return Views.InspectionView.forUnit(i, access.inspectedUnitCode().orElseThrow());
    }

    /** Today, as the rules count dates. */
    public static LocalDate today() {
        return LocalDate.now();
    }
}
