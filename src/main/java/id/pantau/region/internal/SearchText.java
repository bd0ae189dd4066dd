package id.pantau.region.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form in which names are searched: lower case, without accents or apostrophes, other
 * punctuation as spaces. Names are stored this way at load time and queries are normalised the
 * same way, so "Regapu'u", "REGAPU’U" and "regapuu" all find the same village.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`´]");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    private SearchText() {
    }

    public static String normalize(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        plain = APOSTROPHES.matcher(plain).replaceAll("");
        return SEPARATORS.matcher(plain).replaceAll(" ").strip();
    }

    /** A full-text query requiring every word as a prefix: "kab jem" becomes {@code kab:* & jem:*}. */
    static String prefixQuery(String normalized) {
        return String.join(" & ", normalized.split(" ")).replace(" &", ":* &") + ":*";
    }
}
