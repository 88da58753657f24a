package cn.dcjk.inspections.assessment;

/** What an indicator measures. Meetings, documents and paperwork are traces (留痕), not results (实绩). */
public enum IndicatorKind {
    WORK_RESULTS, PUBLIC_SATISFACTION, MEETINGS_HELD, DOCUMENTS_ISSUED, PAPERWORK_VOLUME,
    /** Counts or rewards accountability cases: never allowed (article 26). */
    ACCOUNTABILITY_CASES,
    OTHER;

    public boolean trace() {
        return this == MEETINGS_HELD || this == DOCUMENTS_ISSUED || this == PAPERWORK_VOLUME;
    }
}
