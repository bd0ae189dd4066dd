package id.pantau.election;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Whether a report came within the legal window after its reporter learned of the incident.
 * {@code deadline} is the last moment of the last day, in the region's time zone; {@code basis}
 * names the rule and its article.
 */
public record ReportingWindow(OffsetDateTime deadline, boolean timely, int days, DayCount counting, String basis) {

    /**
     * The reporting-window rule: a report is timely when received by the end of the N-th day
     * (working or calendar, by the rule set) after the day its reporter learned of the incident,
     * both days taken in the region's local time.
     */
    public static ReportingWindow of(RuleSet rules, WorkingDayCalendar calendar, ZoneId zone, Instant knownAt,
                                     Instant receivedAt) {
        LocalDate knownOn = knownAt.atZone(zone).toLocalDate();
        Period window = rules.reportingWindow();
        OffsetDateTime deadline = calendar.endOfPeriod(knownOn, window, zone);
        return new ReportingWindow(deadline, !receivedAt.isAfter(deadline.toInstant()), window.days(), window.counting(),
                window.basis());
    }
}
