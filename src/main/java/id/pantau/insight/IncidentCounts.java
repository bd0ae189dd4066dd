package id.pantau.insight;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import id.pantau.insight.internal.ReportStatistics;
import id.pantau.region.RegionCode;
import id.pantau.region.RegionLevel;
import id.pantau.region.RegionTimeZone;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The insight module's API for what its facts know about incidents: how many distinct incidents
 * (a report without an incident counts as one) each region saw per report type in a period of WIB
 * days. For the live vulnerability index; read from the yearly running totals of incidents (V31) down
 * to regencies, from the facts for districts.
 */
@Service
public class IncidentCounts {

    /** Days are counted in Indonesia's western time (WIB), where most offices are. */
    public static final ZoneId DAY_ZONE = RegionTimeZone.WIB.zoneId();

    /** Incidents (each counted at its first report) of one report type in one region. */
    public record RegionTypeCount(String regionCode, String categoryCode, long incidents) {
    }

    private final ReportStatistics statistics;

    IncidentCounts(ReportStatistics statistics) {
        this.statistics = statistics;
    }

    /**
     * Per region at {@code level} (province, regency or district) under {@code parent} (null:
     * Indonesia) and per report type, the incidents received in [from, to], both days included.
     */
    public List<RegionTypeCount> byRegionAndType(@Nullable RegionCode parent, RegionLevel level, LocalDate from, LocalDate to) {
        if (level == RegionLevel.VILLAGE) {
            throw new IllegalArgumentException("incidents are counted per province, regency or district");
        }
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        return statistics.incidentsByRegionAndType(parent, level, from, to);
    }
}
