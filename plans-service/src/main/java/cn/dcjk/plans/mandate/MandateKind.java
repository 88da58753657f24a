package cn.dcjk.plans.mandate;

/** What a party committee or government has put on record that lets an item do more than a department may. */
public enum MandateKind {
    /** 党委和政府统一部署 (articles 6, 10): a deployment of the committee and government of a level. */
    UNIFIED_DEPLOYMENT,
    /** 经党委和政府批准 (article 9): a coordination body may act in the committee's or government's name. */
    COORDINATION_BODY_APPROVAL
}
