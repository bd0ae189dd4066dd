package id.pantau.election;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /api/v1/holidays: the holiday table is open data that administrators keep up to date, and
 * deadlines count with a change at once. Days are in 2031, which no other test's deadline reaches.
 */
@IntegrationTest
class HolidayApiTest {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    @Value("${local.server.port}")
    int port;
    @Autowired
    LegalCalendar calendar;
    @Autowired
    Elections elections;
    @Autowired
    JdbcClient jdbc;

    LegalRules rules;
    String admin;
    Http api;

    @BeforeEach
    void setUp() {
        rules = new LegalRules(port);
        admin = new Accounts(Http.api(port)).adminToken();
        api = Http.api(port).bearer(admin);
    }

    @Test
    void theShippedHolidaysAreOpenDataByYear() {
        Http.Response response = Http.api(port).get("/api/v1/holidays?year=2026");

        assertThat(response.status()).isEqualTo(200);
        JsonNode items = response.json().get("items");
        assertThat(response.json().get("total").asInt()).isEqualTo(items.size()).isEqualTo(25);
        assertThat(items).extracting(h -> h.get("day").asString()).allMatch(day -> day.startsWith("2026-"));
        JsonNode independence = find(items, "2026-08-17");
        assertThat(independence.get("kind").asString()).isEqualTo("HOLIDAY");
        assertThat(independence.get("name").asString()).isEqualTo("Proklamasi Kemerdekaan");
        assertThat(independence.get("nameEn").asString()).isEqualTo("Independence Day");
        assertThat(find(items, "2026-12-24").get("kind").asString()).isEqualTo("CUTI_BERSAMA");
        assertThat(find(Http.api(port).get("/api/v1/holidays?year=2024").json().get("items"), "2024-02-14")
                .get("kind").asString()).isEqualTo("ELECTION_DAY");
        assertThat(Http.api(port).get("/api/v1/holidays/2026-08-17").json().get("name").asString())
                .isEqualTo("Proklamasi Kemerdekaan");
    }

    @Test
    void anAdministratorAddsAHolidayThatIsListedAndDeleted() {
        Http.Response added = api.post("/api/v1/holidays", Map.of("day", "2031-08-18", "name", "Cuti Bersama HUT RI",
                "kind", "CUTI_BERSAMA", "nameEn", "Collective leave: Independence Day",
                "source", "https://example.org/skb-2031"));
        try {
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            assertThat(added.header("Location")).isEqualTo("/api/v1/holidays/2031-08-18");
            assertThat(added.json().get("kind").asString()).isEqualTo("CUTI_BERSAMA");

            JsonNode listed = find(Http.api(port).get("/api/v1/holidays?year=2031").json().get("items"), "2031-08-18");
            assertThat(listed.get("name").asString()).isEqualTo("Cuti Bersama HUT RI");
            assertThat(listed.get("nameEn").asString()).isEqualTo("Collective leave: Independence Day");
            assertThat(listed.get("source").asString()).isEqualTo("https://example.org/skb-2031");
            assertThat(audited("HOLIDAY_ADDED", "2031-08-18").get("kind").asString()).isEqualTo("CUTI_BERSAMA");

            Http.Response again = api.post("/api/v1/holidays", Map.of("day", "2031-08-18", "name", "Lagi", "kind", "HOLIDAY"));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.contentType()).startsWith("application/problem+json");
            assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("day");
            assertThat(again.json().get("errors").get(0).get("code").asString()).isEqualTo("day.taken");

            assertThat(api.delete("/api/v1/holidays/2031-08-18").status()).isEqualTo(204);
            assertThat(Http.api(port).get("/api/v1/holidays?year=2031").json().get("items"))
                    .extracting(h -> h.get("day").asString()).doesNotContain("2031-08-18");
            assertThat(audited("HOLIDAY_REMOVED", "2031-08-18").get("name").asString()).isEqualTo("Cuti Bersama HUT RI");
            assertThat(api.delete("/api/v1/holidays/2031-08-18").status()).isEqualTo(404);
            assertThat(Http.api(port).get("/api/v1/holidays/2031-08-18").status()).isEqualTo(404);
        } finally {
            rules.removeHoliday(admin, "2031-08-18");
        }
    }

    @Test
    void theEnglishNameDefaultsToTheIndonesianOne() {
        Http.Response added = api.post("/api/v1/holidays", Map.of("day", "2031-05-02", "name", "Hari Pendidikan Nasional",
                "kind", "holiday"));
        try {
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            assertThat(added.json().get("nameEn").asString()).isEqualTo("Hari Pendidikan Nasional");
            assertThat(added.json().get("kind").asString()).isEqualTo("HOLIDAY");
            assertThat(added.json().get("source").isNull()).isTrue();
        } finally {
            rules.removeHoliday(admin, "2031-05-02");
        }
    }

    @Test
    void aNewHolidayMovesWorkingDayDeadlinesAtOnce() {
        // Thursday 6 March 2031: one working day later is Friday the 7th, seven (the Pemilu
        // reporting window) Monday the 17th
        LocalDate thursday = LocalDate.of(2031, 3, 6);
        Instant knownAt = thursday.atTime(10, 0).atZone(WIB).toInstant();
        assertThat(calendar.calendar().plus(thursday, 1, DayCount.WORKING_DAYS)).isEqualTo("2031-03-07");
        assertThat(elections.reportingWindow(null, WIB, knownAt, knownAt).deadline().toLocalDate()).isEqualTo("2031-03-17");
        try {
            // a decree makes Friday the 7th a holiday
            assertThat(api.post("/api/v1/holidays", Map.of("day", "2031-03-07", "name", "Libur Keputusan Presiden",
                    "kind", "HOLIDAY")).status()).isEqualTo(201);

            // ... and the deadlines skip it on the next computation, not a minute later
            assertThat(calendar.calendar().isWorkingDay(LocalDate.of(2031, 3, 7))).isFalse();
            assertThat(calendar.calendar().plus(thursday, 1, DayCount.WORKING_DAYS)).isEqualTo("2031-03-10");
            var window = elections.reportingWindow(null, WIB, knownAt,
                    LocalDateTime.of(LocalDate.of(2031, 3, 18), LocalTime.of(12, 0)).atZone(WIB).toInstant());
            assertThat(window.deadline().toLocalDate()).isEqualTo("2031-03-18");
            assertThat(window.timely()).isTrue();
            // calendar days are not affected
            assertThat(calendar.calendar().plus(thursday, 1, DayCount.CALENDAR_DAYS)).isEqualTo("2031-03-07");

            // deleting it makes the Friday a working day again
            assertThat(api.delete("/api/v1/holidays/2031-03-07").status()).isEqualTo(204);
            assertThat(calendar.calendar().plus(thursday, 1, DayCount.WORKING_DAYS)).isEqualTo("2031-03-07");
        } finally {
            rules.removeHoliday(admin, "2031-03-07");
        }
    }

    @Test
    void invalidHolidaysAreRefusedNamingTheField() {
        Http.Response impossible = api.post("/api/v1/holidays",
                Map.of("day", "2031-02-30", "name", "Tidak ada", "kind", "HOLIDAY"));
        assertThat(impossible.status()).isEqualTo(400);
        assertThat(impossible.contentType()).startsWith("application/problem+json");
        assertThat(fields(impossible)).containsExactly("day day.format");

        Http.Response everything = api.post("/api/v1/holidays", Map.of("day", "17-08-2031", "name", " ", "kind", "FEAST",
                "nameEn", "x".repeat(201), "source", "y".repeat(501)));
        assertThat(everything.status()).isEqualTo(400);
        assertThat(fields(everything)).containsExactlyInAnyOrder("day day.format", "name name.length",
                "kind kind.unknown", "nameEn nameEn.length", "source source.length");

        assertThat(fields(api.post("/api/v1/holidays", Map.of("name", "Tanpa tanggal"))))
                .containsExactlyInAnyOrder("day required", "kind required");
        assertThat(fields(api.post("/api/v1/holidays", Map.of("day", "1999-12-31", "name", "Dulu", "kind", "HOLIDAY"))))
                .containsExactly("day day.range");

        Http.Response badPath = api.delete("/api/v1/holidays/2031-13-01");
        assertThat(badPath.status()).isEqualTo(400);
        assertThat(fields(badPath)).containsExactly("day value.invalid");

        Http.Response badYear = Http.api(port).get("/api/v1/holidays?year=next");
        assertThat(badYear.status()).isEqualTo(400);
        assertThat(badYear.json().get("errors").get(0).get("field").asString()).isEqualTo("year");
        assertThat(fields(Http.api(port).get("/api/v1/holidays?year=1900"))).containsExactly("year year.range");
        assertThat(Http.api(port).get("/api/v1/holidays?year=2031").json().get("total").asInt()).isZero();
    }

    @Test
    void onlyAdministratorsChangeTheTable() {
        var staff = new Accounts(Http.api(port)).create("holiday-staff", List.of("STAFF"), "");
        var holiday = Map.of("day", "2031-06-06", "name", "Bukan hak staf", "kind", "HOLIDAY");

        assertThat(Http.api(port).post("/api/v1/holidays", holiday).status()).isEqualTo(401);
        assertThat(Http.api(port).bearer(staff.token()).post("/api/v1/holidays", holiday).status()).isEqualTo(403);
        assertThat(Http.api(port).get("/api/v1/holidays/2031-06-06").status()).isEqualTo(404);

        assertThat(Http.api(port).delete("/api/v1/holidays/2026-08-17").status()).isEqualTo(401);
        assertThat(Http.api(port).bearer(staff.token()).delete("/api/v1/holidays/2026-08-17").status()).isEqualTo(403);
        assertThat(Http.api(port).get("/api/v1/holidays/2026-08-17").status()).isEqualTo(200);
    }

    private JsonNode audited(String action, String day) {
        return Http.JSON.readTree(jdbc.sql("""
                        select details::text from audit_event where action = ? and subject = ? and actor = 'admin'
                         order by id desc limit 1""").params(action, "holiday:" + day).query(String.class).single());
    }

    private static JsonNode find(JsonNode items, String day) {
        for (JsonNode item : items) {
            if (item.get("day").asString().equals(day)) {
                return item;
            }
        }
        throw new AssertionError("No holiday on " + day + " in " + items);
    }

    private static List<String> fields(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response.json().get("errors").valueStream()
                .map(e -> e.get("field").asString() + " " + e.get("code").asString()).toList();
    }
}
