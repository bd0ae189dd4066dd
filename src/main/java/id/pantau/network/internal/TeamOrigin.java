package id.pantau.network.internal;

/** Where a team member comes from: a regional agency (OPD), activists, the community, a partner. */
enum TeamOrigin {
    OPD, ACTIVIST, COMMUNITY, PARTNER
}
