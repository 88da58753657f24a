package cn.dcjk.inspections.rules;

import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleBook;
import cn.dcjk.common.rule.RuleDescriptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;

/**
 * The inspections-service rulebook: every rule of this service in one place, in the shape of
 * {@link cn.dcjk.common.rule.Rule}, with its current parameters (GET /api/v1/rules).
 */
@ApplicationScoped
public class Rules implements RuleBook {

    @Inject
    RuleParameters p;

    public ApprovedItemOnly approvedItemOnly() {
        return new ApprovedItemOnly();
    }

    public FullProcessRecord fullProcessRecord() {
        return new FullProcessRecord();
    }

    public SampleAtMostThird sampleAtMostThird() {
        return new SampleAtMostThird(p.sampleDenominator());
    }

    public Unannounced unannounced() {
        return new Unannounced();
    }

    public ReceptionBurden receptionBurden() {
        return new ReceptionBurden(p.maxBriefingSize());
    }

    public FormBurden formBurden() {
        return new FormBurden();
    }

    public ResultsNotTraces resultsNotTraces() {
        return new ResultsNotTraces(p.maxTraceWeight());
    }

    public NoAccountabilityQuota noAccountabilityQuota() {
        return new NoAccountabilityQuota(p.accountabilityKeywords());
    }

    public ProblemLedger problemLedger() {
        return new ProblemLedger(p.yellowDays());
    }

    public CommendationExempts commendationExempts() {
        return new CommendationExempts();
    }

    public OnSiteAsApproved onSiteAsApproved() {
        return new OnSiteAsApproved();
    }

    public NoAccountabilityForRectification noAccountabilityForRectification() {
        return new NoAccountabilityForRectification(p.accountabilityMeasureKeywords());
    }

    public DifferentiatedIndicators differentiatedIndicators() {
        return new DifferentiatedIndicators();
    }

    /** Every rule, as the rulebook lists them. */
    public List<Rule<?>> all() {
        return List.of(approvedItemOnly(), fullProcessRecord(), sampleAtMostThird(), onSiteAsApproved(), unannounced(),
                receptionBurden(), formBurden(), differentiatedIndicators(), resultsNotTraces(), noAccountabilityQuota(),
                problemLedger(), noAccountabilityForRectification(), commendationExempts());
    }

    @Override
    public String service() {
        return "inspections-service";
    }

    @Override
    public List<RuleDescriptor> rules() {
        return List.of(ApprovedItemOnly.RULE, FullProcessRecord.RULE,
                SampleAtMostThird.RULE.withParameters(Map.of("fraction", "1/" + p.sampleDenominator())),
                OnSiteAsApproved.RULE, Unannounced.RULE,
                ReceptionBurden.RULE.withParameters(Map.of("maxBriefingSize", p.maxBriefingSize())),
                FormBurden.RULE, DifferentiatedIndicators.RULE,
                ResultsNotTraces.RULE.withParameters(Map.of("maxWeight", p.maxTraceWeight())),
                NoAccountabilityQuota.RULE.withParameters(Map.of("keywords", p.accountabilityKeywords())),
                ProblemLedger.RULE.withParameters(Map.of("yellowDays", p.yellowDays())),
                NoAccountabilityForRectification.RULE.withParameters(Map.of("keywords",
                        p.accountabilityMeasureKeywords())),
                CommendationExempts.RULE);
    }
}
