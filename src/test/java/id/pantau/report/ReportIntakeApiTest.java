package id.pantau.report;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import id.pantau.support.Accounts;
import id.pantau.support.Clients;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import id.pantau.support.Parallel;
import id.pantau.support.PublishedEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/reports: every intake rule over HTTP. */
@IntegrationTest
class ReportIntakeApiTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PublishedEvents events;

    @Test
    void anAnonymousReportIsInitialInformationWithATrackingCode() {
        Http.Response response = Clients.fresh(port).post("/api/v1/reports", Reports.moneyPoliticsInJember());

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode receipt = response.json();
        assertThat(receipt.get("kind").asString()).isEqualTo("INFORMASI_AWAL");
        assertThat(receipt.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(receipt.get("trackingCode").asString()).matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]");
        assertThat(receipt.get("receivedAt").asString()).endsWith("+07:00");
        assertThat(receipt.get("reportingWindow").get("timely").asBoolean()).isTrue();
        assertThat(receipt.get("reportingWindow").get("deadline").asString()).endsWith("+07:00");
        assertThat(receipt.get("reportingWindow").get("counting").asString()).isEqualTo("WORKING_DAYS");
        assertThat(receipt.get("uploadToken").asString()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(response.header("Location")).isEqualTo("/api/v1/reports/" + receipt.get("id").asString());
    }

    @Test
    void anIdentifiedReporterFilesALaporanAndStaffFileATemuan() {
        assertThat(Reports.submit(port, Reports.identified(Reports.moneyPoliticsInJember())).get("kind").asString())
                .isEqualTo("LAPORAN");

        var staff = new Accounts(Http.api(port)).create("panwascam", List.of("STAFF"), "35.09.01");
        Http.Response finding = Http.api(port).bearer(staff.token()).post("/api/v1/reports", Reports.moneyPoliticsInJember());
        assertThat(finding.json().get("kind").asString()).isEqualTo("TEMUAN");
        assertThat(jdbc.sql("select submitted_by from report where id = ?::uuid").param(finding.json().get("id").asString())
                .query(Long.class).single()).isEqualTo(staff.id());
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        var body = Reports.with(Reports.moneyPoliticsInJember(),
                "category", "BRIBERY", "title", "x", "description", "short",
                "occurredAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).toString(),
                "regionCode", "35.99", "tps", 5000,
                "reporter", Map.of("name", "Budi", "nik", "3509013102850001", "phone", "12345", "email", "not-an-email"));

        Http.Response response = Clients.fresh(port).post("/api/v1/reports", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors")).extracting(e -> e.get("field").asString()).containsExactlyInAnyOrder(
                "category", "title", "description", "occurredAt", "regionCode", "tps",
                "reporter.nik", "reporter.phone", "reporter.email");
    }

    @Test
    void whatHappenedCannotBeKnownBeforeItHappened() {
        var body = Reports.with(Reports.moneyPoliticsInJember(),
                "occurredAt", "2026-01-10T10:00:00+07:00", "knownAt", "2026-01-09T10:00:00+07:00");

        assertThat(fields(Clients.fresh(port).post("/api/v1/reports", body))).containsExactly("occurredAt");
    }

    @Test
    void whenItBecameKnownCannotLieInTheFuture() {
        var body = Reports.with(Reports.moneyPoliticsInJember(),
                "knownAt", OffsetDateTime.now(ZoneOffset.ofHours(7)).plusHours(3).toString());

        assertThat(fields(Clients.fresh(port).post("/api/v1/reports", body))).containsExactly("knownAt");
    }

    @Test
    void aProvinceIsTooBroadAndATpsNeedsAVillage() {
        assertThat(fields(Clients.fresh(port).post("/api/v1/reports",
                Reports.with(Reports.moneyPoliticsInJember(), "regionCode", "35")))).containsExactly("regionCode");
        assertThat(fields(Clients.fresh(port).post("/api/v1/reports",
                Reports.with(Reports.moneyPoliticsInJember(), "regionCode", "35.09", "tps", 3)))).containsExactly("tps");
    }

    @Test
    void aLocationMustLieInTheChosenRegion() {
        // Jember city is in 35.09, not in Kota Batu (35.79)
        var inJember = Reports.with(Reports.moneyPoliticsInJember(), "regionCode", "35.09", "location", Map.of("lat", -8.17, "lon", 113.70));
        var elsewhere = Reports.with(Reports.moneyPoliticsInJember(), "regionCode", "35.79", "location", Map.of("lat", -8.17, "lon", 113.70));
        var abroad = Reports.with(Reports.moneyPoliticsInJember(), "regionCode", "35.09", "location", Map.of("lat", 51.5, "lon", -0.1));

        assertThat(Clients.fresh(port).post("/api/v1/reports", inJember).status()).isEqualTo(201);
        assertThat(fields(Clients.fresh(port).post("/api/v1/reports", elsewhere))).containsExactly("location");
        assertThat(fields(Clients.fresh(port).post("/api/v1/reports", abroad))).containsExactly("location");
    }

    @Test
    void subcategoriesAndActsMustBelongToTheirCategory() {
        var wrongSubtype = Reports.with(Reports.moneyPoliticsInJember(), "subcategory", "NEUTRALITY_ASN");
        var neutrality = Reports.with(Reports.moneyPoliticsInJember(), "category", "NEUTRALITY", "subcategory", "NEUTRALITY_ASN",
                "act", "ACT_PHOTO");

        assertThat(fields(Clients.fresh(port).post("/api/v1/reports", wrongSubtype))).containsExactly("subcategory");
        assertThat(Clients.fresh(port).post("/api/v1/reports", neutrality).status()).isEqualTo(201);
    }

    @Test
    void aLateReportIsStoredAndFlaggedNotRefused() {
        var body = Reports.with(Reports.moneyPoliticsInJember(),
                "occurredAt", OffsetDateTime.now(ZoneOffset.ofHours(7)).minusDays(40).toString(),
                "knownAt", OffsetDateTime.now(ZoneOffset.ofHours(7)).minusDays(30).toString());

        JsonNode receipt = Reports.submit(port, body);

        assertThat(receipt.get("reportingWindow").get("timely").asBoolean()).isFalse();
        assertThat(jdbc.sql("select timely from report where id = ?::uuid").param(receipt.get("id").asString())
                .query(Boolean.class).single()).isFalse();
    }

    @Test
    void theDescriptionHasAnUpperLimitAndTheBodyToo() {
        var tooLong = Reports.with(Reports.moneyPoliticsInJember(), "description", "a".repeat(10_001));
        var huge = Reports.with(Reports.moneyPoliticsInJember(), "description", "a".repeat(300_000));

        assertThat(fields(Clients.fresh(port).post("/api/v1/reports", tooLong))).containsExactly("description");
        Http.Response refused = Clients.fresh(port).post("/api/v1/reports", huge);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
    }

    @Test
    void aBadDateNamesTheField() {
        Http.Response response = Clients.fresh(port).post("/api/v1/reports",
                Reports.with(Reports.moneyPoliticsInJember(), "occurredAt", "kemarin sore"));

        assertThat(fields(response)).containsExactly("occurredAt");
    }

    @Test
    void theSameKeyAndBodyReturnTheFirstReceiptAndAnotherBodyIsRefused() {
        Http client = Clients.fresh(port).header("Idempotency-Key", UUID.randomUUID().toString());
        var body = Reports.moneyPoliticsInJember();

        Http.Response first = client.post("/api/v1/reports", body);
        Http.Response again = client.post("/api/v1/reports", body);
        Http.Response other = client.post("/api/v1/reports", Reports.with(body, "title", "Lain lagi"));

        assertThat(again.json().get("trackingCode")).isEqualTo(first.json().get("trackingCode"));
        assertThat(again.json().get("uploadToken")).isEqualTo(first.json().get("uploadToken"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(reportsWithTracking(first.json().get("trackingCode").asString())).isEqualTo(1);
    }

    @Test
    void twentyParallelRetriesStoreOneReport() throws Exception {
        Http client = Clients.fresh(port).header("Idempotency-Key", UUID.randomUUID().toString());
        var body = Reports.with(Reports.moneyPoliticsInJember(), "title", "Serangan fajar " + UUID.randomUUID());
        List<Http.Response> responses = Parallel.times(20, () -> client.post("/api/v1/reports", body));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
        assertThat(jdbc.sql("select count(*) from report where title = ?").param(body.get("title")).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void submittedReportsAreAnnounced() {
        JsonNode receipt = Reports.submit(port, Reports.moneyPoliticsInJember());
        String id = receipt.get("id").asString();

        ReportSubmitted event = events.await(ReportSubmitted.class, e -> e.reportId().toString().equals(id));

        assertThat(event.kind()).isEqualTo(ReportKind.INFORMASI_AWAL);
        assertThat(event.categoryCode()).isEqualTo("MONEY_POLITICS");
        assertThat(event.hazard()).isFalse();
        assertThat(event.regionCode().value()).isEqualTo("35.09.01.2001");
        assertThat(event.trackingCode()).isEqualTo(receipt.get("trackingCode").asString());
    }

    @Test
    void hazardsAreAnnouncedAsAlerts() {
        JsonNode receipt = Reports.submit(port, Reports.with(Reports.moneyPoliticsInJember(), "category", "HAZARD_DISASTER",
                "subcategory", "DISASTER_FLOOD", "title", "Banjir di TPS", "description", "Air setinggi lutut menggenangi TPS 3 sejak pagi."));

        assertThat(events.await(ReportSubmitted.class, e -> e.reportId().toString().equals(receipt.get("id").asString())).hazard())
                .isTrue();
    }

    @Test
    void publicReportsAreRateLimitedPerClient() {
        Http client = Clients.fresh(port);
        Http.Response last = null;
        for (int i = 0; i < 21; i++) {
            last = client.post("/api/v1/reports", Reports.with(Reports.moneyPoliticsInJember(), "title", "Spam " + i));
        }

        assertThat(last.status()).isEqualTo(429);
        assertThat(Long.parseLong(last.header("Retry-After"))).isPositive();
        assertThat(Clients.fresh(port).post("/api/v1/reports", Reports.moneyPoliticsInJember()).status()).isEqualTo(201);
    }

    @Test
    void theTaxonomyListsNeutralityWithItsSubjectsAndActs() {
        JsonNode categories = Http.api(port).get("/api/v1/categories").json();

        JsonNode neutrality = null;
        for (JsonNode c : categories.get("items")) {
            if (c.get("code").asString().equals("NEUTRALITY")) {
                neutrality = c;
            }
        }
        assertThat(neutrality).isNotNull();
        assertThat(neutrality.get("labelId").asString()).contains("Netralitas");
        assertThat(neutrality.get("subcategories")).extracting(s -> s.get("code").asString())
                .contains("NEUTRALITY_ASN", "NEUTRALITY_TNI", "NEUTRALITY_POLRI", "NEUTRALITY_VILLAGE");
        assertThat(neutrality.get("acts")).hasSize(14);
        assertThat(categories.get("items")).extracting(c -> c.get("kind").asString()).contains("HAZARD");
    }

    @Test
    void everyCategoryAndOptionIsLabelledInIndonesianAndEnglish() {
        JsonNode categories = Http.api(port).get("/api/v1/categories").json().get("items");

        assertThat(categories).extracting(c -> c.get("code").asString()).containsExactlyInAnyOrder(
                "NEUTRALITY", "MONEY_POLITICS", "CAMPAIGN", "VOTER_LIST", "INTIMIDATION", "OFFICIAL_MISCONDUCT",
                "VOTING_COUNTING", "HAZARD_DISASTER", "HAZARD_LOGISTICS", "HAZARD_SECURITY", "OTHER");
        List<JsonNode> labelled = new ArrayList<>();
        categories.forEach(c -> {
            labelled.add(c);
            c.get("subcategories").forEach(labelled::add);
            c.get("acts").forEach(labelled::add);
        });
        assertThat(labelled).allSatisfy(entry -> {
            assertThat(entry.get("labelId").asString()).as(entry.get("code").asString()).isNotBlank();
            assertThat(entry.get("labelEn").asString()).as(entry.get("code").asString()).isNotBlank();
        });
        JsonNode voterList = categories.valueStream().filter(c -> c.get("code").asString().equals("VOTER_LIST")).findFirst().orElseThrow();
        assertThat(voterList.get("subcategories")).extracting(s -> s.get("code").asString())
                .contains("VOTER_MIGRANT_WORKER", "VOTER_WRONG_DOMICILE", "VOTER_DUPLICATE", "VOTER_DECEASED", "VOTER_MINOR");
    }

    private long reportsWithTracking(String code) {
        return jdbc.sql("select count(*) from report where tracking_code = ?").param(code).query(Long.class).single();
    }

    static List<String> fields(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }
}
