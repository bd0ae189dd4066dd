package id.pantau.casework;

/** Where a case stands in the statutory workflow. */
public enum CaseStage {
    /** In the office's queue, not yet looked at. */
    RECEIVED,
    /** Kajian awal: formal and material requirements checked (2 days). */
    PRELIMINARY_REVIEW,
    /** The reporter was told what is missing and has a few days to complete it. */
    AWAITING_COMPLETION,
    /** Not registered (requirements not met, or not completed in time); kept as initial information. */
    NOT_REGISTERED,
    /** Registered with a register number: the decision clock runs. */
    REGISTERED,
    /** Klarifikasi: parties and witnesses heard. */
    CLARIFICATION,
    /** Kajian dugaan pelanggaran. */
    REVIEW,
    /** Before the plenary (pleno). */
    PLENARY,
    /** Decided with an outcome. */
    DECIDED,
    /** Forwarded to the competent institution. */
    REFERRED,
    CLOSED,
    /** Merged into another case of the same incident. */
    MERGED;

    public boolean isFinished() {
        return this == CLOSED || this == MERGED;
    }
}
