package cn.dcjk.inspections.inspection;

import cn.dcjk.common.rule.Finding;
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

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** An on-site visit (实地督查) resting on one itinerary entry, with its reception record and burden counts. */
@Entity
@Table(name = "visit")
public class Visit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "visit_seq")
    @SequenceGenerator(name = "visit_seq", sequenceName = "visit_seq", allocationSize = 50)
    public Long id;
    @Column(name = "inspection_id")
    public long inspectionId;
    @Column(name = "itinerary_entry_id")
    public long itineraryEntryId;
    @Column(name = "unit_code")
    public String unitCode;
    @Column(name = "visit_date")
    public LocalDate visitDate;
    /** yyyy-MM of the visit date, for burden totals per unit and month. */
    public String month;
    @Column(name = "started_at")
    public OffsetDateTime startedAt;
    @Column(name = "started_by")
    public String startedBy;
    @JdbcTypeCode(SqlTypes.JSON)
    public Reception reception;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "reception_findings")
    public List<Finding> receptionFindings = new ArrayList<>();
    /** The violations last registered for back-tracing, so an unchanged record is not registered twice. */
    @Column(name = "reported_violations")
    public String reportedViolations;
    public int forms;
    public int materials;
    /** 考试答题 (article 22). */
    public int exams;
    public int surveys;
    @Column(name = "online_votes")
    public int onlineVotes;
    @Column(name = "messaging_groups")
    public int messagingGroups;
    @Version
    public long version;

    public Burden burden() {
        return new Burden(forms, materials, exams, surveys, onlineVotes, messagingGroups);
    }

    public void burden(Burden b) {
        forms = b.forms();
        materials = b.materials();
        exams = b.exams();
        surveys = b.surveys();
        onlineVotes = b.onlineVotes();
        messagingGroups = b.messagingGroups();
    }
}
