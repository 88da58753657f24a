package cn.dcjk.accountability.referral;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A cadre or unit a matter is about (问责对象); personal data, shown only to those handling it. */
public record Subject(@NotBlank @Size(max = 200) String name,
        @NotBlank @Pattern(regexp = "[0-9A-Z][0-9A-Z-]{2,39}", message = "3 to 40 of 0-9 A-Z -") String unitCode,
        @Size(max = 200) String position,
        boolean leadershipMember) {

    /** What someone not handling the matter may see: the unit, not the person. */
    public Subject masked() {
        return new Subject("***", unitCode, null, leadershipMember);
    }
}
