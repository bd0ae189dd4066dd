package id.pantau.casework;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static id.pantau.casework.CaseFixtures.FULL_CHECKLIST;
import static id.pantau.casework.CaseFixtures.act;
import static id.pantau.casework.CaseFixtures.actOk;
import static id.pantau.casework.CaseFixtures.detail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Register numbers of one office under concurrent registration: 1..N without gaps or repeats,
 * and a registration that fails gives its number back. The office is Kota Jayapura (91.71, WIT),
 * which no other test reports in; the register month and year are Jayapura's.
 */
@IntegrationTest
class RegisterNumberConcurrencyTest {

    static final String OFFICE = "91.71";
    static final List<String> VILLAGES = List.of("91.71.01.1001", "91.71.02.1001", "91.71.03.1002", "91.71.04.1004",
            "91.71.05.1001");
    static final ZoneId WIT = ZoneId.of("Asia/Jayapura");
    static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};
    static final Pattern NUMBER = Pattern.compile("(\\d{3})/Reg/(LP|TM)/PL/Kota/91\\.71/([IVX]+)/(\\d{4})");
    static final int REGISTERED = 30;

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    record Filed(String caseId, String kind) {
    }

    @Test
    void thirtyConcurrentRegistrationsOfOneOfficeGetTheNumbers1To30AndFailedOnesGiveTheirsBack() throws Exception {
        var staff = new Accounts(Http.api(port)).create("register-staff", List.of("STAFF"), OFFICE);
        Http api = Http.api(port).bearer(staff.token());
        LocalDate before = LocalDate.now(WIT);

        // a third each: reports (LP), initial information (TM) and findings by the staff member (TM)
        List<JsonNode> reports = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < REGISTERED + 4; i++) {
            String village = VILLAGES.get(i % VILLAGES.size());
            switch (i % 3) {
                case 0 -> {
                    reports.add(CaseFixtures.identified(port, village));
                    kinds.add("LP");
                }
                case 1 -> {
                    reports.add(CaseFixtures.anonymous(port, village));
                    kinds.add("TM");
                }
                default -> {
                    reports.add(CaseFixtures.finding(port, staff.token(), village));
                    kinds.add("TM");
                }
            }
        }
        List<Filed> cases = awaitCases(api, reports, kinds);
        List<Callable<Http.Response>> reviews = cases.stream()
                .<Callable<Http.Response>>map(c -> () -> act(api, c.caseId(), Map.of("action", "BEGIN_REVIEW"))).toList();
        assertThat(all(reviews)).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));

        List<Filed> registering = cases.subList(0, REGISTERED);
        List<Filed> failing = cases.subList(REGISTERED, cases.size());
        List<Callable<Http.Response>> calls = new ArrayList<>();
        for (int i = 0; i < REGISTERED; i++) {
            Filed c = registering.get(i);
            calls.add(() -> act(api, c.caseId(), Map.of("action", "REGISTER", "checklist", FULL_CHECKLIST)));
            if (i % 8 == 3) {
                // in between: registrations that fail, before and after taking a number
                Filed bad = failing.get(i / 8);
                calls.add(i % 16 == 3
                        ? () -> act(api, bad.caseId(), Map.of("action", "REGISTER", "checklist", List.of("DESCRIPTION")))
                        : () -> act(api, bad.caseId(), Map.of("action", "REGISTER", "checklist", FULL_CHECKLIST,
                        "documentIds", List.of(UUID.randomUUID().toString()))));
            }
        }
        List<Http.Response> responses = all(calls);

        List<Http.Response> failed = responses.stream().filter(r -> r.status() != 200).toList();
        assertThat(failed).hasSize(4).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(400));
        assertThat(failed).filteredOn(r -> r.body().contains("\"checklist\"")).hasSize(2);
        assertThat(failed).filteredOn(r -> r.body().contains("\"documentIds\"")).hasSize(2);
        LocalDate after = LocalDate.now(WIT);
        Map<Integer, String> numbers = new HashMap<>();
        for (Filed c : registering) {
            JsonNode registered = detail(api, c.caseId());
            assertThat(registered.get("stage").asString()).isEqualTo("REGISTERED");
            String number = registered.get("registerNumber").asString();
            Matcher m = NUMBER.matcher(number);
            assertThat(m.matches()).as(number).isTrue();
            assertThat(m.group(2)).as(number).isEqualTo(c.kind());
            assertThat(List.of(ROMAN[before.getMonthValue() - 1] + "/" + before.getYear(),
                    ROMAN[after.getMonthValue() - 1] + "/" + after.getYear())).contains(m.group(3) + "/" + m.group(4));
            // the month and year are those of the registration day in Jayapura, as the case shows it
            String registeredAt = registered.get("registeredAt").asString();
            assertThat(registeredAt).endsWith("+09:00");
            LocalDate registeredOn = java.time.OffsetDateTime.parse(registeredAt).toLocalDate();
            assertThat(m.group(3) + "/" + m.group(4))
                    .isEqualTo(ROMAN[registeredOn.getMonthValue() - 1] + "/" + registeredOn.getYear());
            assertThat(numbers.put(Integer.parseInt(m.group(1)), number)).as("duplicate " + number).isNull();
        }
        assertThat(numbers.keySet()).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, REGISTERED).boxed().toList());
        for (Filed bad : failing) {
            JsonNode unchanged = detail(api, bad.caseId());
            assertThat(unchanged.get("stage").asString()).isEqualTo("PRELIMINARY_REVIEW");
            assertThat(unchanged.get("registerNumber").isNull()).isTrue();
        }
        int year = Integer.parseInt(NUMBER.matcher(numbers.get(1)).replaceAll("$4"));
        assertThat(lastValue(year)).isEqualTo(REGISTERED);

        // the failed ones, corrected, carry on the sequence
        for (int i = 0; i < failing.size(); i++) {
            String number = actOk(api, failing.get(i).caseId(), "action", "REGISTER", "checklist", FULL_CHECKLIST)
                    .get("registerNumber").asString();
            assertThat(number).startsWith("%03d/Reg/%s/PL/Kota/91.71/".formatted(REGISTERED + 1 + i, failing.get(i).kind()));
        }
        assertThat(lastValue(year)).isEqualTo(REGISTERED + failing.size());
        assertThat(jdbc.sql("select count(*) from legal_case where office_code = ? and register_number like ?")
                .params(OFFICE, "%/" + year).query(Long.class).single()).isEqualTo(REGISTERED + failing.size());
    }

    @Test
    void eachOfficeCountsOnItsOwn() {
        // Kabupaten Jayapura (91.03): a regency next door with a sequence of its own
        var staff = new Accounts(Http.api(port)).create("register-kab", List.of("STAFF"), "91.03");
        Http api = Http.api(port).bearer(staff.token());
        String id = CaseFixtures.caseId(api, CaseFixtures.identified(port, "91.03.01.1001"));
        actOk(api, id, "action", "BEGIN_REVIEW");
        LocalDate today = LocalDate.now(WIT);

        String number = actOk(api, id, "action", "REGISTER", "checklist", FULL_CHECKLIST).get("registerNumber").asString();

        LocalDate later = LocalDate.now(WIT);
        assertThat(number).isIn("001/Reg/LP/PL/Kab/91.03/" + ROMAN[today.getMonthValue() - 1] + "/" + today.getYear(),
                "001/Reg/LP/PL/Kab/91.03/" + ROMAN[later.getMonthValue() - 1] + "/" + later.getYear());
        Http.Response again = act(api, id, Map.of("action", "REGISTER", "checklist", FULL_CHECKLIST));
        assertThat(again.status()).isEqualTo(409);
        assertThat(detail(api, id).get("registerNumber").asString()).isEqualTo(number);
    }

    int lastValue(int year) {
        return jdbc.sql("select last_value from register_sequence where office_key = ? and year = ?")
                .params(OFFICE, year).query(Integer.class).single();
    }

    List<Filed> awaitCases(Http api, List<JsonNode> reports, List<String> kinds) {
        Map<String, Integer> wanted = new HashMap<>();
        for (int i = 0; i < reports.size(); i++) {
            wanted.put(reports.get(i).get("trackingCode").asString(), i);
        }
        JsonNode items = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/v1/cases?size=1000&region=" + OFFICE).json().get("items"), found -> {
                    int n = 0;
                    for (JsonNode item : found) {
                        n += wanted.containsKey(item.get("trackingCodes").get(0).asString()) ? 1 : 0;
                    }
                    return n == wanted.size();
                });
        Filed[] cases = new Filed[reports.size()];
        for (JsonNode item : items) {
            Integer i = wanted.get(item.get("trackingCodes").get(0).asString());
            if (i != null) {
                assertThat(item.get("kind").asString()).isEqualTo(kinds.get(i));
                assertThat(item.get("office").get("code").asString()).isEqualTo(OFFICE);
                assertThat(item.get("office").get("timeZone").asString()).isEqualTo("Asia/Jayapura");
                cases[i] = new Filed(item.get("id").asString(), kinds.get(i));
            }
        }
        return List.of(cases);
    }

    /** Runs the calls at once, released together by a start gate. */
    static List<Http.Response> all(List<Callable<Http.Response>> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Http.Response>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(calls.size())) {
            for (Callable<Http.Response> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Http.Response> responses = new ArrayList<>();
            for (Future<Http.Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        }
    }
}
