package cn.dcjk.plans.rule;

/** When the rulebook is asked: a dry run, at submission, or again at approval (state can change in between). */
public enum Stage {
    DRY_RUN, SUBMISSION, APPROVAL
}
