package cn.dcjk.accountability.referral;

import cn.dcjk.common.unit.UnitCode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The dispatching unit hands a referral to the competent body, with the legal basis (依据). */
public record TransferInput(@NotBlank @Pattern(regexp = UnitCode.FORMAT, message = UnitCode.MESSAGE) String competentUnitCode,
        @NotBlank @Size(max = 2000) String legalBasis,
        @Size(max = 5000) String reasons) {
}
