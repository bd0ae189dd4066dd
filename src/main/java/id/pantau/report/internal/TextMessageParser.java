package id.pantau.report.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import id.pantau.report.internal.ParsedMessage.Help;
import id.pantau.report.internal.ParsedMessage.Problem;
import id.pantau.report.internal.ParsedMessage.Report;
import id.pantau.report.internal.ParsedMessage.Track;
import id.pantau.report.internal.ParsedMessage.Unreadable;

/**
 * Reads the coded text messages that partners' SMS and WhatsApp gateways forward, such as
 * {@code LAPOR 35.09.01 UANG amplop dibagikan di depan masjid}. A pure function: no state besides
 * the keyword table, never throws from {@link #parse}, linear in the length of the message (no
 * regular expressions).
 *
 * <h2>Words and separators</h2>
 * <ul>
 * <li>Whitespace in the widest sense separates words: spaces of any Unicode kind (including the
 * no-break and ideographic spaces), tabs, newlines, other control characters and invisible
 * formatting characters (zero-width space, byte order mark, direction marks, soft hyphen; not the
 * zero-width joiner, which belongs to emoji). Runs of them count as one.</li>
 * <li>Between the command, the place and the keyword, {@code # * ; , |} separate words too:
 * {@code LAPOR#35.09.01#UANG#amplop ...} and {@code lapor, jember, uang, ...} read like the spaced
 * form. Inside the description they are kept as written.</li>
 * <li>A word is compared without the punctuation and symbols around it, so {@code "Lapor:"},
 * {@code (UANG)} and {@code 35.09.01.} are {@code LAPOR}, {@code UANG} and {@code 35.09.01}. Words
 * made only of punctuation or symbols ({@code -}, {@code :}, emoji) are skipped. Commands and
 * keywords are compared case-insensitively (upper-cased with {@link Locale#ROOT}).</li>
 * <li>Whitespace and invisible characters around the message are ignored, and so are punctuation
 * and symbols before the command. A message of only whitespace, punctuation and symbols is
 * {@link Problem#EMPTY}, unless it contains a question mark, which asks for {@link Help}.</li>
 * <li>A message longer than {@value #MAX_LENGTH} characters (Unicode code points, so an emoji is
 * one), after trimming the surrounding whitespace, is {@link Problem#TOO_LONG}, whatever it says.
 * This is decided before anything else is read.</li>
 * </ul>
 *
 * <h2>Commands</h2>
 * The first word is the command. Anything else is {@link Problem#UNKNOWN_COMMAND}.
 * <ul>
 * <li>{@code LAPOR}, {@code LAPORAN} or {@code REPORT}: a report, read as described below.</li>
 * <li>{@code CEK} or {@code LACAK} followed by a code: {@link Track}. The code is the rest of the
 * message without the punctuation around it ({@code CEK: PTN-123.} gives {@code PTN-123}) and
 * without any whitespace inside it ({@code CEK PTN 123} gives {@code PTN123}); otherwise as typed,
 * case included. {@code CEK} without a code is answered with {@link Help}, which explains it.</li>
 * <li>{@code INFO}, {@code BANTUAN}, {@code HELP}, {@code FORMAT} or {@code ?}: {@link Help}, when the
 * message has nothing else but further help or command words ({@code FORMAT LAPOR},
 * {@code info?}). {@code INFO ada serangan fajar} is {@link Problem#UNKNOWN_COMMAND}.</li>
 * <li>A report or track command may be glued to what follows by punctuation or digits:
 * {@code LAPOR:JEMBER ...}, {@code LAPOR35.09 ...}, {@code CEK-PTN123}. Not to letters:
 * {@code LAPORJEMBER} is unknown.</li>
 * </ul>
 *
 * <h2>Reports: {@code LAPOR <place> <keyword> <description>}</h2>
 * <ul>
 * <li>The keyword is the first word, or run of words for a keyword of several words such as
 * {@code POLITIK UANG}, that is in the keyword table; the longest keyword starting at a word wins.
 * Without one the report is {@link Problem#NO_CATEGORY}. So that a report without a keyword is not
 * taken for a report from a place called "JEMBER amplop dibagikan di", the keyword must come within
 * the first {@value #MAX_PLACE_WORDS} words after the command (the longest official region name has
 * six words, seven with "Desa" before it).</li>
 * <li>The place is everything between the command and the keyword. None ({@code LAPOR UANG ...},
 * {@code LAPOR} alone) is {@link Problem#NO_PLACE}.</li>
 * <li>A place made only of ASCII digit groups of 2, 2, 2 and 4 digits, in that order, is a
 * Kemendagri code: {@code 35}, {@code 35.09}, {@code 35.09.01}, {@code 35.09.01.2001}. The groups may
 * be separated by {@code .}, {@code -}, {@code /} or by word separators ({@code 35-09-01},
 * {@code 35 09 01}, {@code 35/09}); the fixed group lengths make this unambiguous, and the place is
 * given in the dotted form with {@code placeIsCode}. Digits without separators ({@code 350901}) are
 * not taken for a code, because BPS codes are written that way and differ from Kemendagri's below
 * the regency level; nor are groups of other lengths ({@code 35.9}). Whether the region exists is
 * not the parser's business.</li>
 * <li>Any other place is a name: its words as typed, joined by single spaces, without the
 * punctuation before the first and after the last word ({@code Kab. Jember} stays,
 * {@code JEMBER:} becomes {@code JEMBER}; brackets are kept).</li>
 * <li>The description is the rest of the message after the keyword, as written: punctuation, emoji
 * and case kept, each run of whitespace (newlines included) made one space. Separators, colons,
 * dots, equals signs and dashes right after the keyword are dropped ({@code UANG: amplop},
 * {@code UANG - amplop}). Fewer than {@value #MIN_DESCRIPTION_LENGTH} characters (code points) is
 * {@link Problem#NO_DESCRIPTION}.</li>
 * <li>When several parts are missing, the first missing one in reading order is reported:
 * {@code LAPOR} is {@link Problem#NO_PLACE}, {@code LAPOR JEMBER} {@link Problem#NO_CATEGORY},
 * {@code LAPOR JEMBER UANG} {@link Problem#NO_DESCRIPTION}.</li>
 * </ul>
 */
final class TextMessageParser {

    static final int MAX_LENGTH = 10_000;
    static final int MIN_DESCRIPTION_LENGTH = 10;
    static final int MAX_PLACE_WORDS = 8;

    /** Longest first, so that a glued {@code LAPORAN:...} is not read as {@code LAPOR} + {@code AN:...}. */
    private static final List<String> REPORT_COMMANDS = List.of("LAPORAN", "LAPOR", "REPORT");
    private static final List<String> TRACK_COMMANDS = List.of("LACAK", "CEK");
    private static final Set<String> HELP_WORDS = Set.of("INFO", "BANTUAN", "HELP", "FORMAT");
    private static final String SEPARATOR_SYMBOLS = "#*;,|";

    private static final Unreadable EMPTY = new Unreadable(Problem.EMPTY);
    private static final Unreadable UNKNOWN_COMMAND = new Unreadable(Problem.UNKNOWN_COMMAND);
    private static final Unreadable NO_PLACE = new Unreadable(Problem.NO_PLACE);
    private static final Unreadable NO_CATEGORY = new Unreadable(Problem.NO_CATEGORY);
    private static final Unreadable NO_DESCRIPTION = new Unreadable(Problem.NO_DESCRIPTION);
    private static final Unreadable TOO_LONG = new Unreadable(Problem.TOO_LONG);
    private static final Help HELP = new Help();

    private static final int[] CODE_GROUP_LENGTHS = {2, 2, 2, 4};

    /** Keyword words, upper case, joined by single spaces, to the keyword. */
    private final Map<String, Keyword> keywords;
    /** The most words any keyword has; 0 when there are no keywords. */
    private final int longestKeyword;

    /**
     * @param keywords keyword to category code, e.g. {@code "UANG" -> "MONEY_POLITICS"}; several
     *                 keywords may map to one code. Keywords are compared like message words: case
     *                 and surrounding punctuation do not matter, and a keyword may have several words.
     * @throws IllegalArgumentException for a keyword without letters or digits, a blank category
     *                                  code, or two spellings of one keyword with different codes
     */
    TextMessageParser(Map<String, String> keywords) {
        Objects.requireNonNull(keywords, "keywords");
        Map<String, Keyword> normalized = new HashMap<>();
        int longest = 0;
        for (Map.Entry<String, String> entry : keywords.entrySet()) {
            String categoryCode = entry.getValue();
            if (entry.getKey() == null || categoryCode == null || categoryCode.isBlank()) {
                throw new IllegalArgumentException("Keyword " + entry.getKey() + " -> " + categoryCode
                        + ": keywords and category codes must not be blank");
            }
            List<String> words = words(entry.getKey());
            if (words.isEmpty()) {
                throw new IllegalArgumentException("Keyword '" + entry.getKey() + "' has no letters or digits");
            }
            String text = String.join(" ", words);
            Keyword previous = normalized.putIfAbsent(text, new Keyword(text, categoryCode));
            if (previous != null && !previous.categoryCode().equals(categoryCode)) {
                throw new IllegalArgumentException("Keyword " + text + " maps to both "
                        + previous.categoryCode() + " and " + categoryCode);
            }
            longest = Math.max(longest, words.size());
        }
        this.keywords = Map.copyOf(normalized);
        this.longestKeyword = longest;
    }

    /** Reads one message; {@code null} reads like an empty message. Never throws. */
    ParsedMessage parse(String text) {
        if (text == null) {
            return EMPTY;
        }
        int start = 0;
        int end = text.length();
        while (start < end && isBlank(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && isBlank(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        if (start == end) {
            return EMPTY;
        }
        // A code point takes at most two chars: only count them when the chars leave a doubt.
        if (end - start > MAX_LENGTH
                && (end - start > 2 * MAX_LENGTH || text.codePointCount(start, end) > MAX_LENGTH)) {
            return TOO_LONG;
        }

        Token first = nextWord(text, start, end);
        if (first == null) {
            return containsQuestionMark(text, start, end) ? HELP : EMPTY;
        }
        String word = upper(text, first);
        if (HELP_WORDS.contains(word)) {
            return onlyHelpWords(text, first.end(), end) ? HELP : UNKNOWN_COMMAND;
        }
        for (String command : REPORT_COMMANDS) {
            int rest = restAfterCommand(text, first, word, command);
            if (rest >= 0) {
                return report(text, rest, end);
            }
        }
        for (String command : TRACK_COMMANDS) {
            int rest = restAfterCommand(text, first, word, command);
            if (rest >= 0) {
                return track(text, rest, end);
            }
        }
        return UNKNOWN_COMMAND;
    }

    // ---- commands

    /**
     * Where the text after {@code command} begins when the first word is that command, alone or
     * glued to what follows by a character that is not a letter; -1 when it is not that command.
     */
    private static int restAfterCommand(String text, Token first, String word, String command) {
        if (word.equals(command)) {
            return first.end();
        }
        int length = command.length();
        if (first.coreEnd() - first.coreStart() > length
                && text.regionMatches(true, first.coreStart(), command, 0, length)) {
            int next = text.codePointAt(first.coreStart() + length);
            if (!Character.isLetter(next) && !isMark(next)) {
                return first.coreStart() + length;
            }
        }
        return -1;
    }

    private static boolean onlyHelpWords(String text, int from, int to) {
        for (Token token = nextWord(text, from, to); token != null; token = nextWord(text, token.end(), to)) {
            String word = upper(text, token);
            if (!HELP_WORDS.contains(word) && !REPORT_COMMANDS.contains(word) && !TRACK_COMMANDS.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsQuestionMark(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '?' || c == '\uFF1F' || c == '\u00BF') {
                return true;
            }
        }
        return false;
    }

    private static ParsedMessage track(String text, int from, int to) {
        int start = from;
        while (start < to && !Character.isLetterOrDigit(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        int end = to;
        while (end > start && !Character.isLetterOrDigit(text.codePointBefore(end))
                && !isMark(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        if (start == end) {
            return HELP;
        }
        StringBuilder code = new StringBuilder(end - start);
        for (int i = start; i < end; ) {
            int codePoint = text.codePointAt(i);
            if (!isBlank(codePoint)) {
                code.appendCodePoint(codePoint);
            }
            i += Character.charCount(codePoint);
        }
        return new Track(code.toString());
    }

    // ---- reports

    private ParsedMessage report(String text, int from, int to) {
        List<Token> place = new ArrayList<>();
        for (Token token = nextWord(text, from, to); token != null; token = nextWord(text, token.end(), to)) {
            Match match = matchKeyword(text, token, to);
            if (match != null) {
                if (place.isEmpty()) {
                    return NO_PLACE;
                }
                String description = description(text, match.end(), to);
                if (description.codePointCount(0, description.length()) < MIN_DESCRIPTION_LENGTH) {
                    return NO_DESCRIPTION;
                }
                String code = placeCode(text, place);
                return new Report(code != null ? code : placeName(text, place), code != null,
                        match.keyword().text(), match.keyword().categoryCode(), description);
            }
            if (place.size() == MAX_PLACE_WORDS) {
                return NO_CATEGORY;
            }
            place.add(token);
        }
        return place.isEmpty() ? NO_PLACE : NO_CATEGORY;
    }

    /** The longest keyword whose first word is {@code first}, or null. */
    private Match matchKeyword(String text, Token first, int to) {
        if (longestKeyword == 0) {
            return null;
        }
        StringBuilder words = new StringBuilder(upper(text, first));
        Keyword keyword = keywords.get(words.toString());
        Match match = keyword == null ? null : new Match(keyword, first.end());
        Token token = first;
        for (int count = 2; count <= longestKeyword; count++) {
            token = nextWord(text, token.end(), to);
            if (token == null) {
                break;
            }
            words.append(' ').append(upper(text, token));
            keyword = keywords.get(words.toString());
            if (keyword != null) {
                match = new Match(keyword, token.end());
            }
        }
        return match;
    }

    /** The place as a dotted code when its words are nothing but the digit groups of one, else null. */
    private static String placeCode(String text, List<Token> place) {
        StringBuilder code = new StringBuilder(13);
        int group = 0;
        int groupLength = 0;
        for (Token token : place) {
            for (int i = token.coreStart(); i < token.coreEnd(); i++) {
                char c = text.charAt(i);
                if (c >= '0' && c <= '9') {
                    if (groupLength == 0) {
                        if (group == CODE_GROUP_LENGTHS.length) {
                            return null;
                        }
                        if (group > 0) {
                            code.append('.');
                        }
                    }
                    if (++groupLength > CODE_GROUP_LENGTHS[group]) {
                        return null;
                    }
                    code.append(c);
                } else if ((c == '.' || c == '-' || c == '/') && group < CODE_GROUP_LENGTHS.length - 1
                        && groupLength == CODE_GROUP_LENGTHS[group]) {
                    // a separator only between full groups, and there is no group after the fourth
                    group++;
                    groupLength = 0;
                } else {
                    return null;
                }
            }
            // The core of a word starts and ends with a digit here, so a word always ends a group.
            if (group == CODE_GROUP_LENGTHS.length || groupLength != CODE_GROUP_LENGTHS[group]) {
                return null;
            }
            group++;
            groupLength = 0;
        }
        return code.toString();
    }

    private static String placeName(String text, List<Token> place) {
        StringBuilder name = new StringBuilder();
        for (Token token : place) {
            if (!name.isEmpty()) {
                name.append(' ');
            }
            name.append(text, token.start(), token.end());
        }
        int start = 0;
        int end = name.length();
        // Each word has a letter or digit, so neither loop passes the other.
        while (start < end && !keepsAtStartOfName(name.codePointAt(start))) {
            start += Character.charCount(name.codePointAt(start));
        }
        while (end > start && !keepsAtEndOfName(name.codePointBefore(end))) {
            end -= Character.charCount(name.codePointBefore(end));
        }
        return name.substring(start, end);
    }

    private static boolean keepsAtStartOfName(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || codePoint == '(' || codePoint == '[';
    }

    private static boolean keepsAtEndOfName(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || isMark(codePoint) || codePoint == ')' || codePoint == ']';
    }

    private static String description(String text, int from, int to) {
        int start = from;
        while (start < to && isDescriptionLead(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        StringBuilder description = new StringBuilder(to - start);
        boolean space = false;
        for (int i = start; i < to; ) {
            int codePoint = text.codePointAt(i);
            if (isSpace(codePoint)) {
                space = true;
            } else {
                if (space) {
                    description.append(' ');
                    space = false;
                }
                description.appendCodePoint(codePoint);
            }
            i += Character.charCount(codePoint);
        }
        return description.toString();
    }

    private static boolean isDescriptionLead(int codePoint) {
        return isSeparator(codePoint) || codePoint == ':' || codePoint == '.' || codePoint == '='
                || Character.getType(codePoint) == Character.DASH_PUNCTUATION;
    }

    // ---- words

    /**
     * A word at [start, end) of the text; its core [coreStart, coreEnd) is the word without the
     * punctuation and symbols around it, and never empty for the words that {@link #nextWord} gives.
     */
    private record Token(int start, int end, int coreStart, int coreEnd) {
    }

    private record Keyword(String text, String categoryCode) {
    }

    private record Match(Keyword keyword, int end) {
    }

    /** The next word with a letter or digit in [from, to), skipping punctuation-only words; null at the end. */
    private static Token nextWord(String text, int from, int to) {
        int start = from;
        while (start < to) {
            while (start < to && isSeparator(text.codePointAt(start))) {
                start += Character.charCount(text.codePointAt(start));
            }
            if (start == to) {
                return null;
            }
            int end = start;
            while (end < to && !isSeparator(text.codePointAt(end))) {
                end += Character.charCount(text.codePointAt(end));
            }
            int coreStart = start;
            while (coreStart < end && !Character.isLetterOrDigit(text.codePointAt(coreStart))) {
                coreStart += Character.charCount(text.codePointAt(coreStart));
            }
            int coreEnd = end;
            while (coreEnd > coreStart && !Character.isLetterOrDigit(text.codePointBefore(coreEnd))
                    && !isMark(text.codePointBefore(coreEnd))) {
                coreEnd -= Character.charCount(text.codePointBefore(coreEnd));
            }
            if (coreStart < coreEnd) {
                return new Token(start, end, coreStart, coreEnd);
            }
            start = end;
        }
        return null;
    }

    private static String upper(String text, Token token) {
        return text.substring(token.coreStart(), token.coreEnd()).toUpperCase(Locale.ROOT);
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (Token token = nextWord(text, 0, text.length()); token != null;
                token = nextWord(text, token.end(), text.length())) {
            words.add(upper(text, token));
        }
        return words;
    }

    // ---- characters

    private static boolean isSeparator(int codePoint) {
        return isBlank(codePoint) || SEPARATOR_SYMBOLS.indexOf(codePoint) >= 0;
    }

    /** Whitespace, control characters and invisible formatting characters. */
    private static boolean isBlank(int codePoint) {
        return isSpace(codePoint) || isInvisible(codePoint);
    }

    /** What a description's whitespace runs are made of. */
    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || Character.getType(codePoint) == Character.CONTROL;
    }

    /**
     * Formatting characters such as U+200B zero-width space, U+FEFF byte order mark and the
     * direction marks; not U+200D zero-width joiner nor the tag characters, which are parts of emoji.
     */
    private static boolean isInvisible(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT && codePoint != 0x200D
                && (codePoint < 0xE0000 || codePoint > 0xE007F);
    }

    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }
}
