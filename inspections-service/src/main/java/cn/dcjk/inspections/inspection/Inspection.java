package cn.dcjk.inspections.inspection;

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
import java.util.Arrays;
import java.util.List;

/** A field inspection (督查检查) of one approved item, from its scheme to its closing. */
@Entity
@Table(name = "inspection")
public class Inspection extends PanacheEntityBase {

    /** The audit trail's object type of an inspection. */
    public static final String AUDIT_TYPE = "inspection";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "inspection_seq")
    @SequenceGenerator(name = "inspection_seq", sequenceName = "inspection_seq", allocationSize = 50)
    public Long id;
    @Column(name = "item_id")
    public long itemId;
    @Column(name = "approval_code")
    public String approvalCode;
    public String title;
    @Column(name = "organiser_unit_code")
    public String organiserUnitCode;
    @Column(name = "organiser_region")
    public String organiserRegion;
    /** ",a,b," so that one LIKE finds a member. */
    @Column(name = "co_organiser_codes")
    public String coOrganiserCodes = ",";
    @Column(name = "dispatching_unit_code")
    public String dispatchingUnitCode;
    @Enumerated(EnumType.STRING)
    public InspectionStatus status;
    public boolean unannounced;
    @Column(name = "provincial_comprehensive")
    public boolean provincialComprehensive;
    @Column(name = "period_start")
    public LocalDate periodStart;
    @Column(name = "period_end")
    public LocalDate periodEnd;
    @Column(name = "starts_on")
    public LocalDate startsOn;
    @Column(name = "ends_on")
    public LocalDate endsOn;
    @JdbcTypeCode(SqlTypes.JSON)
    public Records.Team team;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> population;
    @Column(name = "sampling_required")
    public boolean samplingRequired;
    /** The item was approved as on-site (article 10); an item that was not gets no field work. */
    @Column(name = "approved_on_site")
    public boolean approvedOnSite = true;
    /** Construction-site visits approved with their necessity (CONSTRUCTION-SITE granted); 0 otherwise. */
    @Column(name = "approved_construction_site_visits")
    public int approvedConstructionSiteVisits;
    @Column(name = "exception_granted")
    public boolean exceptionGranted;
    @Column(name = "approved_sample_max")
    public Integer approvedSampleMax;
    @JdbcTypeCode(SqlTypes.JSON)
    public Records.SampleDraw sample;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "sample_draws")
    public List<Records.SampleDraw> sampleDraws = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public Records.Results results;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Records.Step> history = new ArrayList<>();
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Version
    public long version;

    public List<String> coOrganisers() {
        return Arrays.stream(coOrganiserCodes.split(",")).filter(s -> !s.isBlank()).toList();
    }

    public void step(String step, String actor) {
        List<Records.Step> h = new ArrayList<>(history);
        h.add(new Records.Step(step, actor, OffsetDateTime.now()));
        history = h;
    }
}
