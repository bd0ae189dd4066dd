package id.pantau.report.internal;

/**
 * What {@link TextMessageParser} made of one SMS or WhatsApp text: a report, a request for a
 * report's status, a request for help, or a message that cannot be read (with the reason, so the
 * gateway can answer with the right hint).
 */
sealed interface ParsedMessage {

    /**
     * {@code LAPOR <place> <keyword> <description>}.
     *
     * @param place        a dotted Kemendagri code ({@code 35.09.01}) when {@code placeIsCode}, otherwise
     *                     the region name as typed, its words joined by single spaces
     * @param placeIsCode  whether {@code place} is in the dotted code format (not whether the region exists)
     * @param keyword      the matched keyword, upper case, words joined by single spaces ({@code UANG})
     * @param categoryCode the category the keyword stands for ({@code MONEY_POLITICS})
     * @param description  what happened, trimmed, whitespace runs collapsed to one space, at least
     *                     {@link TextMessageParser#MIN_DESCRIPTION_LENGTH} characters
     */
    record Report(String place, boolean placeIsCode, String keyword, String categoryCode, String description)
            implements ParsedMessage {
    }

    /** {@code CEK <code>} or {@code LACAK <code>}: the code as typed, without any whitespace. */
    record Track(String trackingCode) implements ParsedMessage {
    }

    /** {@code INFO}, {@code BANTUAN}, {@code HELP}, {@code FORMAT} or {@code ?}. */
    record Help() implements ParsedMessage {
    }

    record Unreadable(Problem problem) implements ParsedMessage {
    }

    enum Problem {
        /** Nothing but whitespace, punctuation or symbols. */
        EMPTY,
        /** The first word is not a command. */
        UNKNOWN_COMMAND,
        /** A report without a place before the category keyword. */
        NO_PLACE,
        /** A report without a known category keyword where one is expected. */
        NO_CATEGORY,
        /** A report whose description is missing or shorter than the minimum. */
        NO_DESCRIPTION,
        /** More than {@link TextMessageParser#MAX_LENGTH} characters. */
        TOO_LONG
    }
}
