package id.pantau.network.internal;

/** The kinds of activity an office or a partner records. */
enum ActivityType {
    /** Sosialisasi: informing voters, students, communities about supervision. */
    SOCIALISATION,
    /** Sarasehan: an informal discussion with community or religious leaders. */
    SARASEHAN,
    WEBINAR,
    /** Bimbingan teknis (bimtek) and other training, e.g. for cadres or partners' staff. */
    TRAINING,
    /** Audiensi: a partner or group calls on the office, or the office on them. */
    AUDIENCE,
    /** Rapat koordinasi with agencies and partners. */
    COORDINATION,
    /** A recurring forum (forum warga, forum lintas agama, ...), usually part of a series. */
    FORUM
}
