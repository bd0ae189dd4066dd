package id.pantau.election;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Counts days the way the law does. A deadline "within N days of X" ends on the N-th day after
 * X: X itself is day zero. In working days, Saturdays, Sundays and the given non-working days
 * (holidays, cuti bersama, declared election days) do not count.
 */
public final class WorkingDayCalendar {

    private final Set<LocalDate> nonWorkingDays;

    public WorkingDayCalendar(Set<LocalDate> nonWorkingDays) {
        this.nonWorkingDays = Set.copyOf(nonWorkingDays);
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !nonWorkingDays.contains(day);
    }

    /** The day that is {@code days} days of the given kind after {@code start}. */
    public LocalDate plus(LocalDate start, int days, DayCount counting) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        if (counting == DayCount.CALENDAR_DAYS) {
            return start.plusDays(days);
        }
        LocalDate day = start;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * The last moment of a day as PostgreSQL can store it: {@code timestamptz} keeps microseconds
     * and would round {@link LocalTime#MAX} up to the next midnight.
     */
    public static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59, 999_999_000);

    /**
     * The last moment of a period that starts on {@code start} (day zero), in {@code zone}: a
     * deadline "within N days" runs until the end of its last day, local time.
     */
    public OffsetDateTime endOfPeriod(LocalDate start, Period period, ZoneId zone) {
        return ZonedDateTime.of(plus(start, period.days(), period.counting()), END_OF_DAY, zone).toOffsetDateTime();
    }
}
