package id.pantau.network.internal;

/** Where a volunteer's application stands: a coordinator approves or rejects a public sign-up. */
enum VolunteerStatus {
    PENDING, APPROVED, REJECTED
}
