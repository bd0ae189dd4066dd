package id.pantau.casework.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import id.pantau.region.Region;
import id.pantau.region.RegionLevel;
import org.jspecify.annotations.Nullable;

/**
 * Bawaslu's register number, e.g. {@code 002/Reg/LP/PL/Kab/35.09/III/2024}: the office's
 * sequence number in the year, {@code LP} (laporan) or {@code TM} (temuan), the election code,
 * the office's level ({@code RI}, {@code Prov}, {@code Kab} or {@code Kota}, {@code Kec}), its
 * region code (none for Bawaslu RI), the month in Roman numerals and the year.
 */
final class RegisterNumber {

    private static final String[] ROMAN_MONTHS =
            {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};

    private RegisterNumber() {
    }

    static String format(int sequence, String kind, String electionCode, @Nullable Region office, LocalDate registeredOn) {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
        String officePart = office == null ? "RI" : level(office) + "/" + office.code().value();
        return "%03d/Reg/%s/%s/%s/%s/%d".formatted(sequence, kind, electionCode, officePart,
                ROMAN_MONTHS[registeredOn.getMonthValue() - 1], registeredOn.getYear());
    }

    /**
     * The day a registration falls on: the office's local day, which gives the number its month
     * and the sequence its year (23.30 WIB on 31 December is already 1 January in Jayapura).
     */
    static LocalDate registrationDay(Instant at, ZoneId officeZone) {
        return at.atZone(officeZone).toLocalDate();
    }

    /** The key of the office's sequence: its region code, or RI. */
    static String officeKey(@Nullable Region office) {
        return office == null ? "RI" : office.code().value();
    }

    private static String level(Region office) {
        RegionLevel level = office.level();
        return switch (level) {
            case PROVINCE -> "Prov";
            case REGENCY -> office.name().regionMatches(true, 0, "Kota", 0, 4) ? "Kota" : "Kab";
            case DISTRICT -> "Kec";
            case VILLAGE -> throw new IllegalArgumentException("no Bawaslu office at village level: " + office.code());
        };
    }
}
