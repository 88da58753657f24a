package cn.dcjk.plans.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An organiser's annual plan (年度计划) or a one-matter-one-report request (一事一报). */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "plan_seq")
    @SequenceGenerator(name = "plan_seq", sequenceName = "plan_seq", allocationSize = 50)
    public Long id;
    @Enumerated(EnumType.STRING)
    public PlanType type;
    public boolean urgent;
    public int year;
    public String title;
    @Column(name = "organiser_unit_code")
    public String organiserUnitCode;
    /** The party or government office that reviews and issues it (article 5). */
    @Column(name = "reviewing_office_code")
    public String reviewingOfficeCode;
    /** The party office that submits it to the party committee (统一报本级党委) and issues it. */
    @Column(name = "submitting_office_code")
    public String submittingOfficeCode;
    /** The party committee of the organiser's level, which approves every plan of that level (article 5). */
    @Column(name = "approving_body_code")
    public String approvingBodyCode;
    @Enumerated(EnumType.STRING)
    public PlanStatus status;
    @Column(name = "late_justification")
    public String lateJustification;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;
    @Column(name = "issued_at")
    public OffsetDateTime issuedAt;
    @Column(name = "valid_until")
    public LocalDate validUntil;
    @Column(name = "converted_at")
    public OffsetDateTime convertedAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Version
    public long version;

    /** Items of this plan may be done in the field: issued, or an approved single-matter request. */
    public boolean effective() {
        return status == PlanStatus.ISSUED || (type == PlanType.SINGLE_MATTER && status == PlanStatus.APPROVED);
    }
}
