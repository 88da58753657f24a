package cn.dcjk.accountability.complaint;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** 诬告陷害追责: the record for pursuing a known false accuser. */
@Entity
@Table(name = "pursuit_record")
public class PursuitRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pursuit_record_seq")
    @SequenceGenerator(name = "pursuit_record_seq", sequenceName = "pursuit_record_seq", allocationSize = 50)
    public Long id;
    @Column(name = "complaint_id")
    public long complaintId;
    @Column(name = "accuser_name")
    public String accuserName;
    @Column(name = "accuser_contact")
    public String accuserContact;
    public String reasons;
    public String status;
    @Column(name = "handler_unit_code")
    public String handlerUnitCode;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
