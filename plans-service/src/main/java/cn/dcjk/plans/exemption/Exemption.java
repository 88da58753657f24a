package cn.dcjk.plans.exemption;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;

/** 免督查: a unit exempt from a year's provincial comprehensive inspection (article 29). */
@Entity
@Table(name = "exemption")
public class Exemption extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "exemption_seq")
    @SequenceGenerator(name = "exemption_seq", sequenceName = "exemption_seq", allocationSize = 50)
    public Long id;
    @Column(name = "unit_code")
    public String unitCode;
    public int year;
    public String reason;
    public String source;
    @Column(name = "source_id")
    public String sourceId;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Version
    public long version;
}
