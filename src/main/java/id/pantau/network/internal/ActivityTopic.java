package id.pantau.network.internal;

/** What an activity was about: a fixed list, so that activities can be counted by topic. */
enum ActivityTopic {
    /** Neutrality of civil servants (ASN). */
    NEUTRALITY_ASN,
    /** Neutrality of the armed forces. */
    NEUTRALITY_TNI,
    /** Neutrality of the police. */
    NEUTRALITY_POLRI,
    /** Neutrality of village heads and village officials. */
    NEUTRALITY_VILLAGE_HEAD,
    MONEY_POLITICS,
    /** Hoaxes and ethnic, religious, racial or intergroup (SARA) incitement. */
    HOAX_SARA,
    VOTER_LIST,
    PARTICIPATORY_SUPERVISION,
    ELECTION_LAW,
    DISASTER_PREPAREDNESS,
    OTHER
}
