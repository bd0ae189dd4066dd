package id.pantau.report;

import java.util.Objects;
import java.util.random.RandomGenerator;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * The public tracking code of a report, such as {@code 7KQ4-XW9M-2HRT-Q}: what a reporter keeps
 * and types back in to follow the report.
 *
 * <ul>
 * <li>Unguessable: 12 random symbols from a 31-symbol alphabet, 12 × log2(31) ≈ 59.4 bits, when
 * generated from a {@link java.security.SecureRandom}.</li>
 * <li>Human-friendly: the digits 2-9 and the letters A-Z without 0, O, 1, I and L, which are
 * easily confused; grouped 4-4-4-1; lower case, spaces and hyphens are accepted when typed.</li>
 * <li>Typo-proof: a 13th, check symbol (Luhn mod N over the alphabet) catches every single-symbol
 * substitution and every transposition of two adjacent symbols.</li>
 * </ul>
 *
 * <p>The check symbol is Luhn mod N with one change. From the right, the symbols' values (their
 * index in the alphabet) are weighted 2, 1, 2, 1, ... and summed modulo 31; the check symbol makes
 * the sum 0. Textbook Luhn mod N "adds the digits" of a doubled value in base N (2v becomes
 * 2v - N + 1 when 2v ≥ N). That is a permutation only for even N: with N = 31 it gives 3 and J the
 * same doubled value, and so on for 15 pairs, so it would miss those substitutions. Here doubled
 * values are simply reduced modulo 31. As 31 is prime, doubling permutes the values (every
 * substitution changes the sum) and v + 2w ≠ w + 2v unless v = w (every adjacent transposition
 * changes it).
 */
public record TrackingCode(String value) {

    /** The symbols, in the order that gives their values 0..30. */
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int RANDOM_SYMBOLS = 12;
    /** Symbols in a code: the random ones and the check symbol. */
    static final int LENGTH = RANDOM_SYMBOLS + 1;

    private static final int N = ALPHABET.length();
    private static final String NEVER_USED = "0O1IL";

    /** Accepts the canonical form only ({@code XXXX-XXXX-XXXX-X}, upper case); {@link #parse} is for typed input. */
    public TrackingCode {
        String canonical = canonicalise(value);
        if (!canonical.equals(value)) {
            throw new InvalidTrackingCodeException("'" + value + "' is written differently from its canonical form "
                    + canonical + "; use TrackingCode.parse for typed input");
        }
    }

    /** A new random code; pass a {@link java.security.SecureRandom} so that codes cannot be guessed. */
    public static TrackingCode generate(RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        char[] symbols = new char[LENGTH];
        for (int i = 0; i < RANDOM_SYMBOLS; i++) {
            symbols[i] = ALPHABET.charAt(random.nextInt(N));
        }
        symbols[RANDOM_SYMBOLS] = checkSymbol(symbols);
        return new TrackingCode(format(symbols));
    }

    /**
     * Reads a code as a person typed it: in lower or upper case, with spaces and hyphens anywhere.
     *
     * @throws InvalidTrackingCodeException saying what is wrong: missing, a character that is not
     *                                      used in codes, the wrong length, or a typo (the check symbol does not match)
     */
    @JsonCreator
    public static TrackingCode parse(@Nullable String input) {
        return new TrackingCode(canonicalise(input));
    }

    /** The code without hyphens, e.g. for a URL or a QR code. */
    public String compact() {
        return value.replace("-", "");
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

    private static String canonicalise(@Nullable String input) {
        if (input == null) {
            throw new InvalidTrackingCodeException("A tracking code is required");
        }
        char[] symbols = new char[LENGTH];
        int count = 0;
        for (int i = 0; i < input.length(); ) {
            int c = input.codePointAt(i);
            i += Character.charCount(c);
            if (isSeparator(c)) {
                continue;
            }
            int upper = c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c; // ASCII only: no ı → I, ſ → S
            count++;
            if (ALPHABET.indexOf(upper) < 0) {
                throw notASymbol(c, upper, count);
            }
            if (count <= LENGTH) {
                symbols[count - 1] = (char) upper;
            }
        }
        if (count == 0) {
            throw new InvalidTrackingCodeException("The tracking code is empty");
        }
        if (count != LENGTH) {
            throw new InvalidTrackingCodeException("A tracking code has " + LENGTH
                    + " characters (XXXX-XXXX-XXXX-X); this one has " + count);
        }
        if (symbols[RANDOM_SYMBOLS] != checkSymbol(symbols)) {
            throw new InvalidTrackingCodeException(format(symbols) + " is not a valid tracking code; "
                    + "its characters do not fit together, so one of them is probably a typo");
        }
        return format(symbols);
    }

    /** Spaces and hyphens, including the Unicode kinds that copying from documents and chats brings along. */
    private static boolean isSeparator(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c)
                || c == '-' || c == '\u2212' || Character.getType(c) == Character.DASH_PUNCTUATION;
    }

    private static InvalidTrackingCodeException notASymbol(int typed, int upper, int position) {
        String which = describe(typed) + " (character " + position + ")";
        if (NEVER_USED.indexOf(upper) >= 0) {
            return new InvalidTrackingCodeException(which + " is not used in tracking codes: 0, O, 1, I and L "
                    + "are left out because they are easily confused");
        }
        return new InvalidTrackingCodeException(which + " cannot be in a tracking code, which has only the digits "
                + "2-9 and the letters A-Z except I, L and O");
    }

    private static String describe(int c) {
        boolean visible = Character.isDefined(c) && !Character.isISOControl(c)
                && Character.getType(c) != Character.FORMAT && Character.getType(c) != Character.NON_SPACING_MARK;
        return visible ? "'" + Character.toString(c) + "'" : "U+%04X".formatted(c);
    }

    /** The check symbol of the first {@value #RANDOM_SYMBOLS} symbols (see the class comment). */
    private static char checkSymbol(char[] symbols) {
        int sum = 0;
        int weight = 2; // the check symbol itself, rightmost, would have weight 1
        for (int i = RANDOM_SYMBOLS - 1; i >= 0; i--) {
            sum += (weight * ALPHABET.indexOf(symbols[i])) % N;
            weight = 3 - weight;
        }
        return ALPHABET.charAt((N - sum % N) % N);
    }

    private static String format(char[] symbols) {
        String compact = new String(symbols);
        return compact.substring(0, 4) + "-" + compact.substring(4, 8) + "-" + compact.substring(8, 12) + "-"
                + compact.substring(12);
    }
}
