package cn.dcjk.common.channel;

/**
 * What a write can carry to a unit, for the article-27 channel rule (NO-DIRECT-DEMAND). Every write
 * route of the suite is classified in {@link WriteRoutes}; a route that is not classified is refused to
 * a caller acting as an inspection team.
 */
public enum WriteChannel {
    /** Addresses an accountability matter to the units its body names: referrals, transfers, cases, complaints, back-tracing. */
    ACCOUNTABILITY,
    /** Speaks to the unit of the object it writes (a finding's inspected unit): feedback, verification, results. */
    FEEDBACK,
    /** Field work on inspected units named as targets: schemes, samples, itineraries, visits, assessments. */
    FIELD_WORK,
    /** Planning, the units directory and registers: no message reaches a unit. */
    ADMINISTRATION,
    /** Not in the table: refused to inspection teams, never guessed. */
    UNCLASSIFIED
}
