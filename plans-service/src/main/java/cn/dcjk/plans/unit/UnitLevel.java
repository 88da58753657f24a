package cn.dcjk.plans.unit;

/** 省、市、县、乡、村. */
public enum UnitLevel {
    PROVINCE, CITY, COUNTY, TOWNSHIP, VILLAGE;

    /** Counties, townships and villages are the grassroots (基层) of article 20. */
    public boolean grassroots() {
        return this == COUNTY || this == TOWNSHIP || this == VILLAGE;
    }
}
