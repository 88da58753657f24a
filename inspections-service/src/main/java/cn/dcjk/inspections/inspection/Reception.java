package cn.dcjk.inspections.inspection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The reception record of a visit (接待记录, article 23): who escorted and from which level,
 * whether there was a border welcome, the briefing meetings and their size, and whether the
 * inspected unit's principal leaders joined (with the reason, when of overall importance).
 */
public record Reception(
        @Valid @Size(max = 100) List<@NotNull @Valid Escort> escorts,
        boolean borderWelcome,
        @Valid @Size(max = 50) List<@NotNull @Valid Briefing> briefings,
        boolean principalLeadersPresent,
        boolean overallImportance,
        @Size(max = 1000) String principalLeadersReason) {

    /** An escort: their unit, its level, and whether they are the inspecting body's counterpart (对口). */
    public record Escort(@NotBlank @Size(max = 60) String unitCode,
            @NotNull @Pattern(regexp = "PROVINCE|CITY|COUNTY|TOWNSHIP|VILLAGE") String level,
            boolean counterpart) {
    }

    public enum BriefingKind {
        /** 党政综合汇报会. */
        COMPREHENSIVE,
        /** 全面汇报会. */
        FULL,
        /** A working meeting on the inspected matter only. */
        WORK
    }

    public record Briefing(@NotNull BriefingKind kind, @NotNull @Min(1) @Max(100000) Integer participants) {
    }
}
