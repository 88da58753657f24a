package cn.dcjk.plans.plan;

/** 综合性、专项、观摩评比、调研指导. */
public enum Category {
    COMPREHENSIVE, SPECIAL, OBSERVATION_EVALUATION, RESEARCH_GUIDANCE
}
