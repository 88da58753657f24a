package cn.dcjk.plans.plan;

import cn.dcjk.common.problem.Problem;
import cn.dcjk.common.problem.Problems;
import cn.dcjk.common.unit.RegionCode;
import cn.dcjk.plans.rule.PlanRulebook;
import cn.dcjk.plans.unit.Unit;
import cn.dcjk.plans.unit.UnitKind;
import cn.dcjk.plans.unit.UnitLevel;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Copies an item as written onto a stored item, checking what annotations cannot. */
@ApplicationScoped
public class ItemWriter {

    public void apply(Plan plan, PlanItem item, ItemInput in) {
        List<cn.dcjk.common.problem.Problem.FieldError> errors = new ArrayList<>();
        if (in.periodEnd().isBefore(in.periodStart())) {
            errors.add(new Problem.FieldError("periodEnd", "before periodStart"));
        }
        if (plan.type == PlanType.ANNUAL && in.periodStart().getYear() != plan.year) {
            errors.add(new Problem.FieldError("periodStart", "not in the plan's year " + plan.year));
        }
        if (in.sampling() != null && in.sampling().sampleSize() != null && in.sampling().population() != null
                && in.sampling().sampleSize() > in.sampling().population()) {
            errors.add(new Problem.FieldError("sampling.sampleSize", "larger than the population"));
        }
        List<String> targets = in.targetUnitCodes() == null ? List.of() : List.copyOf(new LinkedHashSet<>(in.targetUnitCodes()));
        if (targets.isEmpty() && in.targetScope() == null) {
            errors.add(new Problem.FieldError("targetUnitCodes", "name the targets, or give a targetScope"));
        }
        List<LocalDate> visits = in.visitDates() == null ? List.of() : in.visitDates();
        for (int k = 0; k < visits.size(); k++) {
            if (visits.get(k).isBefore(in.periodStart()) || visits.get(k).isAfter(in.periodEnd())) {
                errors.add(new Problem.FieldError("visitDates[" + k + "]", "outside the period"));
            }
        }
        if (in.workDeployedOn() != null && in.workDeployedOn().isAfter(in.periodStart())) {
            errors.add(new Problem.FieldError("workDeployedOn", "after periodStart"));
        }
        Map<String, String> justifications = in.justifications() == null ? Map.of() : in.justifications();
        for (String rule : justifications.keySet()) {
            if (!PlanRulebook.PRINCIPLE_RULES.contains(rule)) {
                errors.add(new Problem.FieldError("justifications." + rule, "not a PRINCIPLE rule; one of " + PlanRulebook.PRINCIPLE_RULES));
            }
        }
        Set<String> all = new HashSet<>(targets);
        List<String> co = in.coOrganiserUnitCodes() == null ? List.of() : in.coOrganiserUnitCodes();
        List<String> notices = in.noticeRecipientUnitCodes() == null ? List.of() : in.noticeRecipientUnitCodes();
        all.addAll(co);
        all.addAll(notices);
        if (in.actingBodyUnitCode() != null) {
            all.add(in.actingBodyUnitCode());
        }
        Map<String, Unit> known = new HashMap<>();
        if (!all.isEmpty()) {
            Unit.<Unit>list("code in ?1 and retired = false", all).forEach(u -> known.put(u.code, u));
        }
        unknown(errors, "targetUnitCodes", targets, known);
        unknown(errors, "coOrganiserUnitCodes", co, known);
        unknown(errors, "noticeRecipientUnitCodes", notices, known);
        if (in.actingBodyUnitCode() != null && !known.containsKey(in.actingBodyUnitCode())) {
            errors.add(new Problem.FieldError("actingBodyUnitCode", "unknown unit code " + in.actingBodyUnitCode()));
        }
        if (in.actingName() == ActingName.COORDINATION_BODY && in.actingBodyUnitCode() == null) {
            errors.add(new Problem.FieldError("actingBodyUnitCode", "name the coordination body"));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        item.title = in.title().trim();
        item.category = in.category();
        item.activityWord = in.activityWord();
        item.topics = in.topics() == null ? new ArrayList<>() : new ArrayList<>(in.topics().stream().map(String::trim).toList());
        item.organiserUnitCode = plan.organiserUnitCode;
        item.coOrganiserUnitCodes = new ArrayList<>(co);
        item.actingName = in.actingName() == null ? ActingName.OWN : in.actingName();
        item.actingBodyUnitCode = in.actingBodyUnitCode();
        item.actingApprovalReference = PlanSteps.blankToNull(in.actingApprovalReference());
        item.legalBasis = PlanSteps.blankToNull(in.legalBasis());
        item.targetUnitCodes = new ArrayList<>(targets);
        item.targetLevels = in.targetScope() == null ? new ArrayList<>()
                : new ArrayList<>(in.targetScope().levels().stream().map(Enum::name).distinct().toList());
        item.targetRegionCode = in.targetScope() == null ? null : in.targetScope().regionCode();
        item.targetRegionPrefix = regionPrefix(targets, known, in.targetScope());
        item.regionWide = in.regionWide();
        item.onSite = in.onSite();
        item.samplingPopulation = in.sampling() == null ? null : in.sampling().population();
        item.samplingSize = in.sampling() == null ? null : in.sampling().sampleSize();
        item.constructionSiteVisits = in.constructionSiteVisits();
        item.constructionSiteNecessity = PlanSteps.blankToNull(in.constructionSiteNecessity());
        item.periodStart = in.periodStart();
        item.periodEnd = in.periodEnd();
        item.visitDates = new ArrayList<>(new java.util.TreeSet<>(visits));
        item.workDeployedOn = in.workDeployedOn();
        item.noticeRecipientUnitCodes = new ArrayList<>(notices);
        item.forms = in.forms() == null ? new ArrayList<>() : new ArrayList<>(in.forms());
        item.materials = in.materials() == null ? new ArrayList<>() : new ArrayList<>(in.materials());
        item.scores = in.scores();
        item.ranks = in.ranks();
        item.mayLeadToAccountability = in.mayLeadToAccountability();
        item.unifiedDeploymentReference = PlanSteps.blankToNull(in.unifiedDeploymentReference());
        item.unifiedDeployment = in.unifiedDeployment() || item.unifiedDeploymentReference != null;
        item.implementsApprovalCode = PlanSteps.blankToNull(in.implementsApprovalCode());
        item.publishable = in.publishable();
        item.teamLeaderRank = in.teamLeaderRank();
        item.justifications = new java.util.LinkedHashMap<>(justifications);
        item.year = plan.year;
        item.grassroots = targets.stream().map(known::get).anyMatch(u -> u.level.grassroots()
                || u.kind == UnitKind.ENTERPRISE || u.kind == UnitKind.SCHOOL)
                || item.targetLevels.stream().anyMatch(l -> UnitLevel.valueOf(l).grassroots());
    }

    private static void unknown(List<Problem.FieldError> errors, String field, List<String> codes, Map<String, Unit> known) {
        for (int k = 0; k < codes.size(); k++) {
            if (!known.containsKey(codes.get(k))) {
                errors.add(new Problem.FieldError(field + "[" + k + "]", "unknown unit code " + codes.get(k)));
            }
        }
    }

    /** The smallest region holding every target: the common prefix of their regions, or the scope's. */
    static String regionPrefix(Collection<String> targets, Map<String, Unit> known, ItemInput.TargetScope scope) {
        String prefix = scope == null ? null : new RegionCode(scope.regionCode()).prefix();
        for (String t : targets) {
            String p = known.get(t).region().prefix();
            prefix = prefix == null ? p : common(prefix, p);
        }
        return prefix == null ? "37" : prefix;
    }

    static String common(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        // cut back to a region boundary: 2, 4, 6, 9 or 12 digits
        int[] bounds = {12, 9, 6, 4, 2};
        for (int bound : bounds) {
            if (n >= bound) {
                return a.substring(0, bound);
            }
        }
        return a.substring(0, Math.min(2, a.length()));
    }
}
