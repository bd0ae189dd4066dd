package id.pantau.casework.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import id.pantau.casework.CaseAction;
import id.pantau.casework.CaseOutcome;
import org.jspecify.annotations.Nullable;

/**
 * An action on a case ({@code POST /api/v1/cases/{id}/actions}). Which fields matter depends on
 * the action: {@code missing} for REQUEST_COMPLETION, {@code checklist} for REGISTER,
 * {@code reason} for DECLINE and EXTEND, {@code heard}/{@code heardAt} for RECORD_CLARIFICATION,
 * {@code outcome}/{@code subject} for DECIDE, {@code target}/{@code letterNumber}/{@code date}
 * for REFER, {@code toRegionCode} (a region code, or RI) for DELEGATE. {@code note} is internal;
 * {@code publicNote} is what the reporter sees on the tracking page.
 */
record ActionRequest(@Nullable CaseAction action, @Nullable String note, @Nullable String publicNote,
                     @Nullable List<Requirement> missing, @Nullable List<Requirement> checklist,
                     @Nullable String reason, @Nullable List<String> heard, @Nullable OffsetDateTime heardAt,
                     @Nullable CaseOutcome outcome, @Nullable ReportedSubject subject, @Nullable ReferralTarget target,
                     @Nullable String letterNumber, @Nullable LocalDate date, @Nullable String toRegionCode,
                     @Nullable List<UUID> documentIds) {

    ActionRequest withDocumentIds(List<UUID> ids) {
        return new ActionRequest(action, note, publicNote, missing, checklist, reason, heard, heardAt, outcome, subject, target,
                letterNumber, date, toRegionCode, ids);
    }

    static ActionRequest of(CaseAction action) {
        return new ActionRequest(action, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
