package cn.dcjk.inspections.feed;

import cn.dcjk.common.data.feed.FeedFamily;
import cn.dcjk.common.problem.ProblemException;
import cn.dcjk.inspections.assessment.AssessmentService;
import cn.dcjk.inspections.finding.FindingLedger;
import cn.dcjk.inspections.inspection.Inspection;
import cn.dcjk.inspections.inspection.InspectionAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The feed families of inspections-service: inspections (with their itinerary entries and visits),
 * findings, assessment schemes (with their scores) and commendations. Who may read a change is who
 * may read the inspection, finding or scheme it belongs to, as through the API; an inspected unit
 * that sees an inspection only in part sees the inspection's own changes, not its entries and visits.
 */
public final class InspectionFamilies {

    public static final String INSPECTIONS = "inspections";
    public static final String FINDINGS = "findings";
    public static final String ASSESSMENTS = "assessments";
    public static final String COMMENDATIONS = "commendations";
    static final String ITINERARY = "itinerary-entry";
    static final String VISIT = "visit";
    static final String SCORE = "assessment-score";
    static final String COMMENDATION = "commendation";

    private InspectionFamilies() {
    }

    static Map<String, String[]> events(String[][] rows) {
        Map<String, String[]> m = new LinkedHashMap<>();
        for (String[] r : rows) {
            m.put(r[0], new String[] {r[1], r[2]});
        }
        return m;
    }

    static Map<String, String> catalogue(Map<String, String[]> events) {
        Map<String, String> all = new LinkedHashMap<>();
        events.values().forEach(e -> all.put(e[0], e[1]));
        return all;
    }

    static Long id(String text) {
        try {
            return text == null ? null : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @ApplicationScoped
    public static class Inspections implements FeedFamily {
        static final Map<String, String[]> EVENTS = events(new String[][] {
                {"CREATE", "cn.dcjk.inspection.opened", "An inspection of an approved item was opened"},
                {"SAMPLE_DRAWN", "cn.dcjk.inspection.sample-drawn", "The inspection's sample was drawn"},
                {"SAMPLE_REDRAWN", "cn.dcjk.inspection.sample-redrawn", "The inspection's sample was drawn again"},
                {"VISIT_STARTED", "cn.dcjk.inspection.visit-started", "A visit of the inspection began"},
                {"RESULTS_FILED", "cn.dcjk.inspection.results-filed", "The inspection's results were filed"},
                {"CLOSED", "cn.dcjk.inspection.closed", "The inspection was closed"}});

        @Inject
        InspectionAccess inspections;

        @Override
        public String name() {
            return INSPECTIONS;
        }

        @Override
        public boolean includes(String objectType, String action) {
            return Set.of(Inspection.AUDIT_TYPE, ITINERARY, VISIT).contains(objectType);
        }

        @Override
        public String owner(String objectType, String objectId, Map<String, Object> state) {
            Object inspection = state.get("inspectionId");
            return Inspection.AUDIT_TYPE.equals(objectType) || inspection == null ? objectId : inspection.toString();
        }

        @Override
        public Optional<String> eventType(String objectType, String action) {
            String[] e = Inspection.AUDIT_TYPE.equals(objectType) ? EVENTS.get(action) : null;
            return Optional.ofNullable(e == null ? null : e[0]);
        }

        @Override
        public Map<String, String> eventTypes() {
            return catalogue(EVENTS);
        }

        @Override
        public boolean mayRead(String objectType, String objectId, String ownerId) {
            Long id = id(ownerId);
            if (id == null) {
                return false;
            }
            try {
                InspectionAccess.Seen seen = inspections.see(id, false);
                return seen.full() || Inspection.AUDIT_TYPE.equals(objectType);
            } catch (ProblemException e) {
                return false;
            }
        }
    }

    @ApplicationScoped
    public static class Findings implements FeedFamily {
        static final Map<String, String[]> EVENTS = events(new String[][] {
                {"CREATE", "cn.dcjk.finding.filed", "A finding was filed with the results"},
                {"FED_BACK", "cn.dcjk.finding.fed-back", "A finding was fed back to the inspected unit"},
                {"ANSWERED", "cn.dcjk.finding.answered", "The inspected unit answered a finding"},
                {"RECTIFICATION_REPORTED", "cn.dcjk.finding.rectification-reported", "Rectification was reported with evidence"},
                {"SENT_BACK", "cn.dcjk.finding.sent-back", "The rectification was not accepted"},
                {"CLOSED", "cn.dcjk.finding.closed", "The finding was verified and closed"},
                {FindingOverdue.ACTION, "cn.dcjk.finding.overdue", "A finding passed its rectification deadline unclosed"}});

        @Inject
        FindingLedger ledger;

        @Override
        public String name() {
            return FINDINGS;
        }

        @Override
        public boolean includes(String objectType, String action) {
            return FindingLedger.AUDIT_TYPE.equals(objectType);
        }

        @Override
        public Optional<String> eventType(String objectType, String action) {
            String[] e = EVENTS.get(action);
            return Optional.ofNullable(e == null ? null : e[0]);
        }

        @Override
        public Map<String, String> eventTypes() {
            return catalogue(EVENTS);
        }

        @Override
        public boolean mayRead(String objectType, String objectId, String ownerId) {
            Long id = id(objectId);
            return id != null && ledger.readable(id);
        }
    }

    @ApplicationScoped
    public static class Assessments implements FeedFamily {
        @Inject
        AssessmentService assessments;

        @Override
        public String name() {
            return ASSESSMENTS;
        }

        @Override
        public boolean includes(String objectType, String action) {
            return AssessmentService.AUDIT_TYPE.equals(objectType) || SCORE.equals(objectType);
        }

        @Override
        public String owner(String objectType, String objectId, Map<String, Object> state) {
            Object scheme = state.get("schemeId");
            return SCORE.equals(objectType) && scheme != null ? scheme.toString() : objectId;
        }

        @Override
        public boolean mayRead(String objectType, String objectId, String ownerId) {
            Long id = id(ownerId);
            return id != null && assessments.readable(id);
        }
    }

    @ApplicationScoped
    public static class Commendations implements FeedFamily {
        @Inject
        InspectionAccess inspections;

        @Override
        public String name() {
            return COMMENDATIONS;
        }

        @Override
        public boolean includes(String objectType, String action) {
            return COMMENDATION.equals(objectType);
        }

        @Override
        public String owner(String objectType, String objectId, Map<String, Object> state) {
            Object inspection = state.get("inspectionId");
            return inspection == null ? objectId : inspection.toString();
        }

        @Override
        public boolean mayRead(String objectType, String objectId, String ownerId) {
            Long id = id(ownerId);
            if (id == null) {
                return false;
            }
            try {
                return inspections.see(id, false).full();
            } catch (ProblemException e) {
                return false;
            }
        }
    }
}
