package cn.dcjk.inspections.finding;

/**
 * A finding's way through the ledger: filed with the results; fed back to the inspected unit;
 * answered by it; rectification reported with evidence; verified and closed, or sent back.
 */
public enum FindingStatus { FILED, FED_BACK, ANSWERED, RECTIFICATION_REPORTED, SENT_BACK, CLOSED }
