package id.pantau.casework;

/** The plenary's finding (Bawaslu's statistics buckets). */
public enum CaseOutcome {
    /** Pelanggaran administrasi. */
    ADMINISTRATIVE,
    /** Tindak pidana pemilu: to Sentra Gakkumdu, then the police within 1×24 hours. */
    CRIMINAL,
    /** Pelanggaran kode etik: DKPP, or the regency Bawaslu for ad-hoc supervisors. */
    ETHICS,
    /** Pelanggaran hukum lainnya, e.g. ASN neutrality to BKN. */
    OTHER_LAW,
    NOT_A_VIOLATION
}
