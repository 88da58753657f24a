package cn.dcjk.common.rule;

/**
 * How strongly the regulation speaks (RULEBOOK.md, "Severity"). Flattening these is a defect.
 */
public enum Severity {
    /** 不得, 严禁, 不能, 一律不: refused; no one can override. */
    PROHIBITED,
    /** 原则上, 除确有必要外: refused unless justified in writing and the exception granted explicitly. */
    PRINCIPLE,
    /** 可, 鼓励, 应当: accepted; the finding is returned as a warning. */
    ADVISORY,
    /** A rule that records or shows rather than refuses (the rulebook's "—"). */
    RECORD
}
