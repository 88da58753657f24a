package cn.dcjk.plans.unit;

/** Whether a unit is of the party or the government side: it decides which office reviews its plans (article 5). */
public enum Branch {
    PARTY, GOVERNMENT, NONE
}
