package cn.dcjk.accountability.rules;

import cn.dcjk.common.directory.UnitInfo;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * NO-BLAME-SHIFTING (article 28, ADVISORY): 「不得通过督查检查考核将本应该承担的责任甩给基层，不得以属地管理之名，
 * 一味把工作责任推给基层。」 A finding whose {@code responsibleSide} says the duty
 * is the upper level's, referred against cadres of grassroots units lower than the dispatching
 * unit, is flagged: responsibility must not be pushed down (层层甩锅). It warns and never blocks.
 */
public final class NoBlameShifting implements Rule<NoBlameShifting.Context> {

    /** The finding's responsible side, the dispatching unit, and the units of the cadres named. */
    public record Context(String responsibleSide, UnitInfo dispatchingUnit, List<UnitInfo> subjectUnits) {
    }

    /** Values of a finding's responsibleSide that name the upper level's duty. */
    public static final Set<String> UPPER = Set.of("UPPER", "UPPER_LEVEL", "SUPERIOR", "INSPECTING_SIDE",
            "ORGANISER", "ORGANIZER", "DISPATCHING_UNIT");

    public static final RuleDescriptor RULE = RuleDescriptor.of("NO-BLAME-SHIFTING", List.of(28),
            Severity.ADVISORY, "不得把上级职责范围内的问题责任归于基层",
            "Responsibility for the upper level's duties is not assigned to grassroots units");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(Context c) {
        String responsibleSide = c.responsibleSide();
        UnitInfo dispatchingUnit = c.dispatchingUnit();
        List<UnitInfo> subjectUnits = c.subjectUnits();
        if (responsibleSide == null || !UPPER.contains(responsibleSide.trim().toUpperCase(Locale.ROOT))) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (UnitInfo u : subjectUnits) {
            boolean lower = cn.dcjk.common.unit.RegionCode.strictlyInside(u.regionCode(),
                    dispatchingUnit.regionCode());
            if (lower && u.grassroots()) {
                Map<String, Object> facts = new LinkedHashMap<>();
                facts.put("responsibleSide", responsibleSide);
                facts.put("subjectUnitCode", u.code());
                facts.put("subjectUnitLevel", u.level());
                facts.put("dispatchingUnitCode", dispatchingUnit.code());
                out.add(Finding.of(RULE, Severity.ADVISORY,
                        "该问题属上级职责，却指向基层单位 " + u.code() + " 的干部，请核实是否将责任下移",
                        "The finding concerns the upper level's duty but names cadres of the grassroots unit "
                                + u.code() + "; check that responsibility is not pushed down", facts));
            }
        }
        return out;
    }
}
