package cn.dcjk.accountability.casework;

/** How a case came to the competent body. */
public enum Origin {
    /** transferred by a team's dispatching unit */
    TRANSFER,
    /** a substantiated complaint letter handed on */
    COMPLAINT,
    /** the body's own initiative */
    OWN_INITIATIVE
}
