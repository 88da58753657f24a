package cn.dcjk.accountability.casework;

import cn.dcjk.accountability.referral.Subject;
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

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** An accountability case (问责案件) of the competent body; its steps are in {@link CaseStep}. */
@Entity
@Table(name = "accountability_case")
public class AccountabilityCase extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "accountability_case_seq")
    @SequenceGenerator(name = "accountability_case_seq", sequenceName = "accountability_case_seq",
            allocationSize = 50)
    public Long id;
    @Enumerated(EnumType.STRING)
    public Origin origin;
    @Column(name = "referral_id")
    public Long referralId;
    @Column(name = "complaint_id")
    public Long complaintId;
    @Column(name = "competent_unit_code")
    public String competentUnitCode;
    @Column(name = "competent_region_code")
    public String competentRegionCode;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Subject> subjects;
    public String summary;
    @Enumerated(EnumType.STRING)
    public CaseStatus status;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    @Column(name = "legal_basis")
    public String legalBasis;
    @Column(name = "approving_authority")
    public String approvingAuthority;
    @Column(name = "notified_on")
    public LocalDate notifiedOn;
    @Enumerated(EnumType.STRING)
    @Column(name = "review_result")
    public ReviewResult reviewResult;
    @Enumerated(EnumType.STRING)
    @Column(name = "reviewed_outcome")
    public Outcome reviewedOutcome;
    @Column(name = "opened_at")
    public OffsetDateTime openedAt;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Version
    public long version;
}
