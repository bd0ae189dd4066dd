package id.pantau.report.internal;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A MinHash signature of a text: 64 minima of seeded hashes over its character 5-grams. The
 * share of equal positions in two signatures estimates the Jaccard similarity of their 5-gram
 * sets, which tolerates the typos, affixes and word order of quickly typed reports.
 */
final class TextSignature {

    static final int SIZE = 64;
    private static final int SHINGLE = 5;

    private TextSignature() {
    }

    static int[] of(String text) {
        String normalized = normalize(text);
        Set<String> shingles = new HashSet<>();
        if (normalized.length() <= SHINGLE) {
            shingles.add(normalized);
        } else {
            for (int i = 0; i + SHINGLE <= normalized.length(); i++) {
                shingles.add(normalized.substring(i, i + SHINGLE));
            }
        }
        int[] signature = new int[SIZE];
        java.util.Arrays.fill(signature, Integer.MAX_VALUE);
        for (String shingle : shingles) {
            int base = shingle.hashCode();
            for (int seed = 0; seed < SIZE; seed++) {
                int hash = mix(base ^ (0x9E3779B9 * (seed + 1)));
                if (hash < signature[seed]) {
                    signature[seed] = hash;
                }
            }
        }
        return signature;
    }

    static double similarity(int[] a, int[] b) {
        int equal = 0;
        for (int i = 0; i < SIZE; i++) {
            if (a[i] == b[i]) {
                equal++;
            }
        }
        return equal / (double) SIZE;
    }

    /** Lower case, accents and punctuation gone, single spaces. */
    static String normalize(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        return plain.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** The finaliser of MurmurHash3: spreads the bits of a 32-bit value. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
