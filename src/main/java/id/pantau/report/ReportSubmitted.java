package id.pantau.report;

import java.time.Instant;
import java.util.UUID;

import id.pantau.region.RegionCode;
import org.jspecify.annotations.Nullable;

/**
 * A report, finding or piece of initial information was received and stored. Hazards (disaster,
 * logistics, security) have {@code hazard} set: they are alerts, not violations.
 *
 * <p>Published inside the transaction that processes the report after intake; listeners are
 * synchronous ({@code @EventListener}) and their writes commit or roll back with it, so a failed
 * listener leaves the report unprocessed to be tried again. A retried report is announced again:
 * listeners must tolerate a repeat.
 */
public record ReportSubmitted(UUID reportId, String trackingCode, ReportKind kind, String categoryCode,
                              @Nullable String subcategoryCode,
                              boolean hazard, RegionCode regionCode, @Nullable Long electionId, Instant occurredAt,
                              Instant receivedAt, boolean timely, @Nullable UUID incidentId) {
}
