package id.pantau.report;

import java.util.List;
import java.util.UUID;

/**
 * The reports grouped as one incident changed: suggested by duplicate detection, confirmed,
 * merged or split by staff. {@code reportIds} is the incident's membership after the change;
 * empty when the incident was dissolved.
 */
public record IncidentChanged(UUID incidentId, String change, boolean confirmed, List<UUID> reportIds) {
}
