package id.pantau.report;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrackingCodeTest {

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final Pattern CANONICAL =
            Pattern.compile("[" + ALPHABET + "]{4}-[" + ALPHABET + "]{4}-[" + ALPHABET + "]{4}-[" + ALPHABET + "]");
    /** A valid code; its check symbol Q was worked out apart from TrackingCode, by a throwaway script. */
    private static final String VALID = "7KQ4-XW9M-2HRT-Q";

    @Test
    void theAlphabetHas31UnambiguousSymbolsAndACodeAtLeast50BitsOfRandomness() {
        assertThat(TrackingCode.ALPHABET).isEqualTo(ALPHABET).hasSize(31).doesNotContain("0", "O", "1", "I", "L");
        assertThat(ALPHABET.chars().distinct().count()).isEqualTo(31);
        assertThat(TrackingCode.RANDOM_SYMBOLS * Math.log(31) / Math.log(2)).isGreaterThan(59.4).isGreaterThan(50);
    }

    @Test
    void generatedCodesHaveTheCanonicalForm() {
        TrackingCode code = TrackingCode.generate(new SecureRandom());

        assertThat(code.value()).matches(CANONICAL);
        assertThat(code.toString()).isEqualTo(code.value());
        assertThat(code.compact()).hasSize(13).isEqualTo(code.value().replace("-", ""));
    }

    @Test
    void generationDependsOnlyOnTheRandomGenerator() {
        assertThat(TrackingCode.generate(new Random(7))).isEqualTo(TrackingCode.generate(new Random(7)))
                .isNotEqualTo(TrackingCode.generate(new Random(8)));
    }

    @Test
    void codesRoundTripThroughEveryForm() {
        Random random = new Random(20261122);
        for (int i = 0; i < 1_000; i++) {
            TrackingCode code = TrackingCode.generate(random);

            assertThat(TrackingCode.parse(code.value())).isEqualTo(code);
            assertThat(TrackingCode.parse(code.compact())).isEqualTo(code);
            assertThat(TrackingCode.parse(code.compact().toLowerCase(Locale.ROOT))).isEqualTo(code);
            assertThat(new TrackingCode(code.toString())).isEqualTo(code);
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {VALID, "7KQ4XW9M2HRTQ", "7kq4-xw9m-2hrt-q", "7Kq4XW9m2hRtQ", "  7KQ4-XW9M-2HRT-Q\n",
            "7KQ4 XW9M 2HRT Q", "7-K-Q-4-X-W-9-M-2-H-R-T-Q", "--7KQ4--XW9M--2HRTQ--", "7KQ 4XW-9M2 HR-TQ",
            "\t7KQ4\u00a0XW9M\u20132HRT\u2010Q"})
    void caseSpacesAndHyphensAreForgiven(String typed) {
        TrackingCode code = TrackingCode.parse(typed);

        assertThat(code.value()).isEqualTo(VALID);
        assertThat(code.compact()).isEqualTo("7KQ4XW9M2HRTQ");
    }

    @ParameterizedTest(name = "[{0}]: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\"\"                  | The tracking code is empty",
            "\"   \"               | The tracking code is empty",
            "\" - -\"              | The tracking code is empty",
            "7KQ4-XW9M-2HRT        | A tracking code has 13 characters (XXXX-XXXX-XXXX-X); this one has 12",
            "7KQ4-XW9M-2HRT-QQ     | A tracking code has 13 characters (XXXX-XXXX-XXXX-X); this one has 14",
            "7KQ4-XW9M-2HRT-Q-7KQ4 | this one has 17",
            "7                     | this one has 1",
            "7KQ4-XW9M-2HRT-P      | 7KQ4-XW9M-2HRT-P is not a valid tracking code; its characters do not fit together, so one of them is probably a typo",
            "7kq4-xw9n-2hrt-q      | 7KQ4-XW9N-2HRT-Q is not a valid tracking code",
            "7KQ4-WX9M-2HRT-Q      | probably a typo",
            "7KQ4-XW9M-2HRQ-T      | probably a typo",
            "7KQ4-XW9M-2HRT-0      | '0' (character 13) is not used in tracking codes: 0, O, 1, I and L are left out because they are easily confused",
            "7KO4-XW9M-2HRT-Q      | 'O' (character 3) is not used in tracking codes",
            "7Ko4-XW9M-2HRT-Q      | 'o' (character 3) is not used in tracking codes",
            "1KQ4-XW9M-2HRT-Q      | '1' (character 1) is not used in tracking codes",
            "7KQ4-XW9M-2HIT-Q      | 'I' (character 11) is not used in tracking codes",
            "7KQ4-XW9M-2HiT-Q      | 'i' (character 11) is not used in tracking codes",
            "7KQ4-XW9M-2HLT-Q      | 'L' (character 11) is not used in tracking codes",
            "7KQ4-XW9M-2HlT-Q      | 'l' (character 11) is not used in tracking codes",
            "7KQ4_XW9M-2HRT-Q      | '_' (character 5) cannot be in a tracking code, which has only the digits 2-9 and the letters A-Z except I, L and O",
            "7KQ4.XW9M.2HRT.Q      | '.' (character 5) cannot be in a tracking code",
            "7KQ4/XW9M-2HRT-Q      | '/' (character 5) cannot be in a tracking code",
            "7KQ4-XW9M-2HRT-Q!     | '!' (character 14) cannot be in a tracking code",
            "ÄKQ4-XW9M-2HRT-Q      | 'Ä' (character 1) cannot be in a tracking code",
            "\u0131KQ4-XW9M-2HRT-Q | 'ı' (character 1) cannot be in a tracking code",
            "\u017fKQ4-XW9M-2HRT-Q | 'ſ' (character 1) cannot be in a tracking code",
            "７KQ4-XW9M-2HRT-Q     | '７' (character 1) cannot be in a tracking code",
            "٣KQ4-XW9M-2HRT-Q      | '٣' (character 1) cannot be in a tracking code",
            "7KQ4-XW9M-2HRT-Q😀    | '😀' (character 14) cannot be in a tracking code",
            "7KQ4\u200bXW9M-2HRT-Q | U+200B (character 5) cannot be in a tracking code",
            "7KQ4\u0000XW9M-2HRT-Q | U+0000 (character 5) cannot be in a tracking code"})
    void everyRejectionSaysWhatIsWrong(String typed, String message) {
        assertThatThrownBy(() -> TrackingCode.parse(typed)).isInstanceOf(InvalidTrackingCodeException.class)
                .hasMessageContaining(message);
    }

    @Test
    void nullIsRejected() {
        assertThatThrownBy(() -> TrackingCode.parse(null)).isInstanceOf(InvalidTrackingCodeException.class)
                .hasMessage("A tracking code is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"7KQ4XW9M2HRTQ", "7kq4-xw9m-2hrt-q", " 7KQ4-XW9M-2HRT-Q", "7KQ4 XW9M 2HRT Q", "7KQ-4XW9M-2HRT-Q"})
    void theConstructorTakesOnlyTheCanonicalForm(String value) {
        assertThatThrownBy(() -> new TrackingCode(value)).isInstanceOf(InvalidTrackingCodeException.class)
                .hasMessageContaining("is written differently from its canonical form " + VALID);
    }

    @Test
    void theConstructorChecksTheCodeAsParseDoes() {
        assertThat(new TrackingCode(VALID)).isEqualTo(TrackingCode.parse(VALID));
        assertThatThrownBy(() -> new TrackingCode("7KQ4-XW9M-2HRT-P")).isInstanceOf(InvalidTrackingCodeException.class)
                .hasMessageContaining("probably a typo");
        assertThatThrownBy(() -> new TrackingCode("7KO4-XW9M-2HRT-Q")).isInstanceOf(InvalidTrackingCodeException.class)
                .hasMessageContaining("not used");
    }

    /** Every code is one symbol away from 13 × 30 others; none of them is valid. */
    @Test
    void everySingleSymbolSubstitutionIsCaught() {
        Random random = new Random(31);
        int typos = 0;
        for (TrackingCode code : codes(random, 50)) {
            char[] symbols = code.compact().toCharArray();
            for (int position = 0; position < symbols.length; position++) {
                char original = symbols[position];
                for (char typo : ALPHABET.toCharArray()) {
                    if (typo == original) {
                        continue;
                    }
                    symbols[position] = typo;
                    assertThatThrownBy(() -> TrackingCode.parse(new String(symbols)))
                            .isInstanceOf(InvalidTrackingCodeException.class).hasMessageContaining("probably a typo");
                    typos++;
                }
                symbols[position] = original;
            }
        }
        assertThat(typos).isEqualTo(50 * 13 * 30);
    }

    /** Swapping two neighbours that differ (the check symbol and its neighbour included) is never valid. */
    @Test
    void everyAdjacentTranspositionIsCaught() {
        Random random = new Random(32);
        int typos = 0;
        List<TrackingCode> codes = codes(random, 200);
        // a code with every pair of neighbours different, and all 31 × 30 ordered pairs somewhere: ABAB... patterns
        for (char a : ALPHABET.toCharArray()) {
            for (char b : ALPHABET.toCharArray()) {
                if (a != b) {
                    codes.add(withCheckSymbol((String.valueOf(a) + b).repeat(6)));
                }
            }
        }
        for (TrackingCode code : codes) {
            String compact = code.compact();
            for (int position = 0; position + 1 < compact.length(); position++) {
                char left = compact.charAt(position);
                char right = compact.charAt(position + 1);
                if (left == right) {
                    continue;
                }
                String swapped = compact.substring(0, position) + right + left + compact.substring(position + 2);
                assertThatThrownBy(() -> TrackingCode.parse(swapped))
                        .isInstanceOf(InvalidTrackingCodeException.class).hasMessageContaining("probably a typo");
                typos++;
            }
        }
        assertThat(typos).isGreaterThan(200 * 10 + 31 * 30 * 11);
    }

    @Test
    void manyCodesAreUniqueAndUseEverySymbolInEveryPosition() {
        int codes = 100_000;
        Random random = new Random(20261122);
        Set<TrackingCode> seen = new HashSet<>();
        int[][] counts = new int[13][31];
        for (int i = 0; i < codes; i++) {
            TrackingCode code = TrackingCode.generate(random);
            assertThat(seen.add(code)).as("duplicate %s", code).isTrue();
            String compact = code.compact();
            for (int position = 0; position < compact.length(); position++) {
                counts[position][ALPHABET.indexOf(compact.charAt(position))]++;
            }
        }
        // 100,000 / 31 ≈ 3,226 per symbol and position, standard deviation ≈ 56: ±15% is over 8 sigma
        double expected = codes / 31.0;
        for (int position = 0; position < 13; position++) {
            for (int symbol = 0; symbol < 31; symbol++) {
                assertThat(counts[position][symbol]).as("symbol %s at position %d", ALPHABET.charAt(symbol), position)
                        .isBetween((int) (expected * 0.85), (int) (expected * 1.15));
            }
        }
    }

    @Test
    void jsonIsTheCanonicalStringAndTypedFormsAreRead() {
        JsonMapper json = JsonMapper.builder().build();
        TrackingCode code = TrackingCode.parse(VALID);

        assertThat(json.writeValueAsString(code)).isEqualTo("\"" + VALID + "\"");
        assertThat(json.readValue("\"7kq4 xw9m 2hrt q\"", TrackingCode.class)).isEqualTo(code);
        assertThatThrownBy(() -> json.readValue("\"7KQ4-XW9M-2HRT-P\"", TrackingCode.class))
                .rootCause().isInstanceOf(InvalidTrackingCodeException.class);
    }

    /**
     * Property: whatever string comes in, parse either rejects it with its own exception or returns
     * a code that is canonical, round-trips and holds exactly the typed symbols. Most candidates are
     * 13 symbols with separators, so that about one in 31 is valid and both outcomes get exercised.
     */
    @Test
    void parsingRandomStringsNeverYieldsAnInconsistentCode() {
        Random random = new Random(20261123);
        String symbols = ALPHABET + ALPHABET.toLowerCase(Locale.ROOT);
        String noise = "0O1IlLo -\u00a0_.";
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(4) == 0 ? random.nextInt(20) : 13;
            for (int j = 0; j < length; j++) {
                if (random.nextInt(5) == 0) {
                    text.append(random.nextBoolean() ? ' ' : '-');
                }
                text.append(random.nextInt(200) == 0 ? noise.charAt(random.nextInt(noise.length()))
                        : symbols.charAt(random.nextInt(symbols.length())));
            }
            String candidate = text.toString();
            TrackingCode code;
            try {
                code = TrackingCode.parse(candidate);
            } catch (InvalidTrackingCodeException e) {
                assertThat(e.getMessage()).isNotBlank();
                rejected++;
                continue;
            }
            accepted++;
            assertThat(code.value()).matches(CANONICAL);
            assertThat(code.compact()).isEqualTo(candidate.replaceAll("[-\\s\u00a0]", "").toUpperCase(Locale.ROOT));
            assertThat(TrackingCode.parse(code.value())).isEqualTo(code);
            assertThat(TrackingCode.parse(code.compact().toLowerCase(Locale.ROOT))).isEqualTo(code);
            assertThat(new TrackingCode(code.value())).isEqualTo(code);
        }
        assertThat(accepted).as("valid candidates").isGreaterThan(1_000);
        assertThat(rejected).as("invalid candidates").isGreaterThan(50_000);
    }

    private static List<TrackingCode> codes(Random random, int count) {
        List<TrackingCode> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            codes.add(TrackingCode.generate(random));
        }
        return codes;
    }

    /** Finds the check symbol by trying all 31: the test does not repeat the algorithm it checks. */
    private static TrackingCode withCheckSymbol(String twelve) {
        List<TrackingCode> valid = ALPHABET.chars().mapToObj(c -> twelve + (char) c).flatMap(candidate -> {
            try {
                return Stream.of(TrackingCode.parse(candidate));
            } catch (InvalidTrackingCodeException e) {
                return Stream.empty();
            }
        }).toList();
        assertThat(valid).as("exactly one check symbol fits %s", twelve).hasSize(1);
        return valid.getFirst();
    }
}
