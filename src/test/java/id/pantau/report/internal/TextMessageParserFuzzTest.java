package id.pantau.report.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;

import id.pantau.report.internal.ParsedMessage.Help;
import id.pantau.report.internal.ParsedMessage.Problem;
import id.pantau.report.internal.ParsedMessage.Report;
import id.pantau.report.internal.ParsedMessage.Track;
import id.pantau.report.internal.ParsedMessage.Unreadable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties that hold for every input. {@code ./mvnw test} runs the {@link FuzzTest} methods on
 * their seeds only (Jazzer's regression mode, seeds under {@code TextMessageParserFuzzTestInputs/})
 * and the {@link Test} methods on a few hundred thousand generated messages. To fuzz one method for
 * real (one per run):
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw test -Dtest='TextMessageParserFuzzTest#parseAnyText'
 * </pre>
 * Findings are written next to the seeds; fix the parser and keep them there as regression inputs.
 */
class TextMessageParserFuzzTest {

    private static final Map<String, String> KEYWORDS = TextMessageParserTest.KEYWORDS;
    private static final TextMessageParser PARSER = new TextMessageParser(KEYWORDS);
    private static final Pattern DOTTED_CODE = Pattern.compile("\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?");
    private static final Pattern ASCII = Pattern.compile("\\p{ASCII}*");

    // ---- Jazzer

    @DictionaryEntries({"LAPOR", "LAPORAN", "REPORT", "CEK", "LACAK", "INFO", "BANTUAN", "HELP", "FORMAT", "UANG",
            "POLITIK UANG", "SEMBAKO", "ASN", "KAMPANYE", "35", "35.09", "35.09.01", "35.09.01.2001", "35-09-01",
            "KOTA BATU", "#", "|", ";", ",", "*", "\u00A0", "\u200B", "\uD83D\uDCB0"})
    @FuzzTest(maxDuration = "60s")
    void parseAnyText(FuzzedDataProvider data) {
        checkInvariants(data.consumeRemainingAsString());
    }

    /** Messages put together from pieces of real ones, so that the fuzzer spends its time on reports. */
    @FuzzTest(maxDuration = "60s")
    void parseAssembledMessage(FuzzedDataProvider data) {
        Choices choices = new Choices() {
            @Override
            public int below(int bound) {
                return data.consumeInt(0, bound - 1);
            }

            @Override
            public String text(int maxLength) {
                return data.consumeString(maxLength);
            }
        };
        checkInvariants(assembledMessage(choices));
        WellFormed report = wellFormedReport(choices);
        assertThat(PARSER.parse(report.message())).as(report.message()).isEqualTo(report.expected());
    }

    // ---- the same properties on generated inputs, in every build

    @Test
    void assembledMessagesKeepTheInvariants() {
        Choices choices = Choices.of(new Random(20240214));
        for (int i = 0; i < 100_000; i++) {
            checkInvariants(assembledMessage(choices));
        }
    }

    @Test
    void randomTextKeepsTheInvariants() {
        Random random = new Random(20190417);
        for (int i = 0; i < 50_000; i++) {
            checkInvariants(randomText(random, random.nextInt(8) == 0 ? 300 : 40));
        }
        for (int i = 0; i < 200; i++) {
            checkInvariants(randomText(random, TextMessageParser.MAX_LENGTH + 200));
        }
    }

    @Test
    void wellFormedReportsAreReadAsTyped() {
        Choices choices = Choices.of(new Random(20241127));
        for (int i = 0; i < 50_000; i++) {
            WellFormed report = wellFormedReport(choices);
            assertThat(PARSER.parse(report.message())).as(report.message()).isEqualTo(report.expected());
        }
    }

    // ---- the properties

    static void checkInvariants(String text) {
        ParsedMessage parsed = PARSER.parse(text);

        assertThat(parsed).as(text).isNotNull();
        assertThat(PARSER.parse(text)).as("parsed twice: %s", text).isEqualTo(parsed);
        assertThat(new TextMessageParser(KEYWORDS).parse(text)).as("another parser: %s", text).isEqualTo(parsed);

        switch (parsed) {
            case Report report -> {
                assertThat(report.place()).as(text).isNotBlank().isEqualTo(report.place().strip())
                        .doesNotContain("  ");
                assertThat(report.keyword()).as(text).isNotBlank();
                assertThat(report.categoryCode()).as(text).isNotBlank().isIn(KEYWORDS.values())
                        .isEqualTo(KEYWORDS.get(report.keyword()));
                assertThat(report.description()).as(text).isNotBlank().isEqualTo(report.description().strip())
                        .doesNotContain("  ", "\n", "\r", "\t");
                assertThat(report.description().codePointCount(0, report.description().length())).as(text)
                        .isGreaterThanOrEqualTo(TextMessageParser.MIN_DESCRIPTION_LENGTH);
                assertThat(DOTTED_CODE.matcher(report.place()).matches()).as(text).isEqualTo(report.placeIsCode());
            }
            case Track track -> assertThat(track.trackingCode()).as(text).isNotBlank()
                    .doesNotContainPattern("\\s");
            case Help help -> {
            }
            case Unreadable unreadable -> assertThat(unreadable.problem()).as(text).isNotNull();
        }

        String stripped = text == null ? "" : text.strip();
        int length = stripped.codePointCount(0, stripped.length());
        boolean tooLong = parsed.equals(new Unreadable(Problem.TOO_LONG));
        if (tooLong) {
            assertThat(length).as(text).isGreaterThan(TextMessageParser.MAX_LENGTH);
        }
        if (length > TextMessageParser.MAX_LENGTH && isAsciiLetterOrDigit(stripped.charAt(0))
                && isAsciiLetterOrDigit(stripped.charAt(stripped.length() - 1))) {
            assertThat(tooLong).as("%s... is too long", stripped.substring(0, 20)).isTrue();
        }
        if (text == null) {
            return;
        }

        // Whitespace around the message does not matter.
        assertThat(PARSER.parse(" \n\t\u00A0" + text + "\r\n \u200B")).as("padded: %s", text).isEqualTo(parsed);
        // Nor does how much whitespace there is between the words.
        String widened = text.replace(" ", " \n\t ");
        if (!tooLong && widened.codePointCount(0, widened.length()) <= TextMessageParser.MAX_LENGTH) {
            assertThat(PARSER.parse(widened)).as("widened: %s", text).isEqualTo(parsed);
        }
        // Nor does case, except in what is kept as typed (shown for ASCII, where upper-casing keeps lengths).
        if (ASCII.matcher(text).matches()) {
            assertThat(PARSER.parse(text.toUpperCase(Locale.ROOT))).as("upper case: %s", text)
                    .isEqualTo(upperCase(parsed));
        }
    }

    private static ParsedMessage upperCase(ParsedMessage parsed) {
        return switch (parsed) {
            case Report r -> new Report(r.place().toUpperCase(Locale.ROOT), r.placeIsCode(), r.keyword(),
                    r.categoryCode(), r.description().toUpperCase(Locale.ROOT));
            case Track t -> new Track(t.trackingCode().toUpperCase(Locale.ROOT));
            default -> parsed;
        };
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    // ---- generators

    /** Where the generators' choices come from: a seeded {@link Random} here, the fuzzer's input in Jazzer. */
    interface Choices {
        int below(int bound);

        String text(int maxLength);

        default String oneOf(List<String> values) {
            return values.get(below(values.size()));
        }

        /** True once in {@code oneIn} times; false when the fuzzer's input is used up (it then gives 0). */
        default boolean chance(int oneIn) {
            return below(oneIn) == oneIn - 1;
        }

        static Choices of(Random random) {
            return new Choices() {
                @Override
                public int below(int bound) {
                    return random.nextInt(bound);
                }

                @Override
                public String text(int maxLength) {
                    return randomText(random, maxLength);
                }
            };
        }
    }

    private static final List<String> COMMANDS = List.of("LAPOR", "lapor", "Lapor", "LAPORAN", "REPORT", "report",
            "LAPOR:", "Lapor!", "LAPOR35", "CEK", "cek", "LACAK", "CEK:", "INFO", "info?", "BANTUAN", "HELP", "FORMAT",
            "?", "HALO", "LAPORJEMBER", "📢", "\"LAPOR", "");
    private static final List<String> NAMES = List.of("JEMBER", "Jember", "jember", "KOTA BATU", "Kota Batu",
            "Kabupaten Jember", "Kab. Jember", "Kota Batu (Jatim)", "Desa Sukamaju", "\"Jember\"", "Kep. Seribu",
            "Sumbersari", "Bondowoso", "Jember:");
    private static final List<String> SEPARATORS = List.of(" ", " ", " ", "  ", "\n", "\r\n", "\t", "#", "*", ";", ",",
            "|", " | ", ", ", " - ", ": ", "\u00A0", "\u3000", "\u200B", "\uFEFF", "\u2028", "\u0085", "");
    private static final List<String> KEYWORD_FORMS = List.of("UANG", "uang", "Uang", "POLITIK UANG", "politik  uang",
            "SEMBAKO", "ASN", "NETRALITAS", "KAMPANYE", "INTIMIDASI", "HOAKS", "LOGISTIK", "(uang)", "UANG:", "UANG-",
            "POLITIK", "UANGNYA", "DUIT");
    private static final List<String> DESCRIPTIONS = List.of("amplop dibagikan di depan masjid",
            "amplop dibagikan, isinya Rp50.000/orang", "💰💰 serangan fajar jam 5 pagi 😡",
            "kepala desa ikut kampanye di balai desa", "kotak suara TPS 05 rusak\ndan basah",
            "video hoaks soal surat suara tercoblos #curang", "warga diancam  kalau tidak memilih!!!",
            "amplop", "amplop 500", "", ":", " - ", "👨‍👩‍👧 dibagi sembako", "\"tim sukses\" bagi uang;  lalu pergi");
    private static final List<String> NASTY = List.of("\uD83D", "\uDCB0", "\u0301", "\u200D", "\uFE0F", "\u0000",
            "\u001F", "\u007F", "\u00AD", "\u0345", "ß", "ŉ", "İ", "ı", "\u212A", "٣", "²", "..", "-", "/", "?", "？",
            "\uDB40\uDC7F", "\uFFFF", "\uFFFD", "\u2066", "\\", "%s", "\"");

    static String assembledMessage(Choices choices) {
        StringBuilder message = new StringBuilder();
        int parts = 1 + choices.below(9);
        for (int part = 0; part < parts; part++) {
            if (part > 0) {
                message.append(choices.oneOf(SEPARATORS));
            }
            switch (choices.below(part == 0 ? 4 : 9)) {
                case 0, 1, 2 -> message.append(part == 0 ? choices.oneOf(COMMANDS) : choices.oneOf(KEYWORD_FORMS));
                case 3 -> message.append(choices.text(12));
                case 4 -> message.append(codeLike(choices)).append(' ').append(choices.oneOf(KEYWORD_FORMS));
                case 5 -> message.append(choices.oneOf(NAMES));
                case 6 -> message.append(choices.oneOf(DESCRIPTIONS));
                case 7 -> message.append(choices.oneOf(NASTY));
                default -> message.append(choices.oneOf(List.of("LAPOR", "CEK", "INFO", "?")));
            }
        }
        if (choices.chance(200)) {
            // Around the length limit, made of pieces that the parser reads word by word.
            String filler = choices.oneOf(List.of("a", " ", "💰", "# ", "UANG ", "35.", "\u200B"));
            int target = TextMessageParser.MAX_LENGTH - 20 + choices.below(40);
            int fillerLength = filler.codePointCount(0, filler.length());
            for (int length = message.codePointCount(0, message.length()); length < target; length += fillerLength) {
                message.append(filler);
            }
        }
        return message.toString();
    }

    /** Digit groups of random lengths with random separators: {@code 35.09.01}, {@code 3-509/}, {@code 35.09.01.2001.-1}. */
    static String codeLike(Choices choices) {
        StringBuilder code = new StringBuilder();
        if (choices.chance(2)) {
            // A valid code with something after it: the edges of the format.
            code.append(choices.oneOf(List.of("35", "35.09", "35.09.01", "35.09.01.2001", "35-09-01-2001")));
            for (int tail = choices.below(4); tail > 0; tail--) {
                code.append(choices.oneOf(List.of(".", "-", "/", "..", " ", "0", "01", "2001", "a")));
            }
            return code.toString();
        }
        int groups = 1 + choices.below(6);
        for (int group = 0; group < groups; group++) {
            if (group > 0) {
                code.append(choices.oneOf(List.of(".", ".", "-", "/", " ", ",", "..", "")));
            }
            int length = choices.below(6);
            for (int digit = 0; digit < length; digit++) {
                code.append((char) ('0' + choices.below(10)));
            }
        }
        return code.toString();
    }

    record WellFormed(String message, Report expected) {
    }

    /** A report in one of the documented forms, with the report it must be read as. */
    static WellFormed wellFormedReport(Choices choices) {
        String command = choices.oneOf(List.of("LAPOR", "lapor", "Lapor", "LAPORAN", "REPORT", "Lapor:"));
        String separator = choices.oneOf(List.of(" ", "  ", "\n", "\t", "#", "*", ";", ", ", " | ", "\u00A0"));
        List<String> codes = List.of("35", "35.09", "35.79", "35.09.01", "35.09.01.2001", "11.01.01.2001");
        String place;
        String typedPlace;
        boolean isCode = choices.chance(2);
        if (isCode) {
            place = choices.oneOf(codes);
            typedPlace = switch (choices.below(4)) {
                case 0 -> place.replace('.', '-');
                case 1 -> place.replace('.', ' ');
                default -> place;
            };
        } else {
            place = choices.oneOf(List.of("JEMBER", "Jember", "KOTA BATU", "Kota Batu", "Kabupaten Jember",
                    "Kab. Jember", "Desa Sukamaju Kecamatan Ajung"));
            typedPlace = place;
        }
        String keyword = choices.oneOf(List.copyOf(KEYWORDS.keySet()));
        String typedKeyword = switch (choices.below(3)) {
            case 0 -> keyword.toLowerCase(Locale.ROOT);
            case 1 -> keyword.charAt(0) + keyword.substring(1).toLowerCase(Locale.ROOT);
            default -> keyword;
        };
        String description = choices.oneOf(List.of("amplop dibagikan di depan masjid",
                "amplop dibagikan, isinya Rp50.000/orang", "💰💰 serangan fajar jam 5 pagi 😡",
                "kepala desa ikut kampanye di balai desa", "kotak suara TPS 05 rusak dan basah",
                "video hoaks soal surat suara tercoblos #curang", "warga diancam kalau tidak memilih!!!"));
        String typedDescription = choices.chance(3) ? description.replace(" ", choices.oneOf(List.of("  ", "\n", " \t")))
                : description;
        String message = command + separator + typedPlace + separator + typedKeyword + separator + typedDescription;
        return new WellFormed(message, new Report(place, isCode, keyword, KEYWORDS.get(keyword), description));
    }

    /** Any chars at all, biased towards the ones the parser treats specially. */
    static String randomText(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            switch (random.nextInt(8)) {
                case 0 -> text.append((char) random.nextInt(Character.MAX_VALUE + 1));
                case 1 -> text.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
                case 2 -> text.append(NASTY.get(random.nextInt(NASTY.size())));
                case 3 -> text.append(SEPARATORS.get(random.nextInt(SEPARATORS.size())));
                case 4 -> text.append(KEYWORD_FORMS.get(random.nextInt(KEYWORD_FORMS.size())));
                case 5 -> text.append(COMMANDS.get(random.nextInt(COMMANDS.size())));
                case 6 -> text.append((char) ('0' + random.nextInt(10))).append(random.nextBoolean() ? "." : "");
                default -> text.append((char) (' ' + random.nextInt(95)));
            }
        }
        return text.toString();
    }
}
