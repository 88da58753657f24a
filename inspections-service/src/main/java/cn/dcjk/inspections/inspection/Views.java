package cn.dcjk.inspections.inspection;

import cn.dcjk.common.rule.Finding;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** What the inspection resources answer. */
public final class Views {

    private Views() {
    }

    /** A visit's rating was recorded (anonymous: who rated is not kept with it). */
    public record Rated(long visitId, boolean rated) {
    }

    public record InspectionView(Long id, long itemId, String approvalCode, String dispatchingUnitCode,
            String organiserUnitCode, List<String> coOrganiserUnitCodes, String title, InspectionStatus status,
            boolean unannounced, boolean provincialComprehensive, LocalDate startsOn, LocalDate endsOn,
            LocalDate periodStart, LocalDate periodEnd, Records.Team team, List<String> population,
            boolean samplingRequired, List<String> sampledUnits, Records.Results results, List<Records.Step> history,
            long version) {

        /** Everything: for the team, the organiser's office and auditors. */
        public static InspectionView full(Inspection i) {
            return new InspectionView(i.id, i.itemId, i.approvalCode, i.dispatchingUnitCode, i.organiserUnitCode,
                    i.coOrganisers(), i.title, i.status, i.unannounced, i.provincialComprehensive, i.startsOn,
                    i.endsOn, i.periodStart, i.periodEnd, i.team, i.population, i.samplingRequired,
                    i.sample == null ? List.of() : i.sample.units(), i.results, i.history, i.version);
        }

        /** What concerns one inspected unit: itself among the targets, its own outcome, no other unit. */
        public static InspectionView forUnit(Inspection i, String unit) {
            Records.Results r = i.results == null ? null : new Records.Results(i.results.summary(),
                    i.results.outcomes().stream().filter(o -> o.unitCode().equals(unit)).toList(), null,
                    i.results.filedAt());
            boolean sampled = i.sample != null && i.sample.units().contains(unit);
            return new InspectionView(i.id, i.itemId, i.approvalCode, i.dispatchingUnitCode, i.organiserUnitCode,
                    i.coOrganisers(), i.title, i.status, i.unannounced, i.provincialComprehensive, i.startsOn,
                    i.endsOn, i.periodStart, i.periodEnd, i.team, List.of(unit), i.samplingRequired,
                    sampled ? List.of(unit) : List.of(), r, List.of(), i.version);
        }
    }

    public record SampleView(long inspectionId, int population, List<String> populationUnits, int maxWithoutException,
            Records.SampleDraw current, List<Records.SampleDraw> draws, List<Finding> findings) {
    }

    public record ItineraryView(Long id, long inspectionId, String unitCode, LocalDate date, SiteType siteType,
            String necessity, OffsetDateTime createdAt, String createdBy) {
        public static ItineraryView of(ItineraryEntry e) {
            return new ItineraryView(e.id, e.inspectionId, e.unitCode, e.visitDate, e.siteType, e.necessity,
                    e.createdAt, e.createdBy);
        }
    }

    /** A visit; {@code receptionFindings} flags RECEPTION-BURDEN, {@code warnings} carries FORM-BURDEN. */
    public record VisitView(Long id, long inspectionId, long itineraryEntryId, String unitCode, LocalDate date,
            OffsetDateTime startedAt, Reception reception, List<Finding> receptionFindings, boolean receptionViolation,
            Burden burden, List<Finding> warnings, boolean rated, long version) {
    }

    public record RatingSummary(long inspectionId, long count, Double average, Map<Integer, Long> distribution,
            long burdenFlags, long misconductFlags, List<String> comments, boolean withheld, int minCount) {
    }

    /** Per unit and month: what the visits asked (articles 14, 22) and the reception they met (article 23). */
    public record BurdenTotal(String unitCode, String month, long visits, long forms, long materials, long exams, long surveys,
            long onlineVotes, long messagingGroups, long escorts, long briefings, long briefingParticipants) {
    }
}
