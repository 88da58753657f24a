package cn.dcjk.plans.unit;

import cn.dcjk.common.unit.RegionCode;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;

/** A unit of the directory (单位). */
@Entity
@Table(name = "unit")
public class Unit extends PanacheEntityBase {

    @Id
    public String code;
    public String name;
    @Column(name = "name_en")
    public String nameEn;
    @Enumerated(EnumType.STRING)
    public UnitLevel level;
    @Enumerated(EnumType.STRING)
    public UnitKind kind;
    @Enumerated(EnumType.STRING)
    public Branch branch = Branch.NONE;
    @Column(name = "region_code")
    public String regionCode;
    @Column(name = "parent_code")
    public String parentCode;
    public boolean retired;
    @Column(name = "retired_at")
    public OffsetDateTime retiredAt;
    @Version
    public long version;

    public RegionCode region() {
        return new RegionCode(regionCode);
    }

    /** 下级: this unit's region lies strictly inside the other's. */
    public boolean lowerThan(Unit other) {
        return region().strictlyInside(other.region());
    }
}
