package cn.dcjk.inspections.assessment;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** An indicator (考核指标) with its kind and weight (a fraction: 0.20 is 20%). */
public record Indicator(@NotBlank @Size(max = 200) String name, @NotNull IndicatorKind kind,
        @NotNull @DecimalMin("0.0") @DecimalMax("1.0") @Digits(integer = 1, fraction = 4) BigDecimal weight) {
}
