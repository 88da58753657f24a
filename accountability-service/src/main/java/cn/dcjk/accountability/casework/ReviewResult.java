package cn.dcjk.accountability.casework;

/** What a review of an appeal decides: 维持, 变更, 撤销. */
public enum ReviewResult {
    UPHELD, CHANGED, REVOKED
}
