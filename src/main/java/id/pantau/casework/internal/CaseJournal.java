package id.pantau.casework.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import id.pantau.account.AuditTrail;
import id.pantau.casework.CaseStage;
import id.pantau.election.Elections;
import id.pantau.election.LegalCalendar;
import id.pantau.report.ReportStatus;
import id.pantau.report.ReportStatuses;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Writes a changed case back with everything that must change with it, in the caller's
 * transaction: the deadline it is now under, the history entry, the audit entry and the public
 * status of its reports.
 */
@Component
class CaseJournal {

    private final CaseRepository cases;
    private final Elections elections;
    private final LegalCalendar calendar;
    private final ReportStatuses statuses;
    private final AuditTrail audit;

    CaseJournal(CaseRepository cases, Elections elections, LegalCalendar calendar, ReportStatuses statuses,
                AuditTrail audit) {
        this.cases = cases;
        this.elections = elections;
        this.calendar = calendar;
        this.statuses = statuses;
        this.audit = audit;
    }

    CaseClock clock(LegalCase c) {
        return new CaseClock(elections.ruleSet(c.ruleSet), calendar.calendar(), c.zone);
    }

    /** Sets the deadline the case is under now, from its facts. */
    void rewindClock(LegalCase c) {
        Deadline current = c.stage.isFinished() ? null : clock(c).current(c.clockFacts());
        c.nextDueAt = current == null ? null : current.dueAt().toInstant();
        c.nextDueName = current == null ? null : current.name();
    }

    void insert(LegalCase c, String actor, String action, Map<String, ?> details) {
        rewindClock(c);
        cases.insert(c);
        cases.appendEvent(c.id, c.createdAt, actor, action, c.stage, c.stage, null, details);
    }

    /** Saves the case after {@code action} took it from {@code from}; returns the history entry's id. */
    long save(LegalCase c, CaseStage from, String actor, String action, @Nullable String note, Map<String, ?> details,
              @Nullable String publicNote, Instant at) {
        rewindClock(c);
        c.updatedAt = at;
        cases.update(c);
        long event = cases.appendEvent(c.id, at, actor, action, from, c.stage, note, details);
        audit.record(actor, "CASE_" + action, "case:" + c.id, details);
        publicStatus(c.stage).ifPresent(status -> {
            List<ReportLink> reports = cases.reports(c.id);
            reports.forEach(report -> statuses.record(report.reportId(), status, publicNote, at));
        });
        return event;
    }

    /** What the reporters see for a stage; merged cases speak through the case they joined. */
    static Optional<ReportStatus> publicStatus(CaseStage stage) {
        return Optional.ofNullable(switch (stage) {
            case RECEIVED, MERGED -> null;
            case PRELIMINARY_REVIEW -> ReportStatus.UNDER_REVIEW;
            case AWAITING_COMPLETION -> ReportStatus.COMPLETION_REQUESTED;
            case NOT_REGISTERED -> ReportStatus.NOT_REGISTERED;
            case REGISTERED -> ReportStatus.REGISTERED;
            case CLARIFICATION, REVIEW, PLENARY -> ReportStatus.UNDER_INVESTIGATION;
            case DECIDED -> ReportStatus.DECIDED;
            case REFERRED -> ReportStatus.REFERRED;
            case CLOSED -> ReportStatus.CLOSED;
        });
    }
}
