package cn.dcjk.plans.plan;

import cn.dcjk.common.rule.Finding;
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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** One step of a plan's workflow: who, for which unit, when, why, and what the rulebook said. */
@Entity
@Table(name = "plan_transition")
public class PlanTransition extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "plan_transition_seq")
    @SequenceGenerator(name = "plan_transition_seq", sequenceName = "plan_transition_seq", allocationSize = 50)
    public Long id;
    @Column(name = "plan_id")
    public Long planId;
    public String action;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public PlanStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public PlanStatus toStatus;
    public String actor;
    @Column(name = "actor_unit")
    public String actorUnit;
    public OffsetDateTime at;
    public String comment;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Finding> findings = new ArrayList<>();
}
