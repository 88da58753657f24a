package cn.dcjk.accountability.complaint;

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

/** A complaint or accusation letter (告状信、检举信); the accuser's identity is for handlers only. */
@Entity
@Table(name = "complaint_letter")
public class ComplaintLetter extends PanacheEntityBase {

    public enum Channel { PUBLIC, HANDLER }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "complaint_letter_seq")
    @SequenceGenerator(name = "complaint_letter_seq", sequenceName = "complaint_letter_seq", allocationSize = 50)
    public Long id;
    @Column(name = "receipt_code")
    public String receiptCode;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public boolean anonymous;
    @Column(name = "accuser_name")
    public String accuserName;
    @Column(name = "accuser_contact")
    public String accuserContact;
    @Column(name = "handler_unit_code")
    public String handlerUnitCode;
    @Column(name = "accused_name")
    public String accusedName;
    @Column(name = "accused_unit_code")
    public String accusedUnitCode;
    @Column(name = "accused_position")
    public String accusedPosition;
    public String content;
    @Column(name = "received_on")
    public LocalDate receivedOn;
    @Enumerated(EnumType.STRING)
    public ComplaintStatus status;
    @Column(name = "verification_notes")
    public String verificationNotes;
    @Column(name = "outcome_reasons")
    public String outcomeReasons;
    @Column(name = "competent_unit_code")
    public String competentUnitCode;
    @Column(name = "transfer_legal_basis")
    public String transferLegalBasis;
    @Column(name = "concluded_at")
    public OffsetDateTime concludedAt;
    @Column(name = "concluded_by")
    public String concludedBy;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;
}
