package id.pantau.network.internal;

/** What the parties of an agreement agreed to cooperate on (ruang lingkup kerja sama). */
enum CooperationPoint {
    INFORMATION_EXCHANGE,
    DATA_SHARING,
    /** Social assistants, students or staff take part as supervisors. */
    SUPERVISOR_INVOLVEMENT,
    CADRE_TRAINING,
    SOCIALISATION,
    FACILITIES,
    /** Naskah Perjanjian Hibah Daerah. */
    REGIONAL_GRANT,
    VOTER_DATA_UPDATING,
    MIGRANT_WORKER_RIGHTS,
    REGULATION,
    HUMAN_RESOURCES,
    HEALTH_PROTOCOL,
    DISASTER_SUPPORT,
    OTHER
}
