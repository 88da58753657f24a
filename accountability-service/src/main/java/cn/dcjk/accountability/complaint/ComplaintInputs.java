package cn.dcjk.accountability.complaint;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** The bodies of the complaint requests. */
public final class ComplaintInputs {

    private ComplaintInputs() {
    }

    static final String UNIT = "[0-9A-Z][0-9A-Z-]{2,39}";

    /**
     * A letter: to which handling body, about whom, by whom (or anonymously). {@code receivedOn} only
     * from handlers registering a letter that arrived earlier (by post, say); public intake is dated today.
     */
    public record Intake(@Pattern(regexp = UNIT, message = "3 to 40 of 0-9 A-Z -") String handlerUnitCode,
            boolean anonymous,
            @Size(max = 200) String accuserName,
            @Size(max = 200) String accuserContact,
            @NotBlank @Size(max = 200) String accusedName,
            @NotBlank @Pattern(regexp = UNIT, message = "3 to 40 of 0-9 A-Z -") String accusedUnitCode,
            @Size(max = 200) String accusedPosition,
            @NotBlank @Size(max = 20000) String content,
            LocalDate receivedOn) {
    }

    @Schema(name = "ComplaintVerification")
    public record Verification(@Size(max = 10000) String notes) {
    }

    /** The clarification for the cleared cadre; {@code declined}: the cadre asks that it not be published. */
    public record Rehabilitation(@NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 20000) String text,
            boolean declined) {
    }

    /** The verified end of a letter (article 31). */
    @Schema(name = "ComplaintConclusion")
    public record Conclusion(@NotNull ComplaintStatus outcome, @NotBlank @Size(max = 10000) String reasons,
            @Pattern(regexp = UNIT, message = "3 to 40 of 0-9 A-Z -") String competentUnitCode,
            @Size(max = 2000) String legalBasis,
            @Valid Rehabilitation rehabilitation) {
    }
}
