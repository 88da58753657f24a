package cn.dcjk.plans.plan;

/** In whose name the item acts (articles 8, 9). */
public enum ActingName {
    OWN, PARTY_COMMITTEE, GOVERNMENT, COORDINATION_BODY
}
