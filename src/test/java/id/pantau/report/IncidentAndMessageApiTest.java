package id.pantau.report;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import id.pantau.support.Accounts;
import id.pantau.support.Clients;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import id.pantau.support.PublishedEvents;
import id.pantau.support.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Duplicate reports grouped into incidents, text messages from gateways, and elections. */
@IntegrationTest
class IncidentAndMessageApiTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PublishedEvents events;

    // ---- incidents

    @Test
    void twoReportsOfOneIncidentAreSuggestedAsOneAndStaffConfirmOrSplitThem() {
        // a village of its own, so that no other test's reports join in
        String village = "35.09.02.2003";
        var first = Reports.submit(port, Reports.with(Reports.moneyPoliticsInJember(), "regionCode", village,
                "description", "Tim sukses membagikan amplop berisi uang lima puluh ribu kepada warga di depan masjid."));
        var second = Reports.submit(port, Reports.with(Reports.moneyPoliticsInJember(), "regionCode", village,
                "description", "Ada pembagian amplop berisi uang lima puluh ribu di depan masjid oleh tim sukses calon."));
        var unrelated = Reports.submit(port, Reports.with(Reports.moneyPoliticsInJember(), "regionCode", village,
                "description", "Spanduk calon dipasang di pohon pinggir jalan raya sejak kemarin malam."));

        IncidentChanged suggested = events.await(IncidentChanged.class,
                e -> e.reportIds().contains(UUID.fromString(second.get("id").asString())));
        assertThat(suggested.reportIds()).containsExactlyInAnyOrder(
                UUID.fromString(first.get("id").asString()), UUID.fromString(second.get("id").asString()));
        assertThat(suggested.confirmed()).isFalse();
        events.await(ReportSubmitted.class, e -> e.reportId().toString().equals(unrelated.get("id").asString()));
        assertThat(incidentOf(unrelated)).isNull();

        var staff = new Accounts(Http.api(port)).create("incident-staff", List.of("STAFF"), "35.09");
        Http api = Http.api(port).bearer(staff.token());
        JsonNode incident = api.get("/api/v1/incidents/" + suggested.incidentId()).json();
        assertThat(incident.get("status").asString()).isEqualTo("SUGGESTED");
        assertThat(incident.get("reports")).hasSize(2);

        assertThat(api.post("/api/v1/incidents/" + suggested.incidentId() + "/confirm", Map.of()).json().get("status").asString())
                .isEqualTo("CONFIRMED");
        var outsider = new Accounts(Http.api(port)).create("incident-outsider", List.of("STAFF"), "33.01");
        assertThat(Http.api(port).bearer(outsider.token()).get("/api/v1/incidents/" + suggested.incidentId()).status()).isEqualTo(403);

        Http.Response split = api.post("/api/v1/incidents/" + suggested.incidentId() + "/split",
                Map.of("reportIds", List.of(second.get("id").asString())));
        assertThat(split.status()).isEqualTo(204);
        assertThat(incidentOf(first)).isNull();
        assertThat(incidentOf(second)).isNull();
    }

    @Test
    void staffMergeReportsIntoAnIncident() {
        String village = "35.09.03.2004";
        var a = Reports.submit(port, Reports.with(Reports.moneyPoliticsInJember(), "regionCode", village,
                "description", "Pembagian uang tunai di pasar desa oleh orang tak dikenal pada pagi hari."));
        var b = Reports.submit(port, Reports.with(Reports.moneyPoliticsInJember(), "regionCode", village,
                "description", "Pembagian uang tunai di pasar desa oleh orang tak dikenal, sekitar jam tujuh pagi."));
        var c = Reports.submit(port, Reports.with(Reports.moneyPoliticsInJember(), "regionCode", village,
                "description", "Warga menerima kupon yang bisa ditukar beras di rumah kepala dusun."));
        IncidentChanged suggested = events.await(IncidentChanged.class,
                e -> e.reportIds().contains(UUID.fromString(b.get("id").asString())));
        events.await(ReportSubmitted.class, e -> e.reportId().toString().equals(c.get("id").asString()));

        var staff = new Accounts(Http.api(port)).create("merge-staff", List.of("STAFF"), "35.09.03");
        JsonNode merged = Http.api(port).bearer(staff.token()).post("/api/v1/incidents/" + suggested.incidentId() + "/merge",
                Map.of("reportIds", List.of(c.get("id").asString()))).json();

        assertThat(merged.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(merged.get("reports")).extracting(r -> r.get("id").asString())
                .containsExactlyInAnyOrder(a.get("id").asString(), b.get("id").asString(), c.get("id").asString());
    }

    @Test
    void reportsFarApartOrOfAnotherCategoryAreNotDuplicates() {
        String text = "Oknum kepala desa mengarahkan warga untuk memilih calon tertentu saat rapat desa.";
        var here = Reports.submit(port, Reports.with(Reports.moneyPoliticsInJember(), "regionCode", "35.09.04.2001", "description", text));
        var otherCategory = Reports.submit(port, Reports.with(Reports.moneyPoliticsInJember(), "regionCode", "35.09.04.2001",
                "category", "NEUTRALITY", "subcategory", "NEUTRALITY_VILLAGE", "description", text));
        var otherVillage = Reports.submit(port, Reports.with(Reports.moneyPoliticsInJember(), "regionCode", "35.09.05.2001", "description", text));

        for (JsonNode report : List.of(here, otherCategory, otherVillage)) {
            events.await(ReportSubmitted.class, e -> e.reportId().toString().equals(report.get("id").asString()));
            assertThat(incidentOf(report)).isNull();
        }
    }

    // ---- text messages

    @Test
    void aCodedTextMessageBecomesAReportAndTheReplyCarriesItsTrackingCode() {
        Http.Response answer = sms("+6281233344455", "LAPOR 35.09.01 UANG amplop dibagikan di depan masjid");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("outcome").asString()).isEqualTo("REPORTED");
        String code = answer.json().get("trackingCode").asString();
        assertThat(answer.json().get("reply").asString()).contains("Terima kasih", code);
        JsonNode report = jdbc.sql("select row_to_json(r)::text from report r where tracking_code = ?").param(code)
                .query((rs, i) -> Http.JSON.readTree(rs.getString(1))).single();
        assertThat(report.get("channel").asString()).isEqualTo("SMS");
        assertThat(report.get("kind").asString()).isEqualTo("INFORMASI_AWAL");
        assertThat(report.get("category_code").asString()).isEqualTo("MONEY_POLITICS");
        assertThat(report.get("region_code").asString()).isEqualTo("35.09.01");
        assertThat(report.toString()).doesNotContain("6281233344455");
    }

    @Test
    void aRegionNameWorksToo() {
        Http.Response answer = sms("+6281200000001", "lapor jember netral camat ikut kampanye calon bupati");

        assertThat(answer.json().get("outcome").asString()).isEqualTo("REPORTED");
        assertThat(jdbc.sql("select region_code from report where tracking_code = ?")
                .param(answer.json().get("trackingCode").asString()).query(String.class).single()).isEqualTo("35.09");
    }

    @Test
    void aMalformedMessageGetsHelpAndIsKeptAsUnparsedInformation() {
        String text = "tolong ada bagi2 duit " + UUID.randomUUID();

        Http.Response answer = sms("+6281299988877", text);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("outcome").asString()).isEqualTo("UNREADABLE");
        assertThat(answer.json().get("reply").asString()).contains("Format: LAPOR");
        assertThat(jdbc.sql("select outcome from inbound_message where text = ?").param(text).query(String.class).single())
                .isEqualTo("UNREADABLE");
    }

    @Test
    void nationalStaffReadTheUnparsedMessagesWithMaskedSenders() {
        String text = "ada yang aneh di tps kami " + UUID.randomUUID();
        sms("+6281277788899", text);
        var accounts = new Accounts(Http.api(port));
        var national = accounts.create("national-staff", List.of("STAFF"), "");
        var regional = accounts.create("regional-staff", List.of("STAFF"), "35.09");

        JsonNode page = Http.api(port).bearer(national.token()).get("/api/v1/inbound/messages?size=1000").json();

        JsonNode mine = null;
        for (JsonNode message : page.get("items")) {
            if (message.get("text").asString().equals(text)) {
                mine = message;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("sender").asString()).isEqualTo("+628********99");
        assertThat(mine.get("problem").asString()).isEqualTo("UNKNOWN_COMMAND");
        assertThat(Http.api(port).bearer(regional.token()).get("/api/v1/inbound/messages").status()).isEqualTo(403);
        assertThat(Http.api(port).bearer(national.token()).get("/api/v1/inbound/messages?outcome=LOST").status()).isEqualTo(400);
    }

    @Test
    void aGatewayRetryGetsTheSameReplyAndStoresNothingTwice() {
        String body = Http.JSON.writeValueAsString(Map.of("from", "+6281211122233",
                "text", "LAPOR 35.09.01 UANG warga diberi uang dua puluh ribu " + UUID.randomUUID(),
                "receivedAt", "2026-11-20T08:15:00+07:00"));

        Http.Response first = signed(body);
        Http.Response retry = signed(body);

        assertThat(retry.json().get("trackingCode")).isEqualTo(first.json().get("trackingCode"));
        assertThat(jdbc.sql("select count(*) from report where tracking_code = ?")
                .param(first.json().get("trackingCode").asString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theStatusCanBeAskedByTextMessage() {
        String code = sms("+6281200000002", "LAPOR 35.09.01 UANG amplop dibagikan di balai desa sore ini").json()
                .get("trackingCode").asString();

        Http.Response answer = sms("+6281200000002", "CEK " + code);

        assertThat(answer.json().get("outcome").asString()).isEqualTo("TRACK");
        assertThat(answer.json().get("reply").asString()).contains(code, "Diterima");
    }

    @Test
    void anUnsignedOrWronglySignedMessageIsRefused() {
        String body = Http.JSON.writeValueAsString(Map.of("from", "+62812", "text", "LAPOR 35.09 UANG sesuatu terjadi di sini"));

        assertThat(Http.api(port).post("/api/v1/inbound/messages", body).status()).isEqualTo(401);
        assertThat(Http.api(port).header("X-Pantau-Signature", "sha256=00").post("/api/v1/inbound/messages", body).status())
                .isEqualTo(401);
    }

    // ---- elections

    @Test
    void anAdministratorDefinesAPilkadaAndReportsFromItsRegionBelongToIt() {
        String admin = new Accounts(Http.api(port)).adminToken();
        LocalDate voting = LocalDate.now().plusMonths(2);
        Http.Response created = Http.api(port).bearer(admin).post("/api/v1/elections", Map.of(
                "name", "Pilkada Kota Batu " + UUID.randomUUID().toString().substring(0, 4), "type", "PILKADA",
                "votingDay", voting.toString(), "regionCode", "35.79"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long election = created.json().get("id").asLong();

        JsonNode receipt = Reports.submit(port, Reports.with(Reports.moneyPoliticsInJember(), "regionCode", "35.79.01"));

        assertThat(jdbc.sql("select election_id from report where id = ?::uuid").param(receipt.get("id").asString())
                .query(Long.class).single()).isEqualTo(election);
        assertThat(receipt.get("reportingWindow").get("counting").asString()).isEqualTo("CALENDAR_DAYS");
        assertThat(Http.api(port).get("/api/v1/elections").json().get("items")).extracting(e -> e.get("id").asLong()).contains(election);
        // a report from elsewhere cannot name it
        Http.Response elsewhere = Clients.fresh(port).post("/api/v1/reports",
                Reports.with(Reports.moneyPoliticsInJember(), "electionId", election));
        assertThat(ReportIntakeApiTest.fields(elsewhere)).containsExactly("electionId");
    }

    @Test
    void electionsAreValidatedAndOnlyAdministratorsDefineThem() {
        String admin = new Accounts(Http.api(port)).adminToken();
        Http.Response invalid = Http.api(port).bearer(admin).post("/api/v1/elections", Map.of(
                "name", "", "type", "PEMILIHAN", "regionCode", "35.09.01"));
        assertThat(ReportIntakeApiTest.fields(invalid)).containsExactlyInAnyOrder("name", "type", "votingDay", "regionCode");

        var staff = new Accounts(Http.api(port)).create("election-staff", List.of("STAFF"), "35");
        assertThat(Http.api(port).bearer(staff.token()).post("/api/v1/elections", Map.of("name", "x", "type", "PEMILU",
                "votingDay", "2029-02-14")).status()).isEqualTo(403);
    }

    // ---- helpers

    private String incidentOf(JsonNode report) {
        return jdbc.sql("select incident_id::text from report where id = ?::uuid").param(report.get("id").asString())
                .query(String.class).optional().orElse(null);
    }

    private Http.Response sms(String from, String text) {
        return signed(Http.JSON.writeValueAsString(Map.of("from", from, "text", text,
                "receivedAt", OffsetDateTime.now(ZoneOffset.ofHours(7)).toString())));
    }

    private Http.Response signed(String body) {
        return Http.api(port).header("X-Pantau-Signature", signature(body)).post("/api/v1/inbound/messages", body);
    }

    static String signature(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(TestDatabaseInitializer.SMS_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
