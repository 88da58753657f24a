package cn.dcjk.inspections.finding;

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

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A finding (发现的问题) of an inspection: one line of the rectification ledger (整改台账). The
 * inspecting side (the dispatching unit) owns it and urges its rectification; the organiser and
 * its region are copied here so access checks and ledger queries need no join.
 */
@Entity
@Table(name = "finding")
public class InspectionFinding extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "finding_seq")
    @SequenceGenerator(name = "finding_seq", sequenceName = "finding_seq", allocationSize = 50)
    public Long id;
    @Column(name = "inspection_id")
    public long inspectionId;
    @Column(name = "target_unit_code")
    public String targetUnitCode;
    public String problem;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> evidence = new ArrayList<>();
    @Column(name = "responsible_side")
    public String responsibleSide;
    public LocalDate deadline;
    @Enumerated(EnumType.STRING)
    public FindingStatus status;
    @Column(name = "dispatching_unit_code")
    public String dispatchingUnitCode;
    @Column(name = "organiser_unit_code")
    public String organiserUnitCode;
    @Column(name = "organiser_region")
    public String organiserRegion;
    @Column(name = "co_organiser_codes")
    public String coOrganiserCodes = ",";
    @Column(name = "fed_back_at")
    public OffsetDateTime fedBackAt;
    public String answer;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Step> rectifications = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Step> verifications = new ArrayList<>();
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Version
    public long version;

    /** A rectification report (with evidence) or a verification (with its outcome), by whom and when. */
    @Schema(name = "FindingStep")
    public record Step(String text, List<String> evidence, String outcome, String actor, OffsetDateTime at) {
    }
}
