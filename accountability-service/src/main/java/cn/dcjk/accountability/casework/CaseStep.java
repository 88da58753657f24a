package cn.dcjk.accountability.casework;

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
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.Map;

/** One step of a case's history: which, who, for which unit, when, with what (evidence, statement…). */
@Entity
@Immutable
@Table(name = "case_step")
public class CaseStep extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "case_step_seq")
    @SequenceGenerator(name = "case_step_seq", sequenceName = "case_step_seq", allocationSize = 50)
    public Long id;
    @Column(name = "case_id")
    public long caseId;
    @Enumerated(EnumType.STRING)
    public CaseStatus step;
    public String actor;
    @Column(name = "actor_unit")
    public String actorUnit;
    public OffsetDateTime at;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> details;
}
