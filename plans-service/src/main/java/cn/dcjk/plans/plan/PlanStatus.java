package cn.dcjk.plans.plan;

/**
 * The workflow of article 5 (归口管理): submitted to the reviewing office, reviewed by it, forwarded by
 * the party office to the party committee (统一报), approved by the committee, issued.
 */
public enum PlanStatus {
    DRAFT, SUBMITTED, OFFICE_REVIEWED, FORWARDED, APPROVED, ISSUED, CHANGES_REQUESTED, REJECTED;

    public boolean editable() {
        return this == DRAFT || this == CHANGES_REQUESTED;
    }
}
