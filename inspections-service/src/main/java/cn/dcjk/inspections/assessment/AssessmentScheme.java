package cn.dcjk.inspections.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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

/** An assessment scheme (考核方案): indicators with weights and kinds, per target type. */
@Entity
@Table(name = "assessment_scheme")
public class AssessmentScheme extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assessment_scheme_seq")
    @SequenceGenerator(name = "assessment_scheme_seq", sequenceName = "assessment_scheme_seq", allocationSize = 50)
    public Long id;
    public String name;
    @Column(name = "owner_unit_code")
    public String ownerUnitCode;
    public int year;
    @Column(name = "item_id")
    public Long itemId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "target_types")
    public List<AssessmentInputs.TargetType> targetTypes;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Version
    public long version;
}
