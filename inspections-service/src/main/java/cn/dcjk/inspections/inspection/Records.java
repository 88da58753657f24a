package cn.dcjk.inspections.inspection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;

/** The JSON parts of an inspection: team, sample draws, results and the step history. */
public final class Records {

    private Records() {
    }

    @Schema(name = "TeamMember")
    public record Member(String name, String rank) {
    }

    /** The team of the scheme (方案): leader and members with their ranks. */
    public record Team(Member leader, List<Member> members) {
    }

    /**
     * One draw of the sample: anyone can repeat it from the record. The algorithm: sort the
     * population's unit codes, then a Fisher–Yates shuffle driven by java.util.Random(seed), keeping
     * the first {@code size} (for i in 0..size-1: swap i with i + nextInt(n - i)).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SampleDraw(long seed, int size, int population, List<String> units, String algorithm,
            String reason, Boolean exceptionGranted, String drawnBy, OffsetDateTime drawnAt) {
    }

    @Schema(name = "UnitOutcome")
    public record Outcome(String unitCode, String outcome) {
    }

    @Schema(name = "InspectionResults")
    public record Results(String summary, List<Outcome> outcomes, String filedBy, OffsetDateTime filedAt) {
    }

    /** One step of the process, with its actor and time. */
    @Schema(name = "InspectionStep")
    public record Step(String step, String actor, OffsetDateTime at) {
    }
}
