package id.pantau.report.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

import id.pantau.region.RegionCode;
import id.pantau.report.ReportKind;
import org.jspecify.annotations.Nullable;

/** A line of the staff's report list. */
record ReportSummary(UUID id, String trackingCode, ReportKind kind, String status, String category, String title,
                     RegionCode regionCode, OffsetDateTime occurredAt, OffsetDateTime receivedAt, boolean timely,
                     @Nullable UUID incidentId) {
}
