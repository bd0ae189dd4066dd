package id.pantau.report;

import java.time.Instant;
import java.util.UUID;

import id.pantau.region.RegionCode;
import org.jspecify.annotations.Nullable;

/**
 * A report, finding or piece of initial information was received and stored. Hazards (disaster,
 * logistics, security) have {@code hazard} set: they are alerts, not violations.
 */
public record ReportSubmitted(UUID reportId, String trackingCode, ReportKind kind, String categoryCode,
                              @Nullable String subcategoryCode,
                              boolean hazard, RegionCode regionCode, @Nullable Long electionId, Instant occurredAt,
                              Instant receivedAt, boolean timely, @Nullable UUID incidentId) {
}
