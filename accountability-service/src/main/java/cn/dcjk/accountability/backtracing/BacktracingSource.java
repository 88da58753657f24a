package cn.dcjk.accountability.backtracing;

/** Who reported the abuse (the contract of POST /api/v1/backtracing). */
public enum BacktracingSource {
    GATEWAY, INSPECTIONS, HANDLER,
    /** This service's own refusals (PROCEDURE shortcuts, direct demands reaching it). */
    ACCOUNTABILITY,
    PLANS
}
