package id.pantau.casework.internal;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the preliminary review checks (kajian awal): the formal requirements (syarat formil) and
 * the material requirements (syarat materiil) of a report. A finding (temuan) has no outside
 * reporter, so the reporter's identity and standing do not apply to it.
 */
enum Requirement {
    /** Syarat formil: the reporter's identity. */
    REPORTER_IDENTITY(true, true),
    /** Syarat formil: the reporter may report (a voter, a participant or an accredited monitor). */
    REPORTER_STANDING(true, true),
    /** Syarat formil: the reported party's identity. */
    REPORTED_PARTY(true, false),
    /** Syarat formil: reported within the reporting window. */
    WITHIN_WINDOW(true, false),
    /** Syarat materiil: time and place of the event. */
    TIME_AND_PLACE(false, false),
    /** Syarat materiil: what happened. */
    DESCRIPTION(false, false),
    /** Syarat materiil: evidence (documents, witnesses, photos). */
    EVIDENCE(false, false);

    private final boolean formal;
    private final boolean onlyForReports;

    Requirement(boolean formal, boolean onlyForReports) {
        this.formal = formal;
        this.onlyForReports = onlyForReports;
    }

    boolean formal() {
        return formal;
    }

    /** The requirements a case of this kind (LP or TM) must meet to be registered. */
    static Set<Requirement> requiredFor(String kind) {
        Set<Requirement> required = EnumSet.allOf(Requirement.class);
        if (!"LP".equals(kind)) {
            required.removeIf(r -> r.onlyForReports);
        }
        return required;
    }
}
