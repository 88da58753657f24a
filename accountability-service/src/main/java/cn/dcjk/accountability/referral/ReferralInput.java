package cn.dcjk.accountability.referral;

import jakarta.validation.Valid;
import cn.dcjk.common.unit.UnitCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;

/** What a team member sends: kind, recipient, subjects and the inspection and finding it rests on. */
public record ReferralInput(
        @NotNull ReferralKind kind,
        @NotBlank @Pattern(regexp = UnitCode.FORMAT, message = UnitCode.MESSAGE) String recipientUnitCode,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull Subject> subjects,
        @NotNull @Positive Long inspectionId,
        @NotNull @Positive Long findingId,
        @NotBlank @Size(max = 10000) String problem) {
}
