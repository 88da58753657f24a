package cn.dcjk.accountability.complaint;

/** A letter's states (article 31): received, under verification, and one of three verified ends. */
public enum ComplaintStatus {
    RECEIVED, VERIFYING, SUBSTANTIATED, UNFOUNDED, FALSE_ACCUSATION;

    public boolean open() {
        return this == RECEIVED || this == VERIFYING;
    }
}
