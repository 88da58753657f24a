package cn.dcjk.plans.mandate;

import cn.dcjk.plans.unit.UnitKind;
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

import java.time.OffsetDateTime;

/**
 * A mandate on record: the document (reference) by which a party committee or government deployed
 * work jointly (统一部署) or approved a coordination body acting in its name. Items that claim one
 * name its reference; the rules look it up here instead of taking the planner's word.
 */
@Entity
@Table(name = "mandate")
public class Mandate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mandate_seq")
    @SequenceGenerator(name = "mandate_seq", sequenceName = "mandate_seq", allocationSize = 50)
    public Long id;
    @Enumerated(EnumType.STRING)
    public MandateKind kind;
    /** The document's number, e.g. 鲁办发〔2027〕3号; unique. */
    public String reference;
    public String title;
    /** The party committee or government that decided. */
    @Column(name = "granting_unit_code")
    public String grantingUnitCode;
    /** The granting unit's kind and region, as the directory had them when recorded. */
    @Enumerated(EnumType.STRING)
    @Column(name = "granting_unit_kind")
    public UnitKind grantingUnitKind;
    @Column(name = "granting_region_code")
    public String grantingRegionCode;
    /** For a coordination body's approval: the body; null for a unified deployment. */
    @Column(name = "grantee_unit_code")
    public String granteeUnitCode;
    public int year;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
