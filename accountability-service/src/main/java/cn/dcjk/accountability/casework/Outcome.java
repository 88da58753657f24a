package cn.dcjk.accountability.casework;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The ways of holding to account (《中国共产党问责条例》), or none. */
@Schema(name = "CaseOutcome")
public enum Outcome {
    /** 检查 */
    WRITTEN_SELF_CRITICISM,
    /** 通报 */
    CIRCULATED_CRITICISM,
    /** 诫勉 */
    ADMONISHMENT,
    /** 组织调整或者组织处理 */
    ORGANISATIONAL_MEASURES,
    /** 纪律处分 */
    DISCIPLINARY_SANCTION,
    /** 不予问责 */
    NO_ACCOUNTABILITY
}
