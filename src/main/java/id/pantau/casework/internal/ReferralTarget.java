package id.pantau.casework.internal;

/** Where a decided case is forwarded (penerusan). */
enum ReferralTarget {
    /** KPU at the same level: administrative violations (in Pilkada as Bawaslu's recommendation). */
    KPU,
    /** Sentra Gakkumdu (Bawaslu, police, prosecutors): election crimes. */
    SENTRA_GAKKUMDU,
    /** Dewan Kehormatan Penyelenggara Pemilu: ethics of KPU and Bawaslu members. */
    DKPP,
    /** The regency Bawaslu: ethics of ad-hoc supervisors (Panwascam, PKD, PTPS). */
    BAWASLU_REGENCY,
    /** Badan Kepegawaian Negara (formerly KASN): neutrality of civil servants. */
    BKN,
    /** Any other competent institution (e.g. the TNI or Polri command, the regent for village heads). */
    OTHER_AGENCY
}
