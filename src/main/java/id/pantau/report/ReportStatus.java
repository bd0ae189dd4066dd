package id.pantau.report;

/**
 * The public status of a report, as its tracking page shows it. Case handling moves it on; what
 * staff decide internally (who was heard, the plenary's reasoning) never shows here.
 */
public enum ReportStatus {
    /** Received and stored; awaiting review. */
    RECEIVED,
    /** Kajian awal: Bawaslu checks the formal and material requirements. */
    UNDER_REVIEW,
    /** The reporter is asked to complete the report (the note says what is missing). */
    COMPLETION_REQUESTED,
    /** Not registered as a report (requirements not met); kept as initial information. */
    NOT_REGISTERED,
    /** Registered with a register number. */
    REGISTERED,
    /** Clarification, review and plenary. */
    UNDER_INVESTIGATION,
    /** The plenary decided. */
    DECIDED,
    /** Forwarded to the competent institution. */
    REFERRED,
    /** Handling is finished. */
    CLOSED
}
