package cn.dcjk.accountability.casework;

/** The steps of a case (article 25); PROCEDURE says which may follow which. */
public enum CaseStatus {
    /** 立案 */
    OPENED,
    /** 调查取证 */
    INVESTIGATING,
    /** 听取陈述申辩 */
    HEARD,
    /** 作出决定 */
    DECIDED,
    /** 送达 */
    NOTIFIED,
    /** 结案 */
    CLOSED,
    /** 申诉 */
    APPEALED,
    /** 复查 */
    REVIEWED
}
