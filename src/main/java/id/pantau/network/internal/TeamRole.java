package id.pantau.network.internal;

/** A member's role in a monitoring team; a team has at most one coordinator. */
enum TeamRole {
    COORDINATOR, OPERATOR, MEMBER
}
