package id.pantau.casework.internal;

import java.time.Instant;
import java.util.UUID;

import id.pantau.region.RegionCode;
import org.jspecify.annotations.Nullable;

/**
 * A report handled in a case, with the facts a case needs of it. {@code timely}: whether it came
 * within the reporting window (null: not known, linked before this was kept).
 */
record ReportLink(UUID reportId, String trackingCode, String kind, RegionCode regionCode, Instant receivedAt,
                  @Nullable Boolean timely) {
}
