package id.pantau.region;

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

    public static RegionTimeZone ofZoneId(String zoneId) {
        for (RegionTimeZone zone : values()) {
            if (zone.zone.getId().equals(zoneId)) {
                return zone;
            }
        }
        throw new IllegalArgumentException(zoneId + " is not an Indonesian time zone");
    }
}
