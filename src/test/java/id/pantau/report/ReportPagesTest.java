package id.pantau.report;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.pantau.report.internal.TestImages;
import id.pantau.support.Accounts;
import id.pantau.support.Clients;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import id.pantau.support.PublishedEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The report pages over HTTP: the form without JavaScript, the tracking page, and the staff's pages. */
@IntegrationTest
class ReportPagesTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PublishedEvents events;

    @Test
    void theFormIsIndonesianLightAndListsTheTaxonomy() {
        Http.Response page = Http.api(port).get("/lapor");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"id\">", "Laporkan pelanggaran", "Politik uang",
                "Aparatur Sipil Negara (ASN)", "Berfoto bersama calon", "Jawa Timur", "/js/report-form.js");
        assertThat(page.body()).as("no htmx download on the report form").doesNotContain("htmx");
        assertThat(page.header("Set-Cookie")).as("no session for reporters").isNull();
        assertThat(Http.api(port).get("/lapor?lang=en").body()).contains("Report a violation", "Money politics");
    }

    @Test
    void withoutJavaScriptTheFormPostsAndLeadsToTheTrackingPage() throws Exception {
        Http browser = Http.browser(port).header("X-Forwarded-For", Clients.nextAddress());
        Map<String, String> fields = new HashMap<>(Map.of(
                "category", "MONEY_POLITICS", "title", "Amplop di pasar",
                "description", "Uang dibagikan kepada pedagang pasar oleh tim sukses nomor urut dua.",
                "occurredAt", LocalDateTime.now().minusHours(2).withNano(0).withSecond(0).toString(),
                "regionCode", "35.09.01.2001", "identified", "ya", "reporterName", "Dewi Lestari", "reporterPhone", "081355556666"));

        Http.Response posted = browser.postMultipart("/lapor", fields,
                List.of(new Http.Part("files", "bukti.jpg", "image/jpeg", ReportFollowUpApiTest.jpeg()),
                        new Http.Part("files", "bukan-foto.jpg", "image/jpeg", "<html></html>".getBytes())));

        assertThat(posted.status()).as(posted.toString()).isEqualTo(302);
        assertThat(posted.header("Location")).matches(".*/lacak/[2-9A-Z-]{16}\\?baru=1&ditolak=1");
        String code = posted.header("Location").replaceAll(".*/lacak/([^?]+).*", "$1");
        Http.Response tracking = browser.get("/lacak/" + code + "?baru=1&ditolak=1");
        assertThat(tracking.body()).contains(code, "Laporan Anda telah diterima", "1 berkas ditolak", "Diterima");
        assertThat(tracking.body()).doesNotContain("Dewi", "081355556666");
        JsonNode stored = jdbc.sql("select row_to_json(r)::text from report r where tracking_code = ?").param(code)
                .query((rs, i) -> Http.JSON.readTree(rs.getString(1))).single();
        assertThat(stored.get("kind").asString()).isEqualTo("LAPORAN");
        assertThat(stored.get("channel").asString()).isEqualTo("WEB");
        assertThat(jdbc.sql("select count(*) from evidence where report_id = ?::uuid").param(stored.get("id").asString())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aFormWithMistakesComesBackWithEveryMessageAndTheTypedValues() {
        Http.Response page = Http.browser(port).header("X-Forwarded-For", Clients.nextAddress())
                .postMultipart("/lapor", Map.of("category", "MONEY_POLITICS", "title", "Amplop", "description", "pendek",
                        "regionCode", "35"), List.of());

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("id=\"form-errors\"", "Uraian kejadian: Harus 10 sampai 10.000 karakter",
                "Waktu kejadian: Wajib diisi", "Wilayah: Pilih paling tidak kabupaten/kota", "value=\"Amplop\"");
    }

    @Test
    void theTrackingPageExplainsAnUnknownOrMistypedCode() {
        Http.Response unknown = Http.api(port).get("/lacak/" + TrackingCode.generate(new java.security.SecureRandom()).value());
        Http.Response mistyped = Http.api(port).get("/lacak/ABCD");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("tidak ditemukan");
        assertThat(mistyped.status()).isEqualTo(400);
        assertThat(Http.api(port).get("/lacak?kode=abcd+efgh").header("Location")).endsWith("/lacak/abcd-efgh");
    }

    @Test
    void staffListOpenAndRevealAReportOnTheirPages() {
        JsonNode receipt = Reports.submit(port, Reports.identified(Reports.with(Reports.moneyPoliticsInJember(),
                "title", "Laporan untuk halaman staf")));
        var staff = new Accounts(Http.api(port)).create("page-staff", List.of("STAFF"), "35.09");
        Http browser = Http.signedIn(port, staff.username());

        Http.Response list = browser.get("/reports?q=halaman+staf");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("Laporan untuk halaman staf", receipt.get("trackingCode").asString());
        // as the filter form sends it, with its empty fields
        Http.Response filtered = browser.get("/reports?q=halaman+staf&region=&category=&kind=&from=&to=");
        assertThat(filtered.status()).isEqualTo(200);
        assertThat(filtered.body()).contains("Laporan untuk halaman staf");

        String id = receipt.get("id").asString();
        Http.Response report = browser.get("/reports/" + id);
        assertThat(report.body()).contains("B*** S***", "Tampilkan data pribadi").doesNotContain("Budi Santoso");

        Http.Response revealed = browser.postForm("/reports/" + id + "/identity", "_csrf", report.csrfToken());
        assertThat(revealed.status()).isEqualTo(200);
        assertThat(revealed.body()).contains("Budi Santoso", "3509011201850001", "dicatat");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'PERSONAL_DATA_READ' and subject = ?")
                .param("report:" + id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void staffConfirmAndSplitAnIncidentFromTheReportPage() {
        String village = "35.09.06.2002";
        var first = Reports.submit(port, Reports.with(Reports.moneyPoliticsInJember(), "regionCode", village,
                "description", "Kepala dusun membagikan beras dan uang kepada warga yang berjanji memilih calon."));
        var second = Reports.submit(port, Reports.with(Reports.moneyPoliticsInJember(), "regionCode", village,
                "description", "Kepala dusun membagikan beras dan uang kepada warga yang mau memilih calon tertentu."));
        IncidentChanged suggested = events.await(IncidentChanged.class,
                e -> e.reportIds().contains(java.util.UUID.fromString(second.get("id").asString())));
        var staff = new Accounts(Http.api(port)).create("page-incident", List.of("STAFF"), "35.09.06");
        Http browser = Http.signedIn(port, staff.username());

        Http.Response page = browser.get("/reports/" + first.get("id").asString());
        assertThat(page.body()).contains("id=\"incident\"", "belum dikonfirmasi", second.get("trackingCode").asString());

        Http.Response confirmed = browser.postForm("/reports/incidents/" + suggested.incidentId() + "/confirm",
                "_csrf", page.csrfToken(), "report", first.get("id").asString());
        assertThat(confirmed.status()).isEqualTo(302);
        assertThat(browser.get("/reports/" + first.get("id").asString()).body()).contains("Satu insiden (dikonfirmasi)");

        browser.postForm("/reports/incidents/" + suggested.incidentId() + "/split", "_csrf", page.csrfToken(),
                "report", second.get("id").asString());
        assertThat(browser.get("/reports/" + first.get("id").asString()).body()).doesNotContain("id=\"incident\"");
    }

    @Test
    void theReportPageShowsPhotosWithoutTheirMetadataAndLinksTheOriginals() throws Exception {
        JsonNode receipt = Reports.submit(port, Reports.moneyPoliticsInJember());
        String id = receipt.get("id").asString();
        Http uploader = Clients.fresh(port).header("X-Upload-Token", receipt.get("uploadToken").asString());
        String photo = uploader.postMultipart("/api/v1/reports/" + id + "/evidence", Map.of(),
                List.of(new Http.Part("file", "amplop.jpg", "image/jpeg", ReportFollowUpApiTest.jpeg()))).json().get("id").asString();
        String pdf = uploader.postMultipart("/api/v1/reports/" + id + "/evidence", Map.of(),
                List.of(new Http.Part("file", "surat.pdf", "application/pdf", TestImages.pdf()))).json().get("id").asString();
        var staff = new Accounts(Http.api(port)).create("page-photo-staff", List.of("STAFF"), "35.09");
        Http browser = Http.signedIn(port, staff.username());

        String page = browser.get("/reports/" + id).body();

        String shown = "/reports/" + id + "/evidence/" + photo + "/photo";
        assertThat(page).contains("src=\"" + shown + "\"", "href=\"/reports/" + id + "/evidence/" + photo + "\"",
                "href=\"/reports/" + id + "/evidence/" + pdf + "\"");
        assertThat(page).doesNotContain("/evidence/" + pdf + "/photo");
        Http.Response image = browser.get(shown);
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void analystsSeeReportsButNotIdentities() {
        JsonNode receipt = Reports.submit(port, Reports.identified(Reports.moneyPoliticsInJember()));
        var analyst = new Accounts(Http.api(port)).create("page-analyst", List.of("ANALYST"), "35");
        Http browser = Http.signedIn(port, analyst.username());

        Http.Response page = browser.get("/reports/" + receipt.get("id").asString());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("B*** S***").doesNotContain("Tampilkan data pribadi");
        assertThat(browser.postForm("/reports/" + receipt.get("id").asString() + "/identity", "_csrf", page.csrfToken())
                .status()).isEqualTo(403);
    }

    static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
