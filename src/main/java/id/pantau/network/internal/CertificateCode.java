package id.pantau.network.internal;

import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The verification code of a cadre's completion certificate, such as {@code SERT-7KQ4-XW9M-2HRT-Q}:
 * 12 random symbols from the 31 unambiguous ones (about 59 bits from a SecureRandom, so codes cannot
 * be guessed or enumerated) and a check symbol (Luhn mod 31, as in the report module's tracking
 * code) that catches a mistyped symbol or two swapped neighbours before any lookup.
 */
record CertificateCode(String value) {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int RANDOM_SYMBOLS = 12;
    private static final int N = ALPHABET.length();
    private static final String PREFIX = "SERT";

    static CertificateCode generate(RandomGenerator random) {
        char[] symbols = new char[RANDOM_SYMBOLS + 1];
        for (int i = 0; i < RANDOM_SYMBOLS; i++) {
            symbols[i] = ALPHABET.charAt(random.nextInt(N));
        }
        symbols[RANDOM_SYMBOLS] = checkSymbol(symbols);
        return new CertificateCode(format(symbols));
    }

    /** Reads a typed code (any case, with or without the SERT prefix, spaces or hyphens); empty when it cannot be one. */
    static Optional<CertificateCode> parse(String typed) {
        String compact = typed.toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s-]", "");
        if (compact.startsWith(PREFIX)) {
            compact = compact.substring(PREFIX.length());
        }
        if (compact.length() != RANDOM_SYMBOLS + 1) {
            return Optional.empty();
        }
        char[] symbols = compact.toCharArray();
        for (char c : symbols) {
            if (ALPHABET.indexOf(c) < 0) {
                return Optional.empty();
            }
        }
        if (symbols[RANDOM_SYMBOLS] != checkSymbol(symbols)) {
            return Optional.empty();
        }
        return Optional.of(new CertificateCode(format(symbols)));
    }

    private static char checkSymbol(char[] symbols) {
        int sum = 0;
        int weight = 2;
        for (int i = RANDOM_SYMBOLS - 1; i >= 0; i--) {
            sum += (weight * ALPHABET.indexOf(symbols[i])) % N;
            weight = 3 - weight;
        }
        return ALPHABET.charAt((N - sum % N) % N);
    }

    private static String format(char[] symbols) {
        String s = new String(symbols);
        return PREFIX + "-" + s.substring(0, 4) + "-" + s.substring(4, 8) + "-" + s.substring(8, 12) + "-" + s.substring(12);
    }

    @Override
    public String toString() {
        return value;
    }
}
