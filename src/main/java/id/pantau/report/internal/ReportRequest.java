package id.pantau.report.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A report as a client sends it (POST /api/v1/reports). Everything is optional at this level so
 * that validation can name every missing or wrong field at once. Without {@code reporter} the
 * report is anonymous.
 */
record ReportRequest(@Nullable Long electionId, @Nullable String category, @Nullable String subcategory,
                     @Nullable String act, @Nullable String title, @Nullable String description,
                     @Nullable OffsetDateTime occurredAt, @Nullable OffsetDateTime knownAt,
                     @Nullable String regionCode, @Nullable Integer tps, @Nullable Location location,
                     @Nullable ReportedParty reportedParty, @Nullable List<Witness> witnesses,
                     @Nullable Reporter reporter) {

    record Location(@Nullable Double lat, @Nullable Double lon) {
    }

    /** Who is reported (terlapor): usually an official acting in public, so not sealed. */
    record ReportedParty(@Nullable String name, @Nullable String position, @Nullable String institution) {
    }

    record Witness(@Nullable String name, @Nullable String contact) {
    }

    record Reporter(@Nullable String name, @Nullable String nik, @Nullable String phone, @Nullable String email,
                    @Nullable String address) {
    }
}
