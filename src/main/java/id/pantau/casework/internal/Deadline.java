package id.pantau.casework.internal;

import java.time.OffsetDateTime;

/**
 * A legal deadline of a case, in the handling office's local time, with the rule it comes from.
 * {@code current} marks the one the case is under now; the others are past steps.
 */
record Deadline(String name, OffsetDateTime dueAt, String basis, boolean current) {

    static final String PRELIMINARY_REVIEW = "PRELIMINARY_REVIEW";
    static final String COMPLETION = "COMPLETION";
    static final String DECISION = "DECISION";
    static final String CRIMINAL_REFERRAL = "CRIMINAL_REFERRAL";
}
