package id.pantau.region;

import java.time.Instant;
import java.time.ZoneId;

import com.fasterxml.jackson.annotation.JsonValue;

/** Indonesia's three time zones. Every region keeps its province's zone. */
public enum RegionTimeZone {
    /** Waktu Indonesia Barat, UTC+7. */
    WIB("Asia/Jakarta"),
    /** Waktu Indonesia Tengah, UTC+8. */
    WITA("Asia/Makassar"),
    /** Waktu Indonesia Timur, UTC+9. */
    WIT("Asia/Jayapura");

    private final ZoneId zone;

    RegionTimeZone(String zoneId) {
        this.zone = ZoneId.of(zoneId);
    }

    /** The IANA zone id, as the API shows it. */
    @JsonValue
    public String zoneIdText() {
        return zone.getId();
    }

    public ZoneId zoneId() {
        return zone;
    }

    /** The offset from UTC, such as {@code +07:00}: fixed, as Indonesia keeps no daylight saving time. */
    public String utcOffset() {
        return zone.getRules().getOffset(Instant.EPOCH).getId();
    }

    public static RegionTimeZone ofZoneId(String zoneId) {
        for (RegionTimeZone zone : values()) {
            if (zone.zone.getId().equals(zoneId)) {
                return zone;
            }
        }
        throw new IllegalArgumentException(zoneId + " is not an Indonesian time zone");
    }
}
