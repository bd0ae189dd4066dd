package id.pantau.casework.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import id.pantau.casework.CaseOutcome;
import id.pantau.casework.CaseStage;
import id.pantau.election.Period;
import id.pantau.election.RuleSet;
import id.pantau.election.WorkingDayCalendar;
import org.jspecify.annotations.Nullable;

/**
 * The legal clock of a case (PRODUCT.md §4): which deadlines it has been under and which one it
 * is under now. Days are counted in the handling office's time zone, the day of the triggering
 * act being day zero, and a deadline runs to the end of its last day there; so the same moment
 * can fall on different days in Jakarta (WIB) and Jayapura (WIT).
 *
 * <ul>
 *   <li>preliminary review: from receipt, or from the reporter's completion;</li>
 *   <li>completion: from the request to complete;</li>
 *   <li>decision: from registration, once extended when more information is needed;</li>
 *   <li>criminal referral: so many hours (1×24) from the decision, not days.</li>
 * </ul>
 */
final class CaseClock {

    private final RuleSet rules;
    private final WorkingDayCalendar calendar;
    private final ZoneId zone;

    CaseClock(RuleSet rules, WorkingDayCalendar calendar, ZoneId zone) {
        this.rules = rules;
        this.calendar = calendar;
        this.zone = zone;
    }

    /** The facts the clock runs on. {@code clockStartedAt} is when the current stage's clock began. */
    record Facts(CaseStage stage, Instant receivedAt, @Nullable Instant clockStartedAt, @Nullable Instant registeredAt,
                 boolean extended, @Nullable CaseOutcome outcome, @Nullable Instant decidedAt) {
    }

    List<Deadline> deadlines(Facts facts) {
        List<Deadline> all = new ArrayList<>();
        CaseStage stage = facts.stage();
        boolean reviewing = stage == CaseStage.RECEIVED || stage == CaseStage.PRELIMINARY_REVIEW;
        Instant reviewFrom = reviewing && facts.clockStartedAt() != null ? facts.clockStartedAt() : facts.receivedAt();
        all.add(days(Deadline.PRELIMINARY_REVIEW, reviewFrom, rules.preliminaryReview(), reviewing));
        if (stage == CaseStage.AWAITING_COMPLETION && facts.clockStartedAt() != null) {
            all.add(days(Deadline.COMPLETION, facts.clockStartedAt(), rules.completion(), true));
        }
        if (facts.registeredAt() != null) {
            boolean deciding = switch (stage) {
                case REGISTERED, CLARIFICATION, REVIEW, PLENARY -> true;
                default -> false;
            };
            all.add(decision(facts.registeredAt(), facts.extended(), deciding));
        }
        if (facts.outcome() == CaseOutcome.CRIMINAL && facts.decidedAt() != null) {
            Instant due = facts.decidedAt().plusSeconds(3600L * rules.criminalReferralHours());
            all.add(new Deadline(Deadline.CRIMINAL_REFERRAL, due.atZone(zone).toOffsetDateTime(),
                    rules.criminalReferralBasis(), stage == CaseStage.DECIDED));
        }
        return all;
    }

    /** The deadline the case is under now, if any. */
    @Nullable Deadline current(Facts facts) {
        return deadlines(facts).stream().filter(Deadline::current).findFirst().orElse(null);
    }

    private Deadline decision(Instant registeredAt, boolean extended, boolean current) {
        Period decision = rules.decision();
        Period total = extended
                ? new Period(decision.days() + rules.decisionExtension().days(), decision.counting(), decision.basis())
                : decision;
        return days(Deadline.DECISION, registeredAt, total, current);
    }

    private Deadline days(String name, Instant from, Period period, boolean current) {
        LocalDate start = from.atZone(zone).toLocalDate();
        return new Deadline(name, calendar.endOfPeriod(start, period, zone), period.basis(), current);
    }
}
