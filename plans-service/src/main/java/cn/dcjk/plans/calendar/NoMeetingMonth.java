package cn.dcjk.plans.calendar;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A no-meeting month (无会月) of a year in a region (article 4). */
@Entity
@Table(name = "no_meeting_month")
public class NoMeetingMonth extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "no_meeting_month_seq")
    @SequenceGenerator(name = "no_meeting_month_seq", sequenceName = "no_meeting_month_seq", allocationSize = 50)
    public Long id;
    public int year;
    public int month;
    @Column(name = "region_code")
    public String regionCode;
    public String note;
    @Version
    public long version;
}
