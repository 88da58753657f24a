package cn.dcjk.inspections.inspection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Optional;

/** One unit of an inspection's declared population: sampled or not, and when a visit to it first started. */
@Entity
@Table(name = "inspection_target")
public class InspectionTarget extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "inspection_target_seq")
    @SequenceGenerator(name = "inspection_target_seq", sequenceName = "inspection_target_seq", allocationSize = 50)
    public Long id;
    @Column(name = "inspection_id")
    public long inspectionId;
    @Column(name = "unit_code")
    public String unitCode;
    public boolean sampled;
    @Column(name = "visit_started_at")
    public OffsetDateTime visitStartedAt;

    public static Optional<InspectionTarget> of(long inspectionId, String unitCode) {
        return find("inspectionId = ?1 and unitCode = ?2", inspectionId, unitCode).firstResultOptional();
    }
}
