package id.pantau.casework.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.pantau.casework.CaseFixtures;
import id.pantau.election.RuleSetBodies;
import id.pantau.election.WorkingDayCalendar;
import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static id.pantau.casework.CaseFixtures.caseId;
import static id.pantau.casework.CaseFixtures.detail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An administrator's change of the legal rules reaches running cases: the deadline the queue
 * sorts by and the deadline job acts on moves with the one the case page shows, and the case's
 * history says why. The cases lie in Minahasa Selatan (71.05, WITA), which no other test reports
 * in; every change is undone, and the follow-up awaited, before the test ends.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseDeadlineFollowUpTest {

    static final String VILLAGE = "71.05.01.2001";
    static final ZoneId WITA = ZoneId.of("Asia/Makassar");

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    Http staff;
    Http admin;

    @BeforeAll
    void accounts() {
        var accounts = new Accounts(Http.api(port));
        staff = Http.api(port).bearer(accounts.create("follow-up-staff", List.of("STAFF"), "71.05").token());
        admin = Http.api(port).bearer(accounts.adminToken());
    }

    @AfterEach
    void followUpsDone() {
        // other tests set stored deadlines by hand: no follow-up may still be running when they start
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.sql("""
                        select count(*) from event_publication
                         where completion_date is null and event_type like '%LegalRulesChanged'""")
                .query(Long.class).single() == 0);
    }

    @Test
    void aHolidayDeclaredOnTheLastDayOfAReviewMovesTheStoredDeadlineAndSaysWhy() {
        String id = caseId(staff, CaseFixtures.identified(port, VILLAGE));
        JsonNode before = detail(staff, id);
        OffsetDateTime due = currentDue(before);
        assertThat(due.getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
        assertThat(queueDue(id)).isEqualTo(due);
        LocalDate lastDay = due.toLocalDate();

        Http.Response declared = admin.post("/api/v1/holidays", Map.of("day", lastDay.toString(), "kind", "CUTI_BERSAMA",
                "name", "Cuti bersama (uji)", "nameEn", "Collective leave (test)"));
        assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
        try {
            OffsetDateTime moved = endOfDay(nextWorkingDay(lastDay));
            assertThat(currentDue(detail(staff, id))).as("the case page counts with the new table").isEqualTo(moved);
            await().atMost(Duration.ofSeconds(20)).until(() -> queueDue(id).equals(moved));

            JsonNode step = CaseFixtures.lastStep(detail(staff, id));
            assertThat(step.get("action").asString()).isEqualTo("DEADLINE_CHANGED");
            assertThat(step.get("actor").asString()).isEqualTo("system");
            assertThat(step.get("fromStage").asString()).isEqualTo("RECEIVED");
            assertThat(step.get("toStage").asString()).isEqualTo("RECEIVED");
            assertThat(step.get("details").get("deadline").asString()).isEqualTo("PRELIMINARY_REVIEW");
            assertThat(OffsetDateTime.parse(step.get("details").get("before").asString())).isEqualTo(due);
            assertThat(OffsetDateTime.parse(step.get("details").get("after").asString())).isEqualTo(moved);
            assertThat(step.get("details").get("cause").asString()).isEqualTo("HOLIDAY");
            assertThat(step.get("details").get("holiday").asString()).isEqualTo(lastDay.toString());
        } finally {
            assertThat(admin.delete("/api/v1/holidays/" + lastDay).status()).isEqualTo(204);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> queueDue(id).equals(due));
        assertThat(currentDue(detail(staff, id))).isEqualTo(due);
        assertThat(CaseFixtures.count(detail(staff, id), "DEADLINE_CHANGED")).isEqualTo(2);
    }

    @Test
    void aLongerReviewPeriodInThePemiluRulesMovesRunningReviewsButNotPilkadaOnes() {
        String id = caseId(staff, CaseFixtures.identified(port, VILLAGE));
        JsonNode before = detail(staff, id);
        assertThat(before.get("ruleSet").asString()).isEqualTo("PEMILU");
        OffsetDateTime due = currentDue(before);
        LocalDate receivedOn = OffsetDateTime.parse(before.get("receivedAt").asString()).toLocalDate();
        JsonNode original = Http.api(port).get("/api/v1/rule-sets/PEMILU").json();
        int days = original.get("preliminaryReviewDays").asInt();

        Http.Response changed = admin.put("/api/v1/rule-sets/PEMILU", RuleSetBodies.of(original, "preliminaryReviewDays", days + 2));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        try {
            OffsetDateTime longer = endOfDay(workingDaysAfter(receivedOn, days + 2));
            await().atMost(Duration.ofSeconds(20)).until(() -> queueDue(id).equals(longer));
            assertThat(currentDue(detail(staff, id))).isEqualTo(longer);
            JsonNode step = CaseFixtures.lastStep(detail(staff, id));
            assertThat(step.get("details").get("cause").asString()).isEqualTo("RULE_SET");
            assertThat(step.get("details").get("ruleSet").asString()).isEqualTo("PEMILU");
        } finally {
            Http.Response restored = admin.put("/api/v1/rule-sets/PEMILU", RuleSetBodies.of(original));
            assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> queueDue(id).equals(due));
    }

    OffsetDateTime currentDue(JsonNode detail) {
        for (JsonNode d : detail.get("deadlines")) {
            if (d.get("current").asBoolean()) {
                return OffsetDateTime.parse(d.get("dueAt").asString());
            }
        }
        throw new AssertionError("no current deadline in " + detail.get("deadlines"));
    }

    OffsetDateTime queueDue(String id) {
        JsonNode item = staff.get("/api/v1/cases?region=" + VILLAGE + "&size=100").json().get("items").valueStream()
                .filter(i -> i.get("id").asString().equals(id)).findFirst().orElseThrow();
        return OffsetDateTime.parse(item.get("dueAt").asString());
    }

    Set<LocalDate> holidays() {
        return new HashSet<>(jdbc.sql("select day from holiday").query(LocalDate.class).list());
    }

    LocalDate nextWorkingDay(LocalDate day) {
        return workingDaysAfter(day, 1);
    }

    LocalDate workingDaysAfter(LocalDate start, int days) {
        Set<LocalDate> holidays = holidays();
        LocalDate day = start;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(day)) {
                counted++;
            }
        }
        return day;
    }

    static OffsetDateTime endOfDay(LocalDate day) {
        return ZonedDateTime.of(day, WorkingDayCalendar.END_OF_DAY, WITA).toOffsetDateTime();
    }
}
