package id.pantau.election;

import java.time.LocalDate;

import id.pantau.region.RegionCode;
import org.jspecify.annotations.Nullable;

/**
 * An election. {@code regionCode} is the province or regency a Pilkada covers; null for a Pemilu
 * and for a simultaneous Pilkada everywhere.
 */
public record Election(long id, String name, ElectionType type, LocalDate votingDay, @Nullable RegionCode regionCode,
                       LocalDate startsOn, LocalDate endsOn) {

    /** True when a report from {@code region} belongs to this election's territory. */
    public boolean covers(RegionCode region) {
        return regionCode == null || regionCode.contains(region);
    }

    public boolean runsOn(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }
}
