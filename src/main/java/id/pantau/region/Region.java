package id.pantau.region;

import org.jspecify.annotations.Nullable;

/** One official region as the API shows it. */
public record Region(RegionCode code, String name, RegionLevel level, @Nullable RegionCode parentCode,
                     RegionTimeZone timeZone) {
}
