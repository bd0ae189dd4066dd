package id.pantau.network.internal;

/** What kind of institution a partner is. */
enum PartnerType {
    /** A ministry, e.g. Social Affairs with its social assistants. */
    MINISTRY,
    /** A regional agency (OPD): Kesbangpol, Disnakertrans, BP2MI, BPBD, ... */
    REGIONAL_AGENCY,
    UNIVERSITY,
    MEDIA,
    /** Civil-society organisation. */
    CSO,
    SCHOOL,
    RELIGIOUS_GROUP,
    COMMUNITY,
    OTHER
}
