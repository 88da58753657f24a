package cn.dcjk.common.data.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;

/** One entry of the append-only audit trail (审计留痕). */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
    public Long id;

    @Column(name = "object_type")
    public String objectType;
    @Column(name = "object_id")
    public String objectId;
    public String action;
    public String actor;
    @Column(name = "actor_unit")
    public String actorUnit;
    public OffsetDateTime at;
    @Column(name = "request_id")
    public String requestId;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Change> changes;

    /** One field's change; {@code before} is null for creations, {@code after} null for removals. */
    public record Change(String field, Object before, Object after) {
    }
}
