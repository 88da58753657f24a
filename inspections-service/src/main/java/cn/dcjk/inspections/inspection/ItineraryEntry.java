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

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An itinerary entry (行程), filed before the visit it announces to the organiser. */
@Entity
@Table(name = "itinerary_entry")
public class ItineraryEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "itinerary_entry_seq")
    @SequenceGenerator(name = "itinerary_entry_seq", sequenceName = "itinerary_entry_seq", allocationSize = 50)
    public Long id;
    @Column(name = "inspection_id")
    public long inspectionId;
    @Column(name = "unit_code")
    public String unitCode;
    @Column(name = "visit_date")
    public LocalDate visitDate;
    @Enumerated(EnumType.STRING)
    @Column(name = "site_type")
    public SiteType siteType;
    public String necessity;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
}
