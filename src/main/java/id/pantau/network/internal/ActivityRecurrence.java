package id.pantau.network.internal;

/** How often a series of activities (a recurring forum, a monthly coordination meeting) meets. */
enum ActivityRecurrence {
    WEEKLY,
    MONTHLY,
    QUARTERLY,
    YEARLY,
    /** Meets when needed, without a fixed rhythm. */
    IRREGULAR
}
