package cn.dcjk.inspections.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** The scores of one target against a scheme; the total is the weighted sum. */
@Entity
@Table(name = "assessment_score")
public class AssessmentScore extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assessment_score_seq")
    @SequenceGenerator(name = "assessment_score_seq", sequenceName = "assessment_score_seq", allocationSize = 50)
    public Long id;
    @Column(name = "scheme_id")
    public long schemeId;
    @Column(name = "target_unit_code")
    public String targetUnitCode;
    @Column(name = "target_type")
    public String targetType;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<AssessmentInputs.Score> scores;
    public BigDecimal total;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
}
