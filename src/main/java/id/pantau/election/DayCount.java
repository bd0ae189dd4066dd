package id.pantau.election;

/** How a legal deadline counts its days. */
public enum DayCount {
    /** Skipping Saturdays, Sundays, national holidays, cuti bersama and declared election days. */
    WORKING_DAYS,
    CALENDAR_DAYS
}
