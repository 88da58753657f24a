package cn.dcjk.accountability.casework;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import cn.dcjk.accountability.referral.Subject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** The bodies of the case's requests, one record per step. */
public final class CaseInputs {

    private CaseInputs() {
    }

    /** Open from a transferred referral, a substantiated complaint, or on the body's own initiative (subjects given). */
    public record Open(@Positive Long referralId, @Positive Long complaintId,
            @Size(max = 50) List<@Valid @NotNull Subject> subjects,
            @NotBlank @Size(max = 10000) String summary) {
    }

    /** 调查: the evidence gathered. */
    public record Investigation(@NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 2000) String> evidence,
            @NotBlank @Size(max = 10000) String summary) {
    }

    /** 陈述申辩: the subject's statement, required. */
    public record Hearing(@NotBlank @Size(max = 20000) String statement, @NotNull LocalDate heardOn) {
    }

    /** 决定: the outcome with its legal basis and the approving authority. */
    @Schema(name = "CaseDecision")
    public record Decision(@NotNull Outcome outcome, @NotBlank @Size(max = 2000) String legalBasis,
            @NotBlank @Size(max = 200) String approvingAuthority, @NotBlank @Size(max = 10000) String reasons) {
    }

    /** 送达: when and to whom. */
    public record Notification(@NotNull LocalDate notifiedOn, @NotBlank @Size(max = 200) String notifiedTo) {
    }

    public record Closure(@Size(max = 5000) String remarks) {
    }

    /** 申诉, received from the subject. */
    public record Appeal(@NotBlank @Size(max = 10000) String reasons) {
    }

    /** 复查: upheld, changed (with the new outcome) or revoked. */
    public record Review(@NotNull ReviewResult result, Outcome changedOutcome,
            @NotBlank @Size(max = 10000) String reasons, @NotBlank @Size(max = 200) String reviewingAuthority) {
    }
}
