package id.pantau.election;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reporting window, with the real 2024–2026 holiday table. Pemilu: "paling lama 7 (tujuh)
 * hari kerja sejak diketahuinya" (UU 7/2017 Pasal 454 ayat (6)). Pilkada: 7 days, counted in
 * calendar days (UU 1/2015 as amended, Pasal 134).
 */
public class ReportingWindowTest {

    static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(shippedHolidays());
    static final RuleSet PEMILU = rules(ElectionType.PEMILU, DayCount.WORKING_DAYS, "UU 7/2017 Pasal 454 ayat (6)");
    static final RuleSet PILKADA = rules(ElectionType.PILKADA, DayCount.CALENDAR_DAYS, "UU 1/2015 Pasal 134");
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final ZoneId WIT = ZoneId.of("Asia/Jayapura");

    @ParameterizedTest(name = "known {0}: last day {1} ({2})")
    @CsvSource(delimiter = '|', value = {
            // Mon 5 Feb 2024; Thu 8 Isra Mikraj, Fri 9 cuti bersama Imlek, Sat 10 Imlek, Wed 14 voting day:
            // working days 6, 7, 12, 13, 15, 16, 19
            "2024-02-05 | 2024-02-19 | a weekend, two holidays, cuti bersama and the election day",
            // Fri 5 Apr 2024: Idul Fitri 10-11 Apr with cuti bersama 8, 9, 12, 15 Apr
            "2024-04-05 | 2024-04-24 | Idul Fitri and its cuti bersama",
            // Mon 3 Jun 2024, no holidays until 17 Jun (Idul Adha) and 18 Jun (cuti bersama)
            "2024-06-03 | 2024-06-12 | an ordinary fortnight",
            // Sat 28 Dec 2024: known on a weekend, counting starts on Monday; 1 Jan is a holiday
            "2024-12-28 | 2025-01-08 | known on a Saturday, across New Year",
            // Wed 27 Nov 2024, the Pilkada voting day (a holiday) is day zero and does not shift the count
            "2024-11-27 | 2024-12-06 | known on a holiday"})
    void pemiluCountsWorkingDays(LocalDate knownOn, LocalDate lastDay, String situation) {
        assertThat(CALENDAR.plus(knownOn, 7, DayCount.WORKING_DAYS)).as(situation).isEqualTo(lastDay);
    }

    @ParameterizedTest(name = "known {0}: last day {1}")
    @CsvSource({"2024-02-05, 2024-02-12", "2024-04-05, 2024-04-12", "2024-11-27, 2024-12-04", "2024-12-28, 2025-01-04"})
    void pilkadaCountsCalendarDaysThroughWeekendsAndHolidays(LocalDate knownOn, LocalDate lastDay) {
        assertThat(CALENDAR.plus(knownOn, 7, DayCount.CALENDAR_DAYS)).isEqualTo(lastDay);
    }

    @Test
    void aReportOnTheLastDayBeforeMidnightIsTimelyAndOneAfterIsLate() {
        Instant known = OffsetDateTime.parse("2024-02-05T09:00+07:00").toInstant();

        ReportingWindow lastMinute = ReportingWindow.of(PEMILU, CALENDAR, WIB, known,
                OffsetDateTime.parse("2024-02-19T23:59:59+07:00").toInstant());
        ReportingWindow nextMorning = ReportingWindow.of(PEMILU, CALENDAR, WIB, known,
                OffsetDateTime.parse("2024-02-20T00:00:01+07:00").toInstant());

        assertThat(lastMinute.timely()).isTrue();
        assertThat(nextMorning.timely()).isFalse();
        assertThat(lastMinute.deadline().toString()).startsWith("2024-02-19T23:59:59.999999+07:00");
        assertThat(lastMinute.basis()).contains("Pasal 454");
    }

    @Test
    void theDayOfKnowledgeIsTakenInTheRegionsTimeZone() {
        // 23:30 on Sunday 4 Feb in Jakarta is already Monday 5 Feb 01:30 in Jayapura
        Instant known = OffsetDateTime.parse("2024-02-04T23:30+07:00").toInstant();
        Instant received = OffsetDateTime.parse("2024-02-16T12:00+07:00").toInstant();

        ReportingWindow jakarta = ReportingWindow.of(PEMILU, CALENDAR, WIB, known, received);
        ReportingWindow jayapura = ReportingWindow.of(PEMILU, CALENDAR, WIT, known, received);

        // from Sunday the 7th working day is Friday 16 Feb; from Monday it is Monday 19 Feb
        assertThat(jakarta.deadline()).isEqualTo(OffsetDateTime.parse("2024-02-16T23:59:59.999999+07:00"));
        assertThat(jayapura.deadline()).isEqualTo(OffsetDateTime.parse("2024-02-19T23:59:59.999999+09:00"));
    }

    @Test
    void aLatePilkadaReportIsLateEvenWhenPemiluWouldStillAllowIt() {
        Instant known = OffsetDateTime.parse("2024-11-27T10:00+08:00").toInstant();
        Instant received = OffsetDateTime.parse("2024-12-05T10:00+08:00").toInstant();
        ZoneId wita = ZoneId.of("Asia/Makassar");

        assertThat(ReportingWindow.of(PILKADA, CALENDAR, wita, known, received).timely()).isFalse();
        assertThat(ReportingWindow.of(PEMILU, CALENDAR, wita, known, received).timely()).isTrue();
    }

    @Test
    void zeroDaysIsTheSameDayAndNegativeDaysAreRefused() {
        LocalDate day = LocalDate.of(2024, 2, 8);
        assertThat(CALENDAR.plus(day, 0, DayCount.WORKING_DAYS)).isEqualTo(day);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CALENDAR.plus(day, -1, DayCount.WORKING_DAYS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A rule set with a 7-day reporting window; the other periods do not matter here. */
    static RuleSet rules(ElectionType type, DayCount counting, String basis) {
        Period unused = new Period(1, counting, "");
        return new RuleSet(type, new Period(7, counting, basis), unused, unused, unused, unused, 24, "", "PL");
    }

    public static Set<LocalDate> shippedHolidays() {
        try (InputStream in = ReportingWindowTest.class.getResourceAsStream("/data/holidays/holidays-id-2024-2026.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .map(line -> LocalDate.parse(line.substring(0, 10)))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
