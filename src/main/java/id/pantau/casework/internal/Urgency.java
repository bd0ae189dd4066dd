package id.pantau.casework.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

/** How pressing a case's current deadline is, for colouring the queue. */
enum Urgency {
    OVERDUE, DUE_TODAY, DUE_SOON, ON_TRACK, NONE;

    static final Duration SOON = Duration.ofDays(2);

    /** "Today" is the office's local day. */
    static Urgency of(@Nullable Instant due, Instant now, ZoneId zone) {
        if (due == null) {
            return NONE;
        }
        if (due.isBefore(now)) {
            return OVERDUE;
        }
        if (due.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate())) {
            return DUE_TODAY;
        }
        return Duration.between(now, due).compareTo(SOON) <= 0 ? DUE_SOON : ON_TRACK;
    }
}
