package id.pantau.shared;

import java.time.Month;
import java.time.MonthDay;
import java.time.Year;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An Indonesian national identity number (Nomor Induk Kependudukan), such as
 * {@code 3509015708920003}: 16 digits made of
 * <ul>
 * <li>the district of first registration, {@code 35 09 01}: province (11-99), regency (01-99) and
 * district (01-99), the Kemendagri region code {@code 35.09.01};</li>
 * <li>the birth date {@code DDMMYY}, where women have the day plus 40 ({@code 57} is the 17th);</li>
 * <li>a serial number, 0001-9999.</li>
 * </ul>
 * There is no check digit, so a valid NIK may still be mistyped or belong to nobody. Placeholder
 * birth dates (1 January, 1 July, 31 December) are common for people whose birth date was unknown
 * at registration, and are valid.
 *
 * <p>A NIK is personal data. {@link #toString()} gives the {@linkplain #masked() masked} form, error
 * messages never repeat the number, and this is deliberately neither a record nor annotated for
 * Jackson: a record would serialise as {@code {"value": "..."}} wherever it is put in a response,
 * while Jackson sees no property here (it writes {@code {}}, and reads no NIK from JSON). A NIK goes
 * into JSON only when it is written out on purpose, with {@link #value()} or {@link #masked()}.
 */
public final class Nik {

    private static final int LENGTH = 16;
    private static final Set<MonthDay> PLACEHOLDER_BIRTH_DAYS =
            Set.of(MonthDay.of(1, 1), MonthDay.of(7, 1), MonthDay.of(12, 31));
    private static final int FEMALE_DAY_OFFSET = 40;

    private final String value;

    private Nik(String value) {
        this.value = value;
    }

    /**
     * Reads a NIK as it is typed or printed: 16 digits, with spaces, dots and hyphens anywhere
     * ({@code 35.09.01.570892.0003} and {@code 3509 0157 0892 0003} are accepted).
     *
     * @throws InvalidNikException saying which part is wrong
     */
    public static Nik parse(@Nullable String input) {
        if (input == null) {
            throw new InvalidNikException("it is missing");
        }
        char[] digits = new char[LENGTH];
        int count = 0;
        for (int i = 0; i < input.length(); ) {
            int c = input.codePointAt(i);
            i += Character.charCount(c);
            if (c == '.' || c == '-' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            count++;
            if (c < '0' || c > '9') { // ASCII only: Character.isDigit would accept Arabic-Indic and other digits
                throw new InvalidNikException("a NIK has only the digits 0-9, and character " + count + " is "
                        + describe(c));
            }
            if (count <= LENGTH) {
                digits[count - 1] = (char) c;
            }
        }
        if (count == 0) {
            throw new InvalidNikException("it is empty");
        }
        if (count != LENGTH) {
            throw new InvalidNikException("a NIK has " + LENGTH + " digits; this one has " + count);
        }
        String nik = new String(digits);
        check(nik);
        return new Nik(nik);
    }

    private static void check(String nik) {
        if (number(nik, 0, 2) < 11) {
            throw new InvalidNikException("the province code " + nik.substring(0, 2)
                    + " does not exist; province codes run from 11 to 99");
        }
        if (number(nik, 2, 4) == 0) {
            throw new InvalidNikException("the regency code 00 does not exist; regency codes run from 01 to 99");
        }
        if (number(nik, 4, 6) == 0) {
            throw new InvalidNikException("the district code 00 does not exist; district codes run from 01 to 99");
        }
        String date = nik.substring(6, 12);
        int day = number(nik, 6, 8);
        int month = number(nik, 8, 10);
        int year = number(nik, 10, 12);
        if (day < 1 || day > 31 && day <= FEMALE_DAY_OFFSET || day > 31 + FEMALE_DAY_OFFSET) {
            throw new InvalidNikException("the birth day " + nik.substring(6, 8) + " in the birth date " + date
                    + " is not a day; it is 01-31 for men and 41-71 (the day + 40) for women");
        }
        if (month < 1 || month > 12) {
            throw new InvalidNikException("the birth month " + nik.substring(8, 10) + " in the birth date " + date
                    + " is not a month");
        }
        int realDay = day > FEMALE_DAY_OFFSET ? day - FEMALE_DAY_OFFSET : day;
        if (!exists(realDay, month, year)) {
            String monthName = Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            String why = realDay <= Month.of(month).maxLength()
                    ? "neither 19%02d nor 20%02d is a leap year".formatted(year, year)
                    : monthName + " has no day " + realDay;
            String woman = day > FEMALE_DAY_OFFSET ? " (a woman's, so day " + realDay + ")" : "";
            throw new InvalidNikException("the birth date " + date + woman + " does not exist: " + why);
        }
        if (number(nik, 12, 16) == 0) {
            throw new InvalidNikException("the serial number 0000 does not exist; serial numbers start at 0001");
        }
    }

    /** The day exists in that month of 19YY or of 20YY: 29 February needs one of them to be a leap year. */
    private static boolean exists(int day, int month, int twoDigitYear) {
        return Year.of(1900 + twoDigitYear).atMonth(month).isValidDay(day)
                || Year.of(2000 + twoDigitYear).atMonth(month).isValidDay(day);
    }

    /** The 16 digits. Personal data: show {@link #masked()} unless the viewer may see the NIK. */
    public String value() {
        return value;
    }

    /** The district of first registration as a dotted Kemendagri region code, e.g. {@code 35.09.01}. */
    public String regionPrefix() {
        return value.substring(0, 2) + "." + value.substring(2, 4) + "." + value.substring(4, 6);
    }

    /** True when the birth day has 40 added, which marks a woman. */
    public boolean female() {
        return number(value, 6, 8) > FEMALE_DAY_OFFSET;
    }

    /** The birth day and month, with the 40 of women taken off. */
    public MonthDay birthDay() {
        int day = number(value, 6, 8);
        return MonthDay.of(number(value, 8, 10), day > FEMALE_DAY_OFFSET ? day - FEMALE_DAY_OFFSET : day);
    }

    /** The year of birth without its century (0-99), which a NIK does not record. */
    public int birthYearTwoDigits() {
        return number(value, 10, 12);
    }

    /** The serial number, 1-9999. */
    public int serial() {
        return number(value, 12, 16);
    }

    /** True for 1 January, 1 July and 31 December, which are often registered when the real birth date is unknown. */
    public boolean hasPlaceholderBirthDate() {
        return PLACEHOLDER_BIRTH_DAYS.contains(birthDay());
    }

    /** For display to roles that must not see the NIK: the first 4 and last 2 digits, e.g. {@code 3509**********03}. */
    public String masked() {
        return value.substring(0, 4) + "*".repeat(LENGTH - 6) + value.substring(LENGTH - 2);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Nik nik && nik.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /**
     * The masked form, not the number: string concatenation, log statements, exception messages
     * and debuggers call toString without anyone deciding to show a NIK, so a NIK must never leak
     * that way. Use {@link #value()} where the full number is really needed.
     */
    @Override
    public String toString() {
        return masked();
    }

    private static int number(String digits, int from, int to) {
        return Integer.parseInt(digits, from, to, 10);
    }

    private static String describe(int c) {
        boolean visible = Character.isDefined(c) && !Character.isISOControl(c)
                && Character.getType(c) != Character.FORMAT && Character.getType(c) != Character.NON_SPACING_MARK;
        return visible ? "'" + Character.toString(c) + "'" : "U+%04X".formatted(c);
    }
}
