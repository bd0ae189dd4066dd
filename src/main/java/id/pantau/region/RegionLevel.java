package id.pantau.region;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The four tiers of Indonesian administration, from the top. */
public enum RegionLevel {
    PROVINCE, REGENCY, DISTRICT, VILLAGE;

    /** The lower-case name used in the API ({@code province}, {@code regency}, ...). */
    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts the API name in any case. */
    public static RegionLevel fromApiName(String value) {
        for (RegionLevel level : values()) {
            if (level.name().equalsIgnoreCase(value.strip())) {
                return level;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not one of province, regency, district, village");
    }

    /** 1 for provinces down to 4 for villages: the number of segments in a code of this level. */
    public int depth() {
        return ordinal() + 1;
    }
}
