package cn.dcjk.inspections.inspection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A visited unit's rating of a visit (扫码评价). Deliberately without the rater: read only as aggregates. */
@Entity
@Table(name = "visit_rating")
public class VisitRating extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "visit_rating_seq")
    @SequenceGenerator(name = "visit_rating_seq", sequenceName = "visit_rating_seq", allocationSize = 50)
    public Long id;
    @Column(name = "visit_id")
    public long visitId;
    @Column(name = "inspection_id")
    public long inspectionId;
    public short score;
    public String comment;
    @Column(name = "burden_flag")
    public boolean burdenFlag;
    @Column(name = "misconduct_flag")
    public boolean misconductFlag;
}
