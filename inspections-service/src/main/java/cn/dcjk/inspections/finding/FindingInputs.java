package cn.dcjk.inspections.finding;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Request bodies of the findings resources. */
public final class FindingInputs {

    private FindingInputs() {
    }

    /** Feedback to the inspected unit (反馈), with an optional note. */
    public record Feedback(@Size(max = 2000) String note) {
    }

    /** The inspected unit's answer to a finding. */
    public record Answer(@NotBlank @Size(max = 4000) String answer) {
    }

    public record Rectification(@NotBlank @Size(max = 4000) String description,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 2000) String> evidence) {
    }

    @Schema(name = "VerificationOutcome")
    public enum Outcome { CLOSE, SEND_BACK }

    @Schema(name = "FindingVerification")
    public record Verification(@NotNull Outcome outcome, @NotBlank @Size(max = 2000) String comment) {
    }
}
