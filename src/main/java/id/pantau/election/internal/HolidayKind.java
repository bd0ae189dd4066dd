package id.pantau.election.internal;

/** Why a day is not a working day (besides weekends). */
enum HolidayKind {
    /** A national holiday (hari libur nasional). */
    HOLIDAY,
    /** Collective leave decreed with the holidays (cuti bersama). */
    CUTI_BERSAMA,
    /** A voting day declared a holiday (hari pemungutan suara). */
    ELECTION_DAY
}
