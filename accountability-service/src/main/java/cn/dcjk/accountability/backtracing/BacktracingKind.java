package cn.dcjk.accountability.backtracing;

/** What kind of abuse (article 32). */
public enum BacktracingKind {
    DIRECT_DEMAND_REFUSED, RECEPTION_VIOLATION, VISIT_WITHOUT_ITINERARY, FIELD_WORK_OUTSIDE_APPROVAL,
    OVER_QUOTA, OVER_FREQUENCY, PROCEDURE_SHORTCUT, OTHER
}
