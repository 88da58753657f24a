package cn.dcjk.inspections.commendation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A commendation (表扬) in the provincial government's comprehensive inspection (article 29). */
@Entity
@Table(name = "commendation")
public class Commendation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "commendation_seq")
    @SequenceGenerator(name = "commendation_seq", sequenceName = "commendation_seq", allocationSize = 50)
    public Long id;
    @Column(name = "inspection_id")
    public long inspectionId;
    @Column(name = "unit_code")
    public String unitCode;
    public int year;
    @Column(name = "exemption_year")
    public int exemptionYear;
    public String reason;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
}
