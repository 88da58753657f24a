package cn.dcjk.inspections.assessment;

import cn.dcjk.common.api.Page;
import cn.dcjk.common.data.audit.AuditTrail;
import cn.dcjk.common.problem.Problems;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Verdict;
import cn.dcjk.common.security.Caller;
import cn.dcjk.common.security.Roles;
import cn.dcjk.inspections.rules.Rules;
import cn.dcjk.inspections.rules.TargetIndicators;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Assessment schemes (articles 13, 14, 26): RESULTS-NOT-TRACES and NO-ACCOUNTABILITY-QUOTA refuse
 * bad schemes; scores per target are recorded against a scheme. A scheme belongs to the caller's
 * unit; that unit and readers see it.
 */
@ApplicationScoped
public class AssessmentService {

    public static final String AUDIT_TYPE = "assessment-scheme";

    @Inject
    Rules rules;
    @Inject
    Caller caller;
    @Inject
    AuditTrail audit;

    public record SchemeView(Long id, String name, String ownerUnitCode, int year, Long itemId,
            List<AssessmentInputs.TargetType> targetTypes, OffsetDateTime createdAt, String createdBy, long version) {
        static SchemeView of(AssessmentScheme s) {
            return new SchemeView(s.id, s.name, s.ownerUnitCode, s.year, s.itemId, s.targetTypes, s.createdAt,
                    s.createdBy, s.version);
        }
    }

    public record ScoreView(Long id, long schemeId, String targetUnitCode, String targetType,
            List<AssessmentInputs.Score> scores, BigDecimal total, OffsetDateTime createdAt) {
        static ScoreView of(AssessmentScore s) {
            return new ScoreView(s.id, s.schemeId, s.targetUnitCode, s.targetType, s.scores, s.total, s.createdAt);
        }
    }

    /** The dry run and the check of a write: both rules over every target type; weights must sum to 1. */
    public Verdict check(AssessmentInputs.Scheme in) {
        List<Finding> findings = new ArrayList<>();
        Set<String> types = new HashSet<>();
        for (AssessmentInputs.TargetType t : in.targetTypes()) {
            if (!types.add(t.targetType())) {
                throw Problems.invalid("targetTypes", "target type " + t.targetType() + " appears twice");
            }
            BigDecimal sum = t.indicators().stream().map(Indicator::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(BigDecimal.ONE) != 0) {
                throw Problems.invalid("targetTypes", "the weights of " + t.targetType() + " sum to " + sum
                        + ", not 1");
            }
            Set<String> names = new HashSet<>();
            for (Indicator i : t.indicators()) {
                if (!names.add(i.name())) {
                    throw Problems.invalid("targetTypes", "indicator " + i.name() + " appears twice in "
                            + t.targetType());
                }
            }
            TargetIndicators target = new TargetIndicators(t.targetType(), t.indicators());
            findings.addAll(rules.resultsNotTraces().judge(target));
            findings.addAll(rules.noAccountabilityQuota().judge(target));
        }
        findings.addAll(rules.differentiatedIndicators().judge(in.targetTypes().stream()
                .map(t -> new TargetIndicators(t.targetType(), t.indicators())).toList()));
        return Verdict.of(findings);
    }

    @Transactional
    public AssessmentScheme create(AssessmentInputs.Scheme in) {
        check(in).orRefuse();
        AssessmentScheme s = new AssessmentScheme();
        s.name = in.name();
        s.ownerUnitCode = caller.unitCode();
        s.year = in.year();
        s.itemId = in.itemId();
        s.targetTypes = in.targetTypes();
        s.createdAt = OffsetDateTime.now();
        s.createdBy = caller.name();
        s.persist();
        AssessmentScheme.flush();
        audit.created(AUDIT_TYPE, s.id, SchemeView.of(s));
        return s;
    }

    private boolean reader() {
        return caller.hasAny(Roles.AUDITOR, Roles.ADMIN, Roles.INTEGRATOR);
    }

    private boolean owner(AssessmentScheme s) {
        return caller.unit().map(u -> u.equals(s.ownerUnitCode)).orElse(false)
                || (caller.has(Roles.INSPECTION_TEAM)
                        && caller.dispatchingUnit().map(d -> d.equals(s.ownerUnitCode)).orElse(false));
    }

    /** Whether the caller may read the scheme (as {@link #get}, without the 404). */
    public boolean readable(long id) {
        AssessmentScheme s = AssessmentScheme.findById(id);
        return s != null && (reader() || owner(s));
    }

    @Transactional
    public AssessmentScheme get(long id) {
        AssessmentScheme s = AssessmentScheme.findById(id);
        if (s == null || !(reader() || owner(s))) {
            throw Problems.notFound("assessment-scheme", id);
        }
        return s;
    }

    @Transactional
    public Page<SchemeView> list(int page, int size) {
        if (reader()) {
            var q = AssessmentScheme.findAll(Sort.descending("id"));
            return new Page<>(q.page(page, size).<AssessmentScheme>list().stream().map(SchemeView::of).toList(),
                    page, size, q.count());
        }
        List<String> units = new ArrayList<>();
        caller.unit().ifPresent(units::add);
        if (caller.has(Roles.INSPECTION_TEAM)) {
            caller.dispatchingUnit().ifPresent(units::add);
        }
        if (units.isEmpty()) {
            return new Page<>(List.of(), page, size, 0);
        }
        var q = AssessmentScheme.find("ownerUnitCode in ?1", Sort.descending("id"), units);
        return new Page<>(q.page(page, size).<AssessmentScheme>list().stream().map(SchemeView::of).toList(),
                page, size, q.count());
    }

    @Transactional
    public AssessmentScore score(long schemeId, AssessmentInputs.Scores in) {
        AssessmentScheme s = get(schemeId);
        if (!owner(s)) {
            throw Problems.forbidden("只有方案所属单位可以记录得分", "Only the scheme's unit records scores");
        }
        AssessmentInputs.TargetType type = s.targetTypes.stream().filter(t -> t.targetType().equals(in.targetType()))
                .findFirst().orElseThrow(() -> Problems.invalid("targetType", "not a target type of the scheme"));
        Map<String, Indicator> indicators = type.indicators().stream()
                .collect(Collectors.toMap(Indicator::name, Function.identity()));
        Set<String> scored = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (AssessmentInputs.Score sc : in.scores()) {
            Indicator i = indicators.get(sc.indicator());
            if (i == null || !scored.add(sc.indicator())) {
                throw Problems.invalid("scores", "unknown or repeated indicator " + sc.indicator());
            }
            total = total.add(i.weight().multiply(sc.value()));
        }
        if (!scored.equals(indicators.keySet())) {
            throw Problems.invalid("scores", "every indicator of " + in.targetType() + " needs a score");
        }
        if (AssessmentScore.count("schemeId = ?1 and targetUnitCode = ?2", schemeId, in.targetUnitCode()) > 0) {
            throw Problems.conflict("already-scored", "该对象已有得分", "The target was scored already");
        }
        AssessmentScore r = new AssessmentScore();
        r.schemeId = schemeId;
        r.targetUnitCode = in.targetUnitCode();
        r.targetType = in.targetType();
        r.scores = in.scores();
        r.total = total.setScale(4, RoundingMode.HALF_UP);
        r.createdAt = OffsetDateTime.now();
        r.createdBy = caller.name();
        r.persist();
        AssessmentScore.flush();
        audit.created("assessment-score", r.id, ScoreView.of(r));
        return r;
    }

    @Transactional
    public List<ScoreView> scores(long schemeId) {
        get(schemeId);
        return AssessmentScore.<AssessmentScore>list("schemeId", Sort.by("targetUnitCode"), schemeId).stream()
                .map(ScoreView::of).toList();
    }
}
