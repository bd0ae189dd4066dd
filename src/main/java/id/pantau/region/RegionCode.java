package id.pantau.region;

import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A Kemendagri region code in its dotted form: {@code 35} (province), {@code 35.09} (regency or
 * city), {@code 35.09.01} (district), {@code 35.09.01.2001} (village). The value object only
 * guarantees the format; whether such a region exists is for {@link Regions} to say.
 */
public record RegionCode(String value) implements Comparable<RegionCode> {

    private static final Pattern FORMAT = Pattern.compile("\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?");

    public RegionCode {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidRegionCodeException(value);
        }
    }

    @JsonCreator
    public static RegionCode parse(String value) {
        return new RegionCode(value == null ? null : value.strip());
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value.strip()).matches();
    }

    public RegionLevel level() {
        return RegionLevel.values()[segments() - 1];
    }

    public Optional<RegionCode> parent() {
        int lastDot = value.lastIndexOf('.');
        return lastDot < 0 ? Optional.empty() : Optional.of(new RegionCode(value.substring(0, lastDot)));
    }

    /** The ancestor at {@code level}, or this code itself when it is at that level. */
    public RegionCode ancestorAt(RegionLevel level) {
        if (level.depth() > segments()) {
            throw new IllegalArgumentException(value + " is above the " + level.apiName() + " level");
        }
        int end = switch (level) {
            case PROVINCE -> 2;
            case REGENCY -> 5;
            case DISTRICT -> 8;
            case VILLAGE -> 13;
        };
        return new RegionCode(value.substring(0, end));
    }

    /** True when {@code other} is this region or lies inside it: the prefix rule of scoping. */
    public boolean contains(RegionCode other) {
        return other.value.equals(value) || other.value.startsWith(value + ".");
    }

    private int segments() {
        return (int) value.chars().filter(c -> c == '.').count() + 1;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }

    @Override
    public int compareTo(RegionCode other) {
        return value.compareTo(other.value);
    }
}
