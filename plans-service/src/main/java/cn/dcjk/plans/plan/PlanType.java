package cn.dcjk.plans.plan;

/** 年度计划 or 一事一报 (a single out-of-plan item; optionally urgent, 紧急突发). */
public enum PlanType {
    ANNUAL, SINGLE_MATTER
}
