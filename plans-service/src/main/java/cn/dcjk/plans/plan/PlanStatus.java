package cn.dcjk.plans.plan;

/** The workflow of article 5 (归口管理). */
public enum PlanStatus {
    DRAFT, SUBMITTED, OFFICE_REVIEWED, APPROVED, ISSUED, CHANGES_REQUESTED, REJECTED;

    public boolean editable() {
        return this == DRAFT || this == CHANGES_REQUESTED;
    }
}
