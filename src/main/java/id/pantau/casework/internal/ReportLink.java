package id.pantau.casework.internal;

import java.time.Instant;
import java.util.UUID;

import id.pantau.region.RegionCode;

/** A report handled in a case, with the facts a case needs of it. */
record ReportLink(UUID reportId, String trackingCode, String kind, RegionCode regionCode, Instant receivedAt) {
}
