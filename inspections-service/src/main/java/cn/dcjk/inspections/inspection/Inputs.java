package cn.dcjk.inspections.inspection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** Request bodies of the inspection resources. */
public final class Inputs {

    private Inputs() {
    }

    @Schema(name = "TeamMemberInput")
    public record Member(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 100) String rank) {
    }

    /** The scheme (方案) that opens an inspection. */
    @Schema(name = "InspectionSchemeInput")
    public record Scheme(@NotBlank @Size(max = 60) String approvalCode, @Size(max = 300) String title,
            @NotNull @Valid Member leader, @Valid @Size(max = 100) List<@NotNull @Valid Member> members,
            @NotEmpty @Size(max = 5000) List<@NotBlank @Size(max = 60) String> population,
            @NotNull LocalDate startDate, @NotNull LocalDate endDate, boolean unannounced) {
    }

    /** A draw; without a seed the system picks one and records it. A redraw needs its reason. */
    public record Sample(Long seed, @NotNull @Min(1) @Max(5000) Integer size, @Size(max = 1000) String reason) {
    }

    public record Itinerary(@NotNull LocalDate date, @NotBlank @Size(max = 60) String unitCode,
            @NotNull SiteType siteType, @Size(max = 1000) String necessity) {
    }

    public record VisitStart(Long itineraryEntryId, @NotBlank @Size(max = 60) String unitCode,
            @Valid Reception reception, @Valid Burden burden) {
    }

    public record VisitUpdate(@Valid Reception reception, @Valid Burden burden) {
    }

    public record Rating(@NotNull @Min(1) @Max(5) Integer score, @Size(max = 1000) String comment,
            boolean burdenFlag, boolean misconductFlag) {
    }

    @Schema(name = "UnitOutcomeInput")
    public record Outcome(@NotBlank @Size(max = 60) String unitCode, @NotBlank @Size(max = 2000) String outcome) {
    }

    /** A finding (问题) of the results. */
    public record NewFinding(@NotBlank @Size(max = 60) String targetUnitCode,
            @NotBlank @Size(max = 4000) String problem,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 2000) String> evidence,
            @NotBlank @Size(max = 500) String responsibleSide,
            @NotNull @FutureOrPresent LocalDate deadline) {
    }

    @Schema(name = "ResultsInput")
    public record Results(@NotBlank @Size(max = 10000) String summary,
            @Valid @Size(max = 5000) List<@NotNull @Valid Outcome> outcomes,
            @Valid @Size(max = 1000) List<@NotNull @Valid NewFinding> findings) {
    }
}
