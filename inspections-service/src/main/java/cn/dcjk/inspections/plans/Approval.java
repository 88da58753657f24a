package cn.dcjk.inspections.plans;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.List;

/** plans-service's answer to GET /api/v1/approvals/{code} (批准编号核验). Unknown fields are ignored: plans may add some. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Approval(String code, boolean genuine, boolean current, String status, Long itemId, Long planId,
        String title, String category, String activityWord, String organiserUnitCode,
        List<String> coOrganiserUnitCodes, boolean onSite, List<String> targetUnitCodes, TargetScope targetScope,
        Sampling sampling, LocalDate periodStart, LocalDate periodEnd, LocalDate validUntil,
        boolean provincialComprehensive, int constructionSiteVisits) {

    public List<String> coOrganisers() {
        return coOrganiserUnitCodes == null ? List.of() : coOrganiserUnitCodes;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TargetScope(List<String> levels, String regionCode) {
    }

    /** The approved sampling; {@code exceptionGranted} means SAMPLE-AT-MOST-THIRD's exception up to sampleSize. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Sampling(Integer population, Integer sampleSize, boolean exceptionGranted) {
    }
}
