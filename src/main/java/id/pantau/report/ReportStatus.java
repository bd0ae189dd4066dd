package id.pantau.report;

/** The public status of a report, as its tracking page shows it. */
public enum ReportStatus {
    /** Received and stored; awaiting review. */
    RECEIVED
}
