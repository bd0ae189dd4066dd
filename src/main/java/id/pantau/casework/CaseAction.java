package id.pantau.casework;

/** What staff (or the clock) do to a case. */
public enum CaseAction {
    BEGIN_REVIEW,
    REQUEST_COMPLETION,
    COMPLETED,
    REGISTER,
    DECLINE,
    /** The completion window passed: done by the scheduled job, not by people. */
    COMPLETION_EXPIRED,
    BEGIN_CLARIFICATION,
    RECORD_CLARIFICATION,
    BEGIN_ASSESSMENT,
    TO_PLENARY,
    /** More information is needed: the decision deadline is extended once (UU 7/2017 Pasal 454 ayat (8)). */
    EXTEND,
    DECIDE,
    REFER,
    CLOSE,
    /** Pelimpahan: the case moves to another office, keeping its stage and history. */
    DELEGATE
}
