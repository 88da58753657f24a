package cn.dcjk.inspections.assessment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/** Request bodies of the assessment-scheme resources. */
public final class AssessmentInputs {

    private AssessmentInputs() {
    }

    /** The indicators for one kind of target (e.g. COUNTY_GOVERNMENT, TOWNSHIP, ENTERPRISE): differentiated. */
    public record TargetType(@NotBlank @Size(max = 60) String targetType,
            @NotEmpty @Size(max = 100) List<@NotNull @Valid Indicator> indicators) {
    }

    @Schema(name = "AssessmentSchemeInput")
    public record Scheme(@NotBlank @Size(max = 300) String name, @NotNull @Min(2018) @Max(2100) Integer year,
            Long itemId, @NotEmpty @Size(max = 30) List<@NotNull @Valid TargetType> targetTypes) {
    }

    public record Score(@NotBlank @Size(max = 200) String indicator,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal value) {
    }

    public record Scores(@NotBlank @Size(max = 60) String targetUnitCode, @NotBlank @Size(max = 60) String targetType,
            @NotEmpty @Size(max = 100) List<@NotNull @Valid Score> scores) {
    }
}
