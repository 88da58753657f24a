package cn.dcjk.accountability.backtracing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.Map;

/** One entry of the back-tracing register (倒查追责台账), keyed by its source's event id. */
@Entity
@Table(name = "backtracing_record")
public class BacktracingRecord extends PanacheEntityBase {

    @Schema(name = "BacktracingStatus")
    public enum Status { REGISTERED, CONCLUDED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "backtracing_record_seq")
    @SequenceGenerator(name = "backtracing_record_seq", sequenceName = "backtracing_record_seq",
            allocationSize = 50)
    public Long id;
    @Enumerated(EnumType.STRING)
    public BacktracingSource source;
    @Column(name = "source_event_id")
    public String sourceEventId;
    @Enumerated(EnumType.STRING)
    public BacktracingKind kind;
    @Column(name = "actor_unit_code")
    public String actorUnitCode;
    @Column(name = "subject_unit_code")
    public String subjectUnitCode;
    @Column(name = "actor_region_code")
    public String actorRegionCode;
    @Column(name = "subject_region_code")
    public String subjectRegionCode;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    public String summary;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> evidence;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "handler_findings")
    public String handlerFindings;
    public String outcome;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
    @Version
    public long version;
}
