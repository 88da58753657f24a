package cn.dcjk.accountability.referral;

/** What a team refers (ARCHITECTURE.md); the last two are refused outright (article 27). */
public enum ReferralKind {
    /** 问题线索 */
    PROBLEM_CLUE,
    /** 问责建议, to the team's own dispatching unit only */
    ACCOUNTABILITY_SUGGESTION,
    /** 问责要求: never */
    ACCOUNTABILITY_DEMAND,
    /** 要求同步启动问责: never */
    START_ACCOUNTABILITY
}
