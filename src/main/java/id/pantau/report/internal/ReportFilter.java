package id.pantau.report.internal;

import java.time.OffsetDateTime;

import id.pantau.region.RegionCode;
import org.jspecify.annotations.Nullable;

/** The staff list's filters: all optional; {@code from}/{@code to} bound the time received. */
record ReportFilter(@Nullable RegionCode region, @Nullable String category, @Nullable String status,
                    @Nullable String kind, @Nullable OffsetDateTime from, @Nullable OffsetDateTime to,
                    @Nullable String q, java.util.@Nullable UUID incident) {
}
