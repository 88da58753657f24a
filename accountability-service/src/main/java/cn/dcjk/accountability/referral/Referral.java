package cn.dcjk.accountability.referral;

import cn.dcjk.common.rule.Finding;
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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;

/** A team's referral (移送) to its dispatching unit, and what that unit did with it. */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "referral_seq")
    @SequenceGenerator(name = "referral_seq", sequenceName = "referral_seq", allocationSize = 50)
    public Long id;
    @Enumerated(EnumType.STRING)
    public ReferralKind kind;
    @Enumerated(EnumType.STRING)
    public ReferralStatus status;
    @Column(name = "recipient_unit_code")
    public String recipientUnitCode;
    @Column(name = "dispatching_unit_code")
    public String dispatchingUnitCode;
    @Column(name = "dispatching_region_code")
    public String dispatchingRegionCode;
    @Column(name = "inspection_id")
    public long inspectionId;
    @Column(name = "finding_id")
    public long findingId;
    public String problem;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Subject> subjects;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Finding> warnings;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "close_reasons")
    public String closeReasons;
    @Column(name = "closed_by")
    public String closedBy;
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
    @Column(name = "competent_unit_code")
    public String competentUnitCode;
    @Column(name = "transfer_legal_basis")
    public String transferLegalBasis;
    @Column(name = "transfer_reasons")
    public String transferReasons;
    @Column(name = "transferred_by")
    public String transferredBy;
    @Column(name = "transferred_at")
    public OffsetDateTime transferredAt;
    @Version
    public long version;
}
