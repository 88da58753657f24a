package cn.dcjk.accountability.access;

import cn.dcjk.accountability.directory.Directory;
import cn.dcjk.common.unit.RegionCode;
import cn.dcjk.common.directory.UnitInfo;
import cn.dcjk.common.problem.ProblemException;
import cn.dcjk.common.problem.Problems;
import cn.dcjk.common.security.Caller;
import cn.dcjk.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Object-level access shared by the resources: who oversees a region (auditors and admins of a
 * unit whose region contains it), and the one way to answer "not yours" — 404 when the object's
 * existence must stay hidden, 403 when the caller may see it but not do this.
 */
@ApplicationScoped
public class Access {

    @Inject
    Caller caller;
    @Inject
    Directory directory;

    /** Auditors and admins oversee everything inside their unit's region (read only for auditors). */
    public boolean overseer() {
        return caller.hasAny(Roles.AUDITOR, Roles.ADMIN);
    }

    /** The caller's unit's region, asked of plans-service; empty when the token names no unit. */
    public Optional<String> callerRegion() {
        return caller.unit().flatMap(directory::unit).map(UnitInfo::regionCode);
    }

    /** The caller oversees an object located in {@code regionCode}. */
    public boolean oversees(String regionCode) {
        return overseer() && callerRegion().map(r -> RegionCode.within(regionCode, r)).orElse(false);
    }

    /** The unit the caller acts for, when it equals {@code unitCode}. */
    public boolean actsFor(String unitCode, String... roles) {
        return unitCode != null && caller.hasAny(roles) && caller.unit().map(unitCode::equals).orElse(false);
    }

    public static ProblemException hidden(String what, Object id) {
        return Problems.notFound(what, id);
    }
}
