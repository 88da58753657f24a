package cn.dcjk.plans.plan;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One item (督查检查考核事项) of a plan: what the rules need to judge it. */
@Entity
@Table(name = "plan_item")
public class PlanItem extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "plan_item_seq")
    @SequenceGenerator(name = "plan_item_seq", sequenceName = "plan_item_seq", allocationSize = 50)
    public Long id;
    @Column(name = "plan_id")
    public Long planId;
    public String title;
    @Enumerated(EnumType.STRING)
    public Category category;
    @Column(name = "activity_word")
    public String activityWord;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> topics = new ArrayList<>();
    @Column(name = "organiser_unit_code")
    public String organiserUnitCode;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "co_organiser_unit_codes")
    public List<String> coOrganiserUnitCodes = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    @Column(name = "acting_name")
    public ActingName actingName;
    @Column(name = "acting_body_unit_code")
    public String actingBodyUnitCode;
    @Column(name = "acting_approval_reference")
    public String actingApprovalReference;
    @Column(name = "legal_basis")
    public String legalBasis;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_unit_codes")
    public List<String> targetUnitCodes = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_levels")
    public List<String> targetLevels = new ArrayList<>();
    @Column(name = "target_region_code")
    public String targetRegionCode;
    /** The smallest region holding every target (its significant prefix): the index for place clashes. */
    @Column(name = "target_region_prefix")
    public String targetRegionPrefix;
    @Column(name = "region_wide")
    public boolean regionWide;
    @Column(name = "on_site")
    public boolean onSite;
    @Column(name = "sampling_population")
    public Integer samplingPopulation;
    @Column(name = "sampling_size")
    public Integer samplingSize;
    @Column(name = "construction_site_visits")
    public int constructionSiteVisits;
    @Column(name = "construction_site_necessity")
    public String constructionSiteNecessity;
    @Column(name = "period_start")
    public LocalDate periodStart;
    @Column(name = "period_end")
    public LocalDate periodEnd;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "visit_dates")
    public List<LocalDate> visitDates = new ArrayList<>();
    @Column(name = "work_deployed_on")
    public LocalDate workDeployedOn;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "notice_recipient_unit_codes")
    public List<String> noticeRecipientUnitCodes = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> forms = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> materials = new ArrayList<>();
    public boolean scores;
    public boolean ranks;
    @Column(name = "may_lead_to_accountability")
    public boolean mayLeadToAccountability;
    @Column(name = "unified_deployment")
    public boolean unifiedDeployment;
    /** The reference of the unified deployment (统一部署) on record this item claims, if any. */
    @Column(name = "unified_deployment_reference")
    public String unifiedDeploymentReference;
    /** The approval code of the upper level's item this item implements (层层加码 is judged against it). */
    @Column(name = "implements_approval_code")
    public String implementsApprovalCode;
    public boolean publishable;
    @Enumerated(EnumType.STRING)
    @Column(name = "team_leader_rank")
    public LeaderRank teamLeaderRank;
    /** Written justifications per PRINCIPLE rule name, asked for by the organiser. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> justifications = new LinkedHashMap<>();
    public int year;
    /** Aimed at counties, townships, villages, enterprises or schools (article 20). */
    public boolean grassroots;
    @Column(name = "approval_code")
    public String approvalCode;
    public boolean approved;
    public boolean withdrawn;
    @Version
    public long version;

    /** The days of planned on-site visits: the given dates, else the first day of the period. */
    public List<LocalDate> plannedVisitDays() {
        if (!onSite) {
            return List.of();
        }
        return visitDates.isEmpty() ? List.of(periodStart) : visitDates;
    }
}
