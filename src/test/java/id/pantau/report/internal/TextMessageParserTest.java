package id.pantau.report.internal;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import id.pantau.report.internal.ParsedMessage.Help;
import id.pantau.report.internal.ParsedMessage.Problem;
import id.pantau.report.internal.ParsedMessage.Report;
import id.pantau.report.internal.ParsedMessage.Track;
import id.pantau.report.internal.ParsedMessage.Unreadable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class TextMessageParserTest {

    /** A partner's keyword table as the gateway would configure it; shared with the fuzz test. */
    static final Map<String, String> KEYWORDS = Map.ofEntries(
            Map.entry("UANG", "MONEY_POLITICS"),
            Map.entry("POLITIK UANG", "MONEY_POLITICS"),
            Map.entry("SEMBAKO", "MONEY_POLITICS"),
            Map.entry("ASN", "NEUTRALITY"),
            Map.entry("NETRALITAS", "NEUTRALITY"),
            Map.entry("KAMPANYE", "CAMPAIGN"),
            Map.entry("INTIMIDASI", "INTIMIDATION"),
            Map.entry("HOAKS", "DISINFORMATION"),
            Map.entry("LOGISTIK", "LOGISTICS"));

    private final TextMessageParser parser = new TextMessageParser(KEYWORDS);

    private static Report money(String place, boolean placeIsCode, String description) {
        return new Report(place, placeIsCode, "UANG", "MONEY_POLITICS", description);
    }

    // ---- reports

    static Stream<Arguments> reports() {
        String amplop = "amplop dibagikan di depan masjid";
        return Stream.of(
                arguments("the example", "LAPOR 35.09.01 UANG amplop dibagikan di depan masjid",
                        money("35.09.01", true, amplop)),
                arguments("lower case", "lapor 35.09 uang amplop dibagikan di depan masjid",
                        money("35.09", true, amplop)),
                arguments("mixed case, name", "Lapor Jember Uang Amplop dibagikan di depan masjid",
                        money("Jember", false, "Amplop dibagikan di depan masjid")),
                arguments("two-word name", "LAPOR KOTA BATU KAMPANYE kampanye di halaman SD Negeri 2",
                        new Report("KOTA BATU", false, "KAMPANYE", "CAMPAIGN", "kampanye di halaman SD Negeri 2")),
                arguments("name with level", "LAPOR Kabupaten Jember ASN kepala desa ikut berkampanye",
                        new Report("Kabupaten Jember", false, "ASN", "NEUTRALITY", "kepala desa ikut berkampanye")),
                arguments("abbreviated level keeps its dot", "LAPOR Kab. Jember UANG " + amplop,
                        money("Kab. Jember", false, amplop)),
                arguments("brackets in a name", "LAPOR Kota Batu (Jatim) UANG " + amplop,
                        money("Kota Batu (Jatim)", false, amplop)),
                arguments("punctuation around a name", "LAPOR \"Jember\": UANG " + amplop,
                        money("Jember", false, amplop)),
                arguments("village code", "LAPOR 35.09.01.2001 LOGISTIK kotak suara TPS 05 rusak",
                        new Report("35.09.01.2001", true, "LOGISTIK", "LOGISTICS", "kotak suara TPS 05 rusak")),
                arguments("province code", "LAPOR 35 HOAKS video hoaks soal surat suara tercoblos",
                        new Report("35", true, "HOAKS", "DISINFORMATION", "video hoaks soal surat suara tercoblos")),
                arguments("the first keyword counts", "LAPOR JEMBER UANG uang dibagikan lalu ada KAMPANYE",
                        money("JEMBER", false, "uang dibagikan lalu ada KAMPANYE")),
                arguments("keyword of two words", "LAPOR JEMBER POLITIK UANG " + amplop,
                        new Report("JEMBER", false, "POLITIK UANG", "MONEY_POLITICS", amplop)),
                arguments("keyword of two words, lower case, extra space", "lapor jember politik   uang " + amplop,
                        new Report("jember", false, "POLITIK UANG", "MONEY_POLITICS", amplop)),
                arguments("keyword with punctuation", "LAPOR JEMBER (uang) " + amplop, money("JEMBER", false, amplop)),
                arguments("LAPORAN", "LAPORAN 35.79 SEMBAKO pembagian sembako oleh caleg",
                        new Report("35.79", true, "SEMBAKO", "MONEY_POLITICS", "pembagian sembako oleh caleg")),
                arguments("REPORT", "Report Kota Batu intimidasi warga diancam kalau tidak memilih",
                        new Report("Kota Batu", false, "INTIMIDASI", "INTIMIDATION", "warga diancam kalau tidak memilih")),
                arguments("command glued by a colon", "LAPOR:35.09 UANG " + amplop, money("35.09", true, amplop)),
                arguments("command glued to digits", "LAPOR35.09 UANG " + amplop, money("35.09", true, amplop)),
                arguments("colon after the command", "Lapor: Jember, Uang: " + amplop, money("Jember", false, amplop)),
                arguments("dashes between the parts", "LAPOR - Jember - UANG - " + amplop, money("Jember", false, amplop)),
                arguments("exactly ten characters", "LAPOR JEMBER UANG amplop 500", money("JEMBER", false, "amplop 500")),
                arguments("the keyword may come after eight place words",
                        "LAPOR Desa Sukamaju Kecamatan Ajung Kabupaten Jember Jawa Timur UANG " + amplop,
                        money("Desa Sukamaju Kecamatan Ajung Kabupaten Jember Jawa Timur", false, amplop)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void reads_reports(String name, String message, Report expected) {
        assertThat(parser.parse(message)).isEqualTo(expected);
    }

    static Stream<Arguments> separators() {
        return Stream.of(
                arguments("LAPOR#35.09.01#UANG#amplop dibagikan di depan masjid", "35.09.01", true),
                arguments("lapor, jember, uang, amplop dibagikan di depan masjid", "jember", false),
                arguments("LAPOR*35.09.01*UANG*amplop dibagikan di depan masjid", "35.09.01", true),
                arguments("LAPOR;KOTA BATU;UANG;amplop dibagikan di depan masjid", "KOTA BATU", false),
                arguments("LAPOR | Kota Batu | UANG | amplop dibagikan di depan masjid", "Kota Batu", false),
                arguments("LAPOR ,#; 35.09.01 ||| UANG ** amplop dibagikan di depan masjid", "35.09.01", true),
                arguments("LAPOR\n35.09.01\nUANG\namplop dibagikan\ndi depan masjid", "35.09.01", true),
                arguments("LAPOR\t35.09.01\r\nUANG\t\tamplop dibagikan \t di depan\r\nmasjid", "35.09.01", true),
                // no-break space, ideographic space, em space, line separator, zero-width space
                arguments("LAPOR\u00A035.09.01\u3000UANG\u2003amplop\u2028dibagikan\u00A0di depan masjid",
                        "35.09.01", true),
                arguments("LAPOR\u200B35.09.01\u200BUANG amplop dibagikan di depan masjid", "35.09.01", true),
                arguments("   LAPOR    35.09.01     UANG     amplop   dibagikan   di  depan  masjid   ",
                        "35.09.01", true),
                arguments("\uFEFF>> Lapor 35.09.01 UANG amplop dibagikan di depan masjid\n\n", "35.09.01", true),
                arguments("📢 LAPOR 35.09.01 UANG amplop dibagikan di depan masjid", "35.09.01", true));
    }

    @ParameterizedTest
    @MethodSource("separators")
    void accepts_separators_and_any_whitespace_between_the_parts(String message, String place, boolean isCode) {
        assertThat(parser.parse(message)).isEqualTo(money(place, isCode, "amplop dibagikan di depan masjid"));
    }

    static Stream<Arguments> codes() {
        return Stream.of(
                arguments("35.09.01", "35.09.01", true),
                arguments("35.09.01.", "35.09.01", true),
                arguments("35-09-01", "35.09.01", true),
                arguments("35/09/01/2001", "35.09.01.2001", true),
                arguments("35 09 01", "35.09.01", true),
                arguments("35 09 01 2001", "35.09.01.2001", true),
                arguments("35.09 01", "35.09.01", true),
                arguments("35, 79", "35.79", true),
                arguments("3509", "3509", false),
                arguments("350901", "350901", false),
                arguments("35.9", "35.9", false),
                arguments("35.099", "35.099", false),
                arguments("35..09", "35..09", false),
                arguments("35.09.01.201", "35.09.01.201", false),
                arguments("35.09.01.2001.01", "35.09.01.2001.01", false),
                arguments("35.09.01.2001 01", "35.09.01.2001 01", false),
                // found by Jazzer: a separator after the fourth group once read past the end of the format
                arguments("35.09.01.2001.-1", "35.09.01.2001.-1", false),
                arguments("35.09.01.2001..09", "35.09.01.2001..09", false),
                arguments("35.09.01.2001/", "35.09.01.2001", true),
                arguments("35.09 Jember", "35.09 Jember", false),
                arguments("٣٥.٠٩", "٣٥.٠٩", false));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("codes")
    void recognises_region_codes_by_their_digit_groups(String typed, String place, boolean isCode) {
        Report report = (Report) parser.parse("LAPOR " + typed + " UANG amplop dibagikan di depan masjid");

        assertThat(report.place()).isEqualTo(place);
        assertThat(report.placeIsCode()).isEqualTo(isCode);
    }

    static Stream<Arguments> descriptions() {
        return Stream.of(
                arguments("amplop dibagikan, isinya Rp50.000/orang; kata warga \"dari tim #2\"!",
                        "amplop dibagikan, isinya Rp50.000/orang; kata warga \"dari tim #2\"!"),
                arguments("💰💰 amplop dibagikan 😡 👨‍👩‍👧 #curang", "💰💰 amplop dibagikan 😡 👨‍👩‍👧 #curang"),
                arguments("Amplop\n\nDIBAGIKAN\t di   depan\r\nmasjid.  ", "Amplop DIBAGIKAN di depan masjid."),
                arguments(": amplop dibagikan", "amplop dibagikan"),
                arguments("— amplop dibagikan", "amplop dibagikan"),
                arguments("#,| amplop dibagikan", "amplop dibagikan"),
                arguments("amplop\u00A0dibagikan\u3000(pukul 05.00)", "amplop dibagikan (pukul 05.00)"),
                arguments("amplop dibagikan\u200B\uFEFF", "amplop dibagikan"),
                arguments("💰💰💰💰💰💰💰💰💰💰", "💰💰💰💰💰💰💰💰💰💰"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("descriptions")
    void keeps_the_description_as_written_but_collapses_whitespace(String typed, String description) {
        assertThat(parser.parse("LAPOR 35.09 UANG " + typed)).isEqualTo(money("35.09", true, description));
    }

    // ---- what cannot be read

    static Stream<Arguments> unreadable() {
        return Stream.of(
                arguments("", Problem.EMPTY),
                arguments("   \n\t ", Problem.EMPTY),
                arguments("\u00A0\u3000\u200B\uFEFF", Problem.EMPTY),
                arguments("...", Problem.EMPTY),
                arguments("👍", Problem.EMPTY),
                arguments("#*;,|", Problem.EMPTY),
                arguments("HALO", Problem.UNKNOWN_COMMAND),
                arguments("Selamat pagi pak, mau lapor", Problem.UNKNOWN_COMMAND),
                arguments("35.09.01 UANG amplop dibagikan di depan masjid", Problem.UNKNOWN_COMMAND),
                arguments("LAPORJEMBER UANG amplop dibagikan di depan masjid", Problem.UNKNOWN_COMMAND),
                arguments("INFO ada serangan fajar di Jember", Problem.UNKNOWN_COMMAND),
                arguments("help me?", Problem.UNKNOWN_COMMAND),
                arguments("LAPOR", Problem.NO_PLACE),
                arguments("lapor!", Problem.NO_PLACE),
                arguments("LAPOR - -", Problem.NO_PLACE),
                arguments("LAPOR UANG amplop dibagikan di depan masjid", Problem.NO_PLACE),
                arguments("LAPOR, UANG, amplop dibagikan di depan masjid", Problem.NO_PLACE),
                arguments("LAPOR JEMBER", Problem.NO_CATEGORY),
                arguments("LAPOR 35.09.01", Problem.NO_CATEGORY),
                arguments("LAPOR JEMBER amplop dibagikan di depan masjid", Problem.NO_CATEGORY),
                arguments("LAPOR JEMBER DUIT amplop dibagikan", Problem.NO_CATEGORY),
                arguments("LAPOR JEMBER UANGNYA amplop dibagikan", Problem.NO_CATEGORY),
                arguments("LAPOR tadi pagi ada amplop dibagikan di depan masjid dekat pasar, UANG nya 50 ribu",
                        Problem.NO_CATEGORY),
                arguments("LAPOR JEMBER UANG", Problem.NO_DESCRIPTION),
                arguments("LAPOR JEMBER UANG amplop", Problem.NO_DESCRIPTION),
                arguments("LAPOR JEMBER UANG amplop 50", Problem.NO_DESCRIPTION),
                arguments("LAPOR JEMBER UANG   amplop\n\n\n\n 5", Problem.NO_DESCRIPTION),
                arguments("LAPOR JEMBER UANG : - ", Problem.NO_DESCRIPTION),
                arguments("LAPOR 35.09 UANG 💰💰💰💰💰💰💰💰💰", Problem.NO_DESCRIPTION));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("unreadable")
    void says_why_a_message_cannot_be_read(String message, Problem problem) {
        assertThat(parser.parse(message)).isEqualTo(new Unreadable(problem));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void null_reads_like_an_empty_message(String message) {
        assertThat(parser.parse(message)).isEqualTo(new Unreadable(Problem.EMPTY));
    }

    @Test
    void the_length_limit_counts_characters_after_trimming() {
        String head = "LAPOR 35.09 UANG ";
        String longest = head + "a".repeat(TextMessageParser.MAX_LENGTH - head.length());

        assertThat(parser.parse(longest)).isInstanceOf(Report.class);
        assertThat(parser.parse(" \n" + longest + "\n\t ")).isInstanceOf(Report.class);
        assertThat(parser.parse(longest + "a")).isEqualTo(new Unreadable(Problem.TOO_LONG));
        assertThat(parser.parse("HALO " + "x".repeat(20_000))).isEqualTo(new Unreadable(Problem.TOO_LONG));
        assertThat(parser.parse(" ".repeat(50_000))).isEqualTo(new Unreadable(Problem.EMPTY));
        // An emoji is one character although Java stores it in two chars.
        String emoji = head + "💰".repeat(TextMessageParser.MAX_LENGTH - head.length());
        assertThat(emoji.length()).isGreaterThan(TextMessageParser.MAX_LENGTH);
        assertThat(parser.parse(emoji)).isInstanceOf(Report.class);
        assertThat(parser.parse(emoji + "💰")).isEqualTo(new Unreadable(Problem.TOO_LONG));
    }

    // ---- help and tracking

    @ParameterizedTest
    @ValueSource(strings = {"INFO", "info", "Bantuan", "HELP!", "?", " ? ", "??", "¿", "FORMAT", "format lapor",
            "INFO?", "\"info\"", "BANTUAN FORMAT", "CEK", "cek ?", "LACAK: ..."})
    void answers_help(String message) {
        assertThat(parser.parse(message)).isEqualTo(new Help());
    }

    static Stream<Arguments> tracking() {
        return Stream.of(
                arguments("CEK PTN-2024-000123", "PTN-2024-000123"),
                arguments("cek ptn-2024-000123", "ptn-2024-000123"),
                arguments("LACAK PTN-2024-000123", "PTN-2024-000123"),
                arguments("CEK PTN 2024 000123", "PTN2024000123"),
                arguments("  Cek\n  PTN-2024-000123.\n", "PTN-2024-000123"),
                arguments("LACAK: PTN-2024-000123", "PTN-2024-000123"),
                arguments("CEK#PTN-2024-000123", "PTN-2024-000123"),
                arguments("CEK:PTN-2024-000123", "PTN-2024-000123"),
                arguments("CEK \"A7K2 9QX\"", "A7K29QX"),
                arguments("CEK A7K2\u00A0\u200B9QX", "A7K29QX"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("tracking")
    void reads_tracking_requests(String message, String code) {
        assertThat(parser.parse(message)).isEqualTo(new Track(code));
    }

    // ---- the keyword table

    @Test
    void keywords_are_normalised_like_message_words() {
        TextMessageParser lowerCaseTable = new TextMessageParser(Map.of("uang", "MONEY_POLITICS",
                " politik  uang ", "MONEY_POLITICS", "Uang", "MONEY_POLITICS"));

        assertThat(lowerCaseTable.parse("LAPOR JEMBER Uang amplop dibagikan di depan masjid"))
                .isEqualTo(money("JEMBER", false, "amplop dibagikan di depan masjid"));
        assertThat(lowerCaseTable.parse("LAPOR JEMBER politik uang amplop dibagikan di depan masjid"))
                .isEqualTo(new Report("JEMBER", false, "POLITIK UANG", "MONEY_POLITICS",
                        "amplop dibagikan di depan masjid"));
    }

    @Test
    void without_keywords_no_report_has_a_category() {
        assertThat(new TextMessageParser(Map.of()).parse("LAPOR JEMBER UANG amplop dibagikan di depan masjid"))
                .isEqualTo(new Unreadable(Problem.NO_CATEGORY));
    }

    @Test
    void rejects_unusable_keyword_tables() {
        assertThatThrownBy(() -> new TextMessageParser(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new TextMessageParser(Map.of(" ", "MONEY_POLITICS")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TextMessageParser(Map.of("#!", "MONEY_POLITICS")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TextMessageParser(Map.of("UANG", " ")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TextMessageParser(Map.of("UANG", "MONEY_POLITICS", "uang", "BRIBERY")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UANG");
    }

    // ---- cost

    static Stream<String> adversarialMessages() {
        int n = TextMessageParser.MAX_LENGTH;
        return Stream.of(
                "LAPOR " + "a ".repeat(n / 2 - 4),
                "LAPOR " + "#".repeat(n - 6),
                "LAPOR " + "- ".repeat(n / 2 - 4),
                "LAPOR " + "POLITIK ".repeat(n / 8 - 1),
                "LAPOR " + "POLITIK - ".repeat(n / 10 - 1),
                "LAPOR JEMBER UANG " + " \n".repeat(n / 2 - 10) + "x",
                "LAPOR 35 UANG " + "💰".repeat(n - 14),
                "LAPOR " + "35.".repeat(n / 3 - 2),
                "CEK " + "a ".repeat(n / 2 - 2),
                "INFO " + "HELP ".repeat(n / 5 - 1),
                "?".repeat(n),
                "\u200B".repeat(n) + "LAPOR",
                "L" + "\uD83D".repeat(n - 1),
                "x".repeat(1_000_000));
    }

    @ParameterizedTest
    @MethodSource("adversarialMessages")
    void reads_long_messages_in_linear_time(String message) {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (int i = 0; i < 200; i++) {
                parser.parse(message);
            }
        });
    }
}
