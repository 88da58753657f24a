package cn.dcjk.plans.plan;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new plan or request; the organiser is the caller's unit. */
public record PlanInput(@NotNull PlanType type, boolean urgent, @Min(2018) @Max(2100) int year,
        @NotBlank @Size(max = 300) String title, @Size(max = 2000) String lateJustification) {
}
