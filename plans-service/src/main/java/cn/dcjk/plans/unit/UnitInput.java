package cn.dcjk.plans.unit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an admin sends to create or update a unit; the code is fixed at creation. */
public record UnitInput(
        @NotBlank @Pattern(regexp = "[0-9A-Z][0-9A-Z-]{2,39}", message = "3 to 40 of 0-9 A-Z -") String code,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String nameEn,
        @NotNull UnitLevel level,
        @NotNull UnitKind kind,
        Branch branch,
        @NotNull @Pattern(regexp = "[0-9]{6}([0-9]{3}([0-9]{3})?)?", message = "6, 9 or 12 digits") String regionCode,
        @Pattern(regexp = "[0-9A-Z][0-9A-Z-]{2,39}", message = "3 to 40 of 0-9 A-Z -") String parentCode) {
}
