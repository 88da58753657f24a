package cn.dcjk.common.security;

/** The realm roles of ARCHITECTURE.md ("Identity"). */
public final class Roles {
    public static final String PLANNER = "planner";
    public static final String OFFICE_REVIEWER = "office-reviewer";
    public static final String COMMITTEE_APPROVER = "committee-approver";
    public static final String INSPECTION_TEAM = "inspection-team";
    public static final String INSPECTED_UNIT = "inspected-unit";
    public static final String DISCIPLINE_OFFICER = "discipline-officer";
    public static final String COMPLAINT_HANDLER = "complaint-handler";
    public static final String AUDITOR = "auditor";
    /** A provincial system's machine client (one realm client per system): reads, subscribes to webhooks. */
    public static final String INTEGRATOR = "integrator";
    /** The suite's own services calling each other (the dcjk-services account); never an integrator's. */
    public static final String SERVICE = "service";
    public static final String ADMIN = "admin";

    /** Every role of the suite (a token's other roles, such as the realm's defaults, grant nothing here). */
    public static final java.util.Set<String> SUITE = java.util.Set.of(PLANNER, OFFICE_REVIEWER, COMMITTEE_APPROVER,
            INSPECTION_TEAM, INSPECTED_UNIT, DISCIPLINE_OFFICER, COMPLAINT_HANDLER, AUDITOR, INTEGRATOR, SERVICE, ADMIN);

    /** The audience every access token for the API must name (RFC 9068 section 4). */
    public static final String AUDIENCE = "dcjk-api";

    /** Claims the realm's mappers put in every access token. */
    public static final String UNIT_CLAIM = "unit_code";
    public static final String DISPATCHING_UNIT_CLAIM = "dispatching_unit_code";

    private Roles() {
    }
}
