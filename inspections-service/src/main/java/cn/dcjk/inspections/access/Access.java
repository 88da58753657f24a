package cn.dcjk.inspections.access;

import cn.dcjk.common.security.Caller;
import cn.dcjk.common.security.Roles;
import cn.dcjk.inspections.plans.PlansDirectory;
import cn.dcjk.common.directory.UnitInfo;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Who may see what (object-level, on every read and write):
 * <ul>
 * <li>the team: role inspection-team whose token's dispatching unit is the inspection's;</li>
 * <li>the organiser's office: role office-reviewer whose unit is the organiser or a co-organiser, or a
 * party/government office (PARTY_OFFICE, GOVERNMENT_OFFICE) of the organiser's own region — the office
 * over the organiser (e.g. 370000-GO over 370000-D-ENV);</li>
 * <li>readers: auditor, admin and integrator read everything, write nothing here unless a resource says so;</li>
 * <li>inspected units: role inspected-unit, only what concerns their own unit (decided by the services).</li>
 * </ul>
 */
@RequestScoped
public class Access {

    @Inject
    Caller caller;
    @Inject
    PlansDirectory plans;

    private Optional<UnitInfo> ownUnit;

    public boolean reader() {
        return caller.hasAny(Roles.AUDITOR, Roles.ADMIN, Roles.INTEGRATOR);
    }

    public boolean team(String dispatchingUnitCode) {
        return caller.has(Roles.INSPECTION_TEAM)
                && caller.dispatchingUnit().map(d -> d.equals(dispatchingUnitCode)).orElse(false);
    }

    public boolean office(String organiser, String organiserRegion, String coOrganiserCodes) {
        if (!caller.has(Roles.OFFICE_REVIEWER) || caller.unit().isEmpty()) {
            return false;
        }
        String unit = caller.unit().get();
        if (unit.equals(organiser) || coOrganiserCodes.contains("," + unit + ",")) {
            return true;
        }
        return officeRegion().map(r -> r.equals(organiserRegion)).orElse(false);
    }

    /** The region of the caller's unit when it is a party or government office with role office-reviewer. */
    public Optional<String> officeRegion() {
        if (!caller.has(Roles.OFFICE_REVIEWER) || caller.unit().isEmpty()) {
            return Optional.empty();
        }
        if (ownUnit == null) {
            ownUnit = plans.unit(caller.unit().get());
        }
        return ownUnit.filter(UnitInfo::office).map(UnitInfo::regionCode);
    }

    public boolean isAdmin() {
        return caller.has(Roles.ADMIN);
    }

    public boolean inspectedUnit() {
        return caller.has(Roles.INSPECTED_UNIT) && caller.unit().isPresent();
    }

    public Optional<String> teamDispatchingUnit() {
        return caller.has(Roles.INSPECTION_TEAM) ? caller.dispatchingUnit() : Optional.empty();
    }

    public Optional<String> officeUnit() {
        return caller.has(Roles.OFFICE_REVIEWER) ? caller.unit() : Optional.empty();
    }

    public Optional<String> inspectedUnitCode() {
        return inspectedUnit() ? caller.unit() : Optional.empty();
    }

    public String name() {
        return caller.name();
    }
}
