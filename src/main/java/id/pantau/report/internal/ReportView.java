package id.pantau.report.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import id.pantau.region.RegionCode;
import id.pantau.report.ReportKind;
import id.pantau.report.SubmitterAffiliations;
import org.jspecify.annotations.Nullable;

/**
 * A report as staff see it. The identity is masked unless asked for (and audited) separately.
 * {@code affiliation}: for a volunteer's report, the partner and teams it was filed for.
 */
record ReportView(UUID id, String trackingCode, ReportKind kind, String status, String channel,
                  @Nullable Long electionId, String ruleSet, String category, @Nullable String subcategory,
                  @Nullable String act, String title, String description, OffsetDateTime occurredAt,
                  OffsetDateTime knownAt, OffsetDateTime receivedAt, OffsetDateTime reportingDeadline, boolean timely,
                  RegionCode regionCode, @Nullable Integer tps, ReportRequest.@Nullable Location location,
                  ReportRequest.@Nullable ReportedParty reportedParty, @Nullable Long submittedBy,
                  SubmitterAffiliations.@Nullable Affiliation affiliation,
                  @Nullable ReporterIdentity identity, @Nullable UUID incidentId) {
}
