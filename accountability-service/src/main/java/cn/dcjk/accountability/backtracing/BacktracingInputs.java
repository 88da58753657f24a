package cn.dcjk.accountability.backtracing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.Map;

public final class BacktracingInputs {

    private BacktracingInputs() {
    }

    static final String UNIT = "[0-9A-Z][0-9A-Z-]{2,39}";

    /** The contract of POST /api/v1/backtracing (ARCHITECTURE.md, issue 5). */
    @Schema(name = "BacktracingEntry")
    public record Entry(@NotNull BacktracingSource source,
            @NotBlank @Size(max = 200) String sourceEventId,
            @NotNull BacktracingKind kind,
            @Pattern(regexp = UNIT, message = "3 to 40 of 0-9 A-Z -") String actorUnitCode,
            @Pattern(regexp = UNIT, message = "3 to 40 of 0-9 A-Z -") String subjectUnitCode,
            @NotNull OffsetDateTime occurredAt,
            @NotBlank @Size(max = 5000) String summary,
            Map<String, Object> evidence) {
    }

    /** What the handler found and what followed (处理结果). */
    @Schema(name = "BacktracingConclusion")
    public record Conclusion(@NotBlank @Size(max = 10000) String findings, @NotBlank @Size(max = 5000) String outcome) {
    }
}
