package id.pantau.election;

/** A legal period: so many days of a kind, and the rule and article it comes from. */
public record Period(int days, DayCount counting, String basis) {
}
