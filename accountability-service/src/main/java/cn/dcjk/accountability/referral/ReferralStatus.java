package cn.dcjk.accountability.referral;

public enum ReferralStatus {
    SUBMITTED, TRANSFERRED, CLOSED
}
