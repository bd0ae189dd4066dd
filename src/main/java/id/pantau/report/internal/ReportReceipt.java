package id.pantau.report.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

import id.pantau.report.ReportKind;
import id.pantau.report.ReportStatus;

/**
 * The answer to a submitted report. {@code uploadToken} authorises evidence uploads for this
 * report (header X-Upload-Token) until {@code uploadTokenExpiresAt}; it is shown only here.
 * Times carry the offset of the report's region.
 */
record ReportReceipt(UUID id, String trackingCode, ReportKind kind, ReportStatus status, OffsetDateTime receivedAt,
                     Window reportingWindow, String uploadToken, OffsetDateTime uploadTokenExpiresAt) {

    record Window(OffsetDateTime deadline, boolean timely, int days, String counting, String basis) {
    }
}
