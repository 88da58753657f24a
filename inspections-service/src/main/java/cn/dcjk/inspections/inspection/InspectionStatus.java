package cn.dcjk.inspections.inspection;

/** Article 12's process: scheme filed (事前), in progress (事中), results filed (事后), closed. */
public enum InspectionStatus { SCHEME_FILED, IN_PROGRESS, RESULTS_FILED, CLOSED }
