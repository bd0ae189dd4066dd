package id.pantau.network.internal;

/** What a partner did in an activity. */
enum ActivityPartnerRole {
    /** Organised it, alone or with the office and other partners. */
    ORGANISER,
    /** Took part: sent people, spoke, hosted or supported it. */
    PARTICIPANT
}
