package id.pantau.casework.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import id.pantau.casework.CaseOutcome;
import id.pantau.casework.CaseStage;
import id.pantau.election.DayCount;
import id.pantau.election.ElectionType;
import id.pantau.election.Period;
import id.pantau.election.ReportingWindowTest;
import id.pantau.election.RuleSet;
import id.pantau.election.WorkingDayCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The legal clock of case handling against the shipped holiday table (2024). Pemilu counts
 * working days: the preliminary review within 2 days of receipt and the completion within 3
 * (Perbawaslu 7/2022), the decision within 7 days of registration, 14 working days in all when
 * more information is needed (UU 7/2017 Pasal 454 ayat (7)-(8)). Pilkada counts calendar days:
 * 3 days, plus 2 (UU 1/2015 as amended, Pasal 134). An election crime goes to the police within
 * 1×24 hours of the decision (UU 7/2017 Pasal 476 ayat (1)): hours, not days.
 */
class CaseClockTest {

    static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(ReportingWindowTest.shippedHolidays());
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final ZoneId WIT = ZoneId.of("Asia/Jayapura");

    static final RuleSet PEMILU = new RuleSet(ElectionType.PEMILU,
            new Period(7, DayCount.WORKING_DAYS, "UU 7/2017 Pasal 454 ayat (6)"),
            new Period(2, DayCount.WORKING_DAYS, "Perbawaslu 7/2022 Pasal 15"),
            new Period(3, DayCount.WORKING_DAYS, "Perbawaslu 7/2022"),
            new Period(7, DayCount.WORKING_DAYS, "UU 7/2017 Pasal 454 ayat (7)-(8)"),
            new Period(7, DayCount.WORKING_DAYS, "UU 7/2017 Pasal 454 ayat (7)-(8)"),
            24, "UU 7/2017 Pasal 476 ayat (1)", "PL");
    static final RuleSet PILKADA = new RuleSet(ElectionType.PILKADA,
            new Period(7, DayCount.CALENDAR_DAYS, "UU 1/2015 Pasal 134"),
            new Period(2, DayCount.CALENDAR_DAYS, "Perbawaslu 8/2020"),
            new Period(3, DayCount.CALENDAR_DAYS, "Perbawaslu 8/2020"),
            new Period(3, DayCount.CALENDAR_DAYS, "UU 1/2015 Pasal 134"),
            new Period(2, DayCount.CALENDAR_DAYS, "UU 1/2015 Pasal 134"),
            24, "UU 1/2015 Pasal 134-135", "PB");

    static CaseClock.Facts facts(CaseStage stage, String receivedAt, String clockStartedAt, String registeredAt,
                                 boolean extended, CaseOutcome outcome, String decidedAt) {
        return new CaseClock.Facts(stage, Instant.parse(receivedAt), instant(clockStartedAt), instant(registeredAt),
                extended, outcome, instant(decidedAt));
    }

    static Instant instant(String text) {
        return text == null ? null : OffsetDateTime.parse(text).toInstant();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // situation | rules | stage | clock started | registered | extended | deadline | due (end of day, WIB)
            "review: received Wed before Isra Mikraj, cuti bersama and a weekend | PEMILU | PRELIMINARY_REVIEW | 2024-02-07T10:00+07:00 | - | false | PRELIMINARY_REVIEW | 2024-02-13T23:59:59.999999+07:00",
            "completion: asked Tue, election day Wed does not count | PEMILU | AWAITING_COMPLETION | 2024-02-13T09:00+07:00 | - | false | COMPLETION | 2024-02-19T23:59:59.999999+07:00",
            "decision: registered 1 Apr 2024, the Idul Fitri break does not count | PEMILU | REGISTERED | 2024-04-01T11:00+07:00 | 2024-04-01T11:00+07:00 | false | DECISION | 2024-04-18T23:59:59.999999+07:00",
            "decision extended: 14 working days in all | PEMILU | CLARIFICATION | 2024-04-01T11:00+07:00 | 2024-04-01T11:00+07:00 | true | DECISION | 2024-04-29T23:59:59.999999+07:00",
            "Pilkada review: calendar days through voting day | PILKADA | RECEIVED | 2024-11-27T08:00+07:00 | - | false | PRELIMINARY_REVIEW | 2024-11-29T23:59:59.999999+07:00",
            "Pilkada decision: 3 calendar days, ending on a Sunday | PILKADA | REVIEW | 2024-11-28T10:00+07:00 | 2024-11-28T10:00+07:00 | false | DECISION | 2024-12-01T23:59:59.999999+07:00",
            "Pilkada decision extended: plus 2 days | PILKADA | PLENARY | 2024-11-28T10:00+07:00 | 2024-11-28T10:00+07:00 | true | DECISION | 2024-12-03T23:59:59.999999+07:00"})
    void theDeadlineACaseIsUnderNow(String situation, ElectionType rules, CaseStage stage, String clockStartedAt,
                                    String registeredAt, boolean extended, String name, String due) {
        CaseClock clock = new CaseClock(rules == ElectionType.PEMILU ? PEMILU : PILKADA, CALENDAR, WIB);
        CaseClock.Facts facts = facts(stage, OffsetDateTime.parse(clockStartedAt).toInstant().toString(), clockStartedAt,
                registeredAt, extended, null, null);

        Deadline current = clock.current(facts);

        assertThat(current).isNotNull();
        assertThat(current.name()).isEqualTo(name);
        assertThat(current.dueAt()).isEqualTo(OffsetDateTime.parse(due));
        assertThat(current.basis()).isNotBlank();
    }

    @Test
    void theSameMomentNearMidnightFallsOnDifferentDaysInJakartaAndJayapura() {
        // Monday 5 Feb 2024 23:30 in Jakarta is Tuesday 01:30 in Jayapura; from Tuesday, Isra Mikraj, the
        // cuti bersama and the weekend push Jayapura's second working day to the next Monday
        Instant received = OffsetDateTime.parse("2024-02-05T23:30+07:00").toInstant();
        CaseClock.Facts facts = new CaseClock.Facts(CaseStage.RECEIVED, received, received, null, false, null, null);

        Deadline jakarta = new CaseClock(PEMILU, CALENDAR, WIB).current(facts);
        Deadline jayapura = new CaseClock(PEMILU, CALENDAR, WIT).current(facts);

        assertThat(jakarta.dueAt()).isEqualTo(OffsetDateTime.parse("2024-02-07T23:59:59.999999+07:00"));
        assertThat(jayapura.dueAt()).isEqualTo(OffsetDateTime.parse("2024-02-12T23:59:59.999999+09:00"));
    }

    @Test
    void aCriminalDecisionMustBeReferredWithin24HoursToTheMinute() {
        CaseClock.Facts facts = facts(CaseStage.DECIDED, "2024-02-01T02:00:00Z", "2024-02-05T09:00+07:00",
                "2024-02-05T09:00+07:00", false, CaseOutcome.CRIMINAL, "2024-02-20T15:30+07:00");

        Deadline referral = new CaseClock(PEMILU, CALENDAR, WIB).current(facts);

        assertThat(referral.name()).isEqualTo(Deadline.CRIMINAL_REFERRAL);
        assertThat(referral.dueAt()).isEqualTo(OffsetDateTime.parse("2024-02-21T15:30+07:00"));
        assertThat(referral.basis()).contains("Pasal 476");
    }

    @Test
    void otherDecisionsAndFinishedStagesRunNoClock() {
        CaseClock clock = new CaseClock(PEMILU, CALENDAR, WIB);
        String received = "2024-02-01T02:00:00Z";
        String registered = "2024-02-05T09:00+07:00";

        assertThat(clock.current(facts(CaseStage.DECIDED, received, registered, registered, false,
                CaseOutcome.ADMINISTRATIVE, "2024-02-20T15:30+07:00"))).isNull();
        assertThat(clock.current(facts(CaseStage.NOT_REGISTERED, received, received, null, false, null, null))).isNull();
        assertThat(clock.current(facts(CaseStage.REFERRED, received, registered, registered, false,
                CaseOutcome.CRIMINAL, "2024-02-20T15:30+07:00"))).isNull();
    }

    @Test
    void pastDeadlinesStayListedBehindTheCurrentOne() {
        CaseClock.Facts facts = facts(CaseStage.PLENARY, "2024-02-01T02:00:00Z", "2024-02-05T09:00+07:00",
                "2024-02-05T09:00+07:00", false, null, null);

        List<Deadline> all = new CaseClock(PEMILU, CALENDAR, WIB).deadlines(facts);

        assertThat(all).extracting(Deadline::name).containsExactly(Deadline.PRELIMINARY_REVIEW, Deadline.DECISION);
        assertThat(all).extracting(Deadline::current).containsExactly(false, true);
    }
}
