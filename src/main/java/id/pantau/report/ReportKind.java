package id.pantau.report;

/** The legal standing of what came in. */
public enum ReportKind {
    /** Anonymous or incomplete: never rejected, never lost; may lead to a finding. */
    INFORMASI_AWAL,
    /** A report by an identified reporter (Perbawaslu 7/2022: laporan). */
    LAPORAN,
    /** A finding by a supervisor (temuan). */
    TEMUAN
}
