package id.pantau.casework;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import id.pantau.report.Reports;
import id.pantau.support.Clients;
import id.pantau.support.Http;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shared steps of the case handling tests: reports nobody else's resemble (so duplicate
 * detection never links tests), waiting for the asynchronously opened case, taking actions and
 * reading problems.
 */
public final class CaseFixtures {

    /** Every requirement of a report (LP). */
    public static final List<String> FULL_CHECKLIST = List.of("REPORTER_IDENTITY", "REPORTER_STANDING", "REPORTED_PARTY",
            "WITHIN_WINDOW", "TIME_AND_PLACE", "DESCRIPTION", "EVIDENCE");
    /** What a finding (TM) must meet: no outside reporter, so no identity or standing. */
    public static final List<String> FINDING_CHECKLIST = List.of("REPORTED_PARTY", "WITHIN_WINDOW", "TIME_AND_PLACE",
            "DESCRIPTION", "EVIDENCE");

    private CaseFixtures() {
    }

    /** A money-politics report in {@code village} whose title and text resemble no other report. */
    public static Map<String, Object> uniqueReport(String village) {
        return Reports.with(Reports.moneyPoliticsInJember(), "regionCode", village,
                "title", "Laporan " + UUID.randomUUID(),
                "description", "Kejadian " + UUID.randomUUID() + " " + UUID.randomUUID());
    }

    /** Initial information (no reporter): its case is a TM. */
    public static JsonNode anonymous(int port, String village) {
        return Reports.submit(port, uniqueReport(village));
    }

    /** A report with an identified reporter (LAPORAN): its case is an LP. */
    public static JsonNode identified(int port, String village) {
        return Reports.submit(port, Reports.identified(uniqueReport(village)));
    }

    /** A finding (TEMUAN) filed by a signed-in supervisor: its case is a TM. */
    public static JsonNode finding(int port, String staffToken, String village) {
        Http.Response response = Clients.fresh(port).bearer(staffToken).post("/api/v1/reports", uniqueReport(village));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("kind").asString()).isEqualTo("TEMUAN");
        return response.json();
    }

    /** Waits until the case of the report shows in the queue of {@code api}'s account; returns its queue item. */
    public static JsonNode awaitCase(Http api, String reportId) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> api.get("/api/v1/cases?reportId=" + reportId).json().get("items"), items -> items.size() == 1)
                .get(0);
    }

    public static String caseId(Http api, JsonNode report) {
        return awaitCase(api, report.get("id").asString()).get("id").asString();
    }

    public static Http.Response act(Http api, String caseId, Map<String, ?> body) {
        return api.post("/api/v1/cases/" + caseId + "/actions", body);
    }

    /** Takes an action that must succeed; returns the case after it. */
    public static JsonNode actOk(Http api, String caseId, Object... keysAndValues) {
        Http.Response response = act(api, caseId, body(keysAndValues));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    public static JsonNode detail(Http api, String caseId) {
        Http.Response response = api.get("/api/v1/cases/" + caseId);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** A JSON object in the order given (nulls allowed, unlike Map.of). */
    public static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }

    /** Reviews and registers a case in RECEIVED. */
    public static JsonNode register(Http api, String caseId, List<String> checklist) {
        actOk(api, caseId, "action", "BEGIN_REVIEW");
        return actOk(api, caseId, "action", "REGISTER", "checklist", checklist);
    }

    public static List<String> actions(JsonNode detail) {
        List<String> actions = new ArrayList<>();
        detail.get("history").forEach(step -> actions.add(step.get("action").asString()));
        return actions;
    }

    public static long count(JsonNode detail, String action) {
        return actions(detail).stream().filter(action::equals).count();
    }

    public static JsonNode lastStep(JsonNode detail) {
        JsonNode history = detail.get("history");
        return history.get(history.size() - 1);
    }

    public static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    public static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    /** A 400 problem naming {@code field} among its errors. */
    public static void assertInvalid(Http.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors")).as(response.toString())
                .extracting(error -> error.get("field").asString()).contains(field);
    }

    /** The public status page of a report, as a new visitor sees it. */
    public static JsonNode track(int port, String trackingCode) {
        Http.Response response = Clients.fresh(port).get("/api/v1/track/" + trackingCode);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
