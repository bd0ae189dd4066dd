package id.pantau.election;

/** The two kinds of election, each with its own law and so its own rule set. */
public enum ElectionType {
    /** General election (UU 7/2017): deadlines in working days. */
    PEMILU,
    /** Regional head election (UU 1/2015 as amended): deadlines in calendar days. */
    PILKADA
}
