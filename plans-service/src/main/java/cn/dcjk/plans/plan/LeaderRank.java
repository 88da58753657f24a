package cn.dcjk.plans.plan;

/** 督查组组长职级: 省部级, 厅局级, 县处级, 乡科级. */
public enum LeaderRank {
    PROVINCIAL_MINISTERIAL, BUREAU, DIVISION, SECTION
}
