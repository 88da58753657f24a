package cn.dcjk.plans.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** An exception to a PRINCIPLE rule, granted explicitly by the approving authority at approval. */
@Entity
@Table(name = "granted_exception")
public class GrantedException extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "granted_exception_seq")
    @SequenceGenerator(name = "granted_exception_seq", sequenceName = "granted_exception_seq", allocationSize = 50)
    public Long id;
    @Column(name = "item_id")
    public Long itemId;
    public String rule;
    public String justification;
    @Column(name = "granted_by")
    public String grantedBy;
    @Column(name = "granted_unit")
    public String grantedUnit;
    @Column(name = "granted_at")
    public OffsetDateTime grantedAt;
}
