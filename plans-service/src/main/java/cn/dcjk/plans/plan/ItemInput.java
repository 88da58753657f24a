package cn.dcjk.plans.plan;

import cn.dcjk.plans.unit.UnitLevel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An item as a planner writes it. Unit codes are checked against the directory, periods and
 * samples for consistency; every refusal names the field.
 */
public record ItemInput(
        @NotBlank @Size(max = 300) String title,
        @NotNull Category category,
        @NotNull @Pattern(regexp = "督查|检查|考核|巡查|督察|督导|调研|指导",
                message = "one of 督查 检查 考核 巡查 督察 督导 调研 指导") String activityWord,
        @Size(max = 20) List<@NotBlank @Size(max = 60) String> topics,
        @Size(max = 20) List<@NotBlank String> coOrganiserUnitCodes,
        ActingName actingName,
        String actingBodyUnitCode,
        @Size(max = 200) String actingApprovalReference,
        @Size(max = 2000) String legalBasis,
        @Size(max = 500) List<@NotBlank String> targetUnitCodes,
        @Valid TargetScope targetScope,
        boolean regionWide,
        boolean onSite,
        @Valid Sampling sampling,
        @Min(0) @Max(1000) int constructionSiteVisits,
        @Size(max = 2000) String constructionSiteNecessity,
        @NotNull LocalDate periodStart,
        @NotNull LocalDate periodEnd,
        @Size(max = 366) List<@NotNull LocalDate> visitDates,
        LocalDate workDeployedOn,
        @Size(max = 200) List<@NotBlank String> noticeRecipientUnitCodes,
        @Size(max = 100) List<@NotBlank @Size(max = 200) String> forms,
        @Size(max = 100) List<@NotBlank @Size(max = 200) String> materials,
        boolean scores,
        boolean ranks,
        boolean mayLeadToAccountability,
        boolean unifiedDeployment,
        @Size(max = 200) String unifiedDeploymentReference,
        @Size(max = 40) String implementsApprovalCode,
        boolean publishable,
        LeaderRank teamLeaderRank,
        @Size(max = 30) Map<@NotBlank String, @NotBlank @Size(max = 2000) String> justifications) {

    /** Targets given as a scope: these levels within a region (e.g. every county of Jinan). */
    public record TargetScope(@NotNull @Size(min = 1) List<@NotNull UnitLevel> levels,
            @NotNull @Pattern(regexp = "[0-9]{6}([0-9]{3}([0-9]{3})?)?", message = "6, 9 or 12 digits")
            String regionCode) {
    }

    /** 抽查: of a population of this size, this many are sampled. */
    public record Sampling(@NotNull @Min(1) Integer population, @NotNull @Min(1) Integer sampleSize) {
    }
}
