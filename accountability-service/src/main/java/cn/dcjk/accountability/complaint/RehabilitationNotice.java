package cn.dcjk.accountability.complaint;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** 澄清正名: the clarification for a cadre wrongly accused; public unless the cadre declines. */
@Entity
@Table(name = "rehabilitation_notice")
public class RehabilitationNotice extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rehabilitation_notice_seq")
    @SequenceGenerator(name = "rehabilitation_notice_seq", sequenceName = "rehabilitation_notice_seq",
            allocationSize = 50)
    public Long id;
    @Column(name = "complaint_id")
    public long complaintId;
    @Column(name = "cleared_person_name")
    public String clearedPersonName;
    @Column(name = "cleared_unit_code")
    public String clearedUnitCode;
    public String title;
    public String text;
    public boolean published;
    @Column(name = "published_on")
    public LocalDate publishedOn;
    @Column(name = "issued_by_unit_code")
    public String issuedByUnitCode;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
