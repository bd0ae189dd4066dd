package id.pantau.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import id.pantau.report.internal.TestImages;
import id.pantau.support.Accounts;
import id.pantau.support.Clients;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** After intake: evidence, tracking, staff access, the sealed identity. */
@IntegrationTest
class ReportFollowUpApiTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    // ---- evidence

    @Test
    void aReporterAttachesAPhotoWithTheUploadTokenAndGetsItsHash() throws Exception {
        JsonNode receipt = Reports.submit(port, Reports.moneyPoliticsInJember());
        byte[] photo = jpeg();

        Http.Response uploaded = upload(receipt.get("id").asString(), receipt.get("uploadToken").asString(), photo,
                "amplop.jpg", "image/jpeg");

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        JsonNode item = uploaded.json();
        assertThat(item.get("sha256").asString()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo)));
        assertThat(item.get("contentType").asString()).isEqualTo("image/jpeg");
        assertThat(item.get("size").asLong()).isEqualTo(photo.length);
        // the same file again is the same evidence
        assertThat(upload(receipt.get("id").asString(), receipt.get("uploadToken").asString(), photo, "lagi.jpg", "image/jpeg")
                .status()).isEqualTo(200);
    }

    @Test
    void theTypeIsJudgedByContentNotByTheLabel() throws Exception {
        JsonNode receipt = Reports.submit(port, Reports.moneyPoliticsInJember());
        byte[] page = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);

        Http.Response refused = upload(receipt.get("id").asString(), receipt.get("uploadToken").asString(), page,
                "foto.jpg", "image/jpeg");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
    }

    @Test
    void uploadsNeedTheTokenOrAnAccountThatMaySeeTheReport() throws Exception {
        JsonNode receipt = Reports.submit(port, Reports.moneyPoliticsInJember());
        String id = receipt.get("id").asString();

        assertThat(upload(id, null, jpeg(), "a.jpg", "image/jpeg").status()).isEqualTo(401);
        assertThat(upload(id, "wrong-token", jpeg(), "a.jpg", "image/jpeg").status()).isEqualTo(403);
        var staff = new Accounts(Http.api(port)).create("evidence-staff", List.of("STAFF"), "35.09");
        assertThat(uploadAs(id, staff.token(), jpeg()).status()).isEqualTo(201);
        var outsider = new Accounts(Http.api(port)).create("evidence-outsider", List.of("STAFF"), "33.01");
        assertThat(uploadAs(id, outsider.token(), jpeg()).status()).isEqualTo(403);
    }

    @Test
    void aTooLargeFileIsRefusedWithAClearProblem() throws Exception {
        JsonNode receipt = Reports.submit(port, Reports.moneyPoliticsInJember());
        byte[] big = new byte[11 * 1024 * 1024];

        Http.Response refused = upload(receipt.get("id").asString(), receipt.get("uploadToken").asString(), big,
                "big.pdf", "application/pdf");

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
    }

    @Test
    void aPhotoIsShownWithoutItsLocationWhileTheOriginalKeepsIt() throws Exception {
        JsonNode receipt = Reports.submit(port, Reports.moneyPoliticsInJember());
        String id = receipt.get("id").asString();
        byte[] camera = TestImages.withSegments(TestImages.jpeg(40, 30), TestImages.exifSegment(), TestImages.xmpSegment(),
                TestImages.commentSegment());
        String evidenceId = upload(id, receipt.get("uploadToken").asString(), camera, "kamera.jpg", "image/jpeg")
                .json().get("id").asString();
        var staff = new Accounts(Http.api(port)).create("photo-staff", List.of("STAFF"), "35.09");

        HttpResponse<byte[]> shown = getBytes("/api/v1/reports/" + id + "/evidence/" + evidenceId + "/photo", staff.token());
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(shown.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).startsWith("inline"));
        for (byte[] secret : List.of(TestImages.EXIF_HEADER, TestImages.GPS_LATITUDE, TestImages.GPS_LONGITUDE,
                TestImages.utf8(TestImages.ARTIST), TestImages.utf8(TestImages.XMP_GPS), TestImages.utf8("0812-3456-7890"))) {
            assertThat(TestImages.contains(shown.body(), secret)).as(new String(secret, StandardCharsets.ISO_8859_1)).isFalse();
        }
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(shown.body()));
        assertThat(picture.getWidth()).isEqualTo(40);
        assertThat(picture.getHeight()).isEqualTo(30);

        // staff downloading the evidence get the original, byte for byte: its hash is what was recorded
        HttpResponse<byte[]> original = getBytes("/api/v1/reports/" + id + "/evidence/" + evidenceId, staff.token());
        assertThat(original.body()).isEqualTo(camera);
        assertThat(TestImages.contains(original.body(), TestImages.GPS_LATITUDE)).isTrue();
        assertThat(original.headers().firstValue("X-Content-SHA256"))
                .hasValue(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(camera)));
    }

    @Test
    void aPdfHasNoPhotoToShowAndOutsidersSeeNoPhoto() throws Exception {
        JsonNode receipt = Reports.submit(port, Reports.moneyPoliticsInJember());
        String id = receipt.get("id").asString();
        String pdf = upload(id, receipt.get("uploadToken").asString(), TestImages.pdf(), "surat.pdf", "application/pdf")
                .json().get("id").asString();
        String photo = upload(id, receipt.get("uploadToken").asString(), jpeg(), "a.jpg", "image/jpeg").json().get("id").asString();
        var accounts = new Accounts(Http.api(port));
        var staff = accounts.create("pdf-staff", List.of("STAFF"), "35.09");
        var outsider = accounts.create("photo-outsider", List.of("STAFF"), "33.01");

        Http.Response noPhoto = Http.api(port).bearer(staff.token()).get("/api/v1/reports/" + id + "/evidence/" + pdf + "/photo");
        assertThat(noPhoto.status()).isEqualTo(404);
        assertThat(noPhoto.contentType()).startsWith("application/problem+json");
        assertThat(Http.api(port).bearer(outsider.token()).get("/api/v1/reports/" + id + "/evidence/" + photo + "/photo").status())
                .isEqualTo(403);
        assertThat(Http.api(port).get("/api/v1/reports/" + id + "/evidence/" + photo + "/photo").status()).isEqualTo(401);
    }

    @Test
    void uploadsAreRateLimitedPerClient() throws Exception {
        JsonNode receipt = Reports.submit(port, Reports.moneyPoliticsInJember());
        Http client = Clients.fresh(port).header("X-Upload-Token", receipt.get("uploadToken").asString());
        byte[] photo = jpeg();
        String path = "/api/v1/reports/" + receipt.get("id").asString() + "/evidence";
        List<Http.Part> file = List.of(new Http.Part("file", "a.jpg", "image/jpeg", photo));

        // a burst of 30 (pantau.rate-limit.evidence), refilled at one a second: far more than that runs dry
        int accepted = 0;
        Http.Response last = client.postMultipart(path, Map.of(), file);
        while (last.status() != 429 && accepted < 200) {
            accepted++;
            last = client.postMultipart(path, Map.of(), file);
        }

        assertThat(accepted).as("requests accepted before the limit").isBetween(30, 199);
        assertThat(last.status()).as(last.toString()).isEqualTo(429);
        assertThat(last.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(last.header("Retry-After"))).isPositive();
        assertThat(Clients.fresh(port).header("X-Upload-Token", receipt.get("uploadToken").asString())
                .postMultipart(path, Map.of(), file).status()).as("another client").isEqualTo(200);
    }

    // ---- tracking

    @Test
    void trackingIsRateLimitedPerClient() {
        String code = Reports.submit(port, Reports.moneyPoliticsInJember()).get("trackingCode").asString();
        Http client = Clients.fresh(port);

        // a burst of 60 (pantau.rate-limit.track), refilled at two a second
        int answered = 0;
        Http.Response last = client.get("/api/v1/track/" + code);
        while (last.status() != 429 && answered < 400) {
            answered++;
            last = client.get("/api/v1/track/" + code);
        }

        assertThat(answered).as("requests answered before the limit").isBetween(60, 399);
        assertThat(last.status()).isEqualTo(429);
        assertThat(Long.parseLong(last.header("Retry-After"))).isPositive();
    }

    @Test
    void anyoneWithTheCodeSeesThePublicStatusAndNoPersonalData() {
        JsonNode receipt = Reports.submit(port, Reports.identified(Reports.moneyPoliticsInJember()));
        String code = receipt.get("trackingCode").asString();

        Http.Response tracked = Clients.fresh(port).get("/api/v1/track/" + code.toLowerCase().replace("-", ""));

        assertThat(tracked.status()).isEqualTo(200);
        assertThat(tracked.json().get("trackingCode").asString()).isEqualTo(code);
        assertThat(tracked.json().get("status").asString()).isEqualTo("RECEIVED");
        assertThat(tracked.json().get("history").get(0).get("status").asString()).isEqualTo("RECEIVED");
        assertThat(tracked.json().get("category").asString()).isEqualTo("MONEY_POLITICS");
        assertThat(tracked.json().get("regionCode").asString()).isEqualTo("35.09.01.2001");
        assertThat(tracked.body()).doesNotContain("Budi", "3509011201850001", "081234567890", "Siti", "amplop");
    }

    @Test
    void aMistypedCodeIsCaughtAndAnUnknownOneIsNotFound() {
        JsonNode receipt = Reports.submit(port, Reports.moneyPoliticsInJember());
        String code = receipt.get("trackingCode").asString();
        char last = code.charAt(code.length() - 1);
        String typo = code.substring(0, code.length() - 1) + (last == 'A' ? 'B' : 'A');

        Http.Response mistyped = Clients.fresh(port).get("/api/v1/track/" + typo);
        Http.Response forbiddenLetter = Clients.fresh(port).get("/api/v1/track/ABCD-EFGH-JKMN-O");

        assertThat(mistyped.status()).isEqualTo(400);
        assertThat(mistyped.json().get("errors").get(0).get("field").asString()).isEqualTo("trackingCode");
        assertThat(forbiddenLetter.status()).isEqualTo(400);
        String unknown = TrackingCode.generate(new java.security.SecureRandom()).value();
        assertThat(Clients.fresh(port).get("/api/v1/track/" + unknown).status()).isEqualTo(404);
    }

    // ---- staff

    @Test
    void staffSeeTheReportsOfTheirRegionOnly() {
        String marker = "Kecurangan-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode receipt = Reports.submit(port, Reports.with(Reports.moneyPoliticsInJember(), "title", marker));
        var accounts = new Accounts(Http.api(port));
        var jember = accounts.create("jember-reader", List.of("STAFF"), "35.09");
        var cilacap = accounts.create("cilacap-reader", List.of("STAFF"), "33.01");
        var volunteer = accounts.create("volunteer-reader", List.of("VOLUNTEER"), "35.09");

        assertThat(titles(Http.api(port).bearer(jember.token()).get("/api/v1/reports?size=1000"))).contains(marker);
        assertThat(titles(Http.api(port).bearer(cilacap.token()).get("/api/v1/reports?size=1000"))).doesNotContain(marker);
        String id = receipt.get("id").asString();
        assertThat(Http.api(port).bearer(jember.token()).get("/api/v1/reports/" + id).status()).isEqualTo(200);
        assertThat(Http.api(port).bearer(cilacap.token()).get("/api/v1/reports/" + id).status()).isEqualTo(403);
        assertThat(Http.api(port).bearer(volunteer.token()).get("/api/v1/reports").status()).isEqualTo(403);
        assertThat(Http.api(port).get("/api/v1/reports").status()).isEqualTo(401);
        assertThat(Http.api(port).bearer(jember.token()).get("/api/v1/reports?region=35").status()).isEqualTo(403);
    }

    @Test
    void staffSearchTheTextWithIndonesianStemmingAndFilter() {
        String village = "Sukamakmur" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
        Reports.submit(port, Reports.with(Reports.moneyPoliticsInJember(), "title", "Pembagian sembako",
                "description", "Sembako dibagikan di balai " + village + " oleh relawan calon bupati."));
        String token = new Accounts(Http.api(port)).adminToken();

        JsonNode found = Http.api(port).bearer(token).get("/api/v1/reports?q=" + village + "+membagikan").json();
        JsonNode byCategory = Http.api(port).bearer(token).get("/api/v1/reports?category=HAZARD_SECURITY&q=" + village).json();

        assertThat(found.get("total").asInt()).isEqualTo(1);
        assertThat(byCategory.get("total").asInt()).isZero();
    }

    @Test
    void theIdentityIsMaskedAndRevealedOnlyToStaffWithAnAuditEntry() {
        JsonNode receipt = Reports.submit(port, Reports.identified(Reports.moneyPoliticsInJember()));
        String id = receipt.get("id").asString();
        var accounts = new Accounts(Http.api(port));
        var staff = accounts.create("identity-staff", List.of("STAFF"), "35.09");
        var analyst = accounts.create("identity-analyst", List.of("ANALYST"), "35");

        JsonNode masked = Http.api(port).bearer(analyst.token()).get("/api/v1/reports/" + id).json().get("identity");
        assertThat(masked.get("reporter").get("name").asString()).isEqualTo("B*** S***");
        assertThat(masked.get("reporter").get("nik").asString()).isEqualTo("3509**********01");
        assertThat(masked.get("reporter").get("phone").asString()).isEqualTo("0812******90");
        assertThat(masked.get("witnesses").get(0).get("name").asString()).isEqualTo("S*** A***");
        assertThat(Http.api(port).bearer(analyst.token()).get("/api/v1/reports/" + id + "/reporter").status()).isEqualTo(403);

        JsonNode revealed = Http.api(port).bearer(staff.token()).get("/api/v1/reports/" + id + "/reporter").json();
        assertThat(revealed.get("reporter").get("name").asString()).isEqualTo("Budi Santoso");
        assertThat(revealed.get("reporter").get("nik").asString()).isEqualTo("3509011201850001");
        assertThat(revealed.get("witnesses").get(0).get("contact").asString()).isEqualTo("085711112222");
        assertThat(jdbc.sql("select actor from audit_event where action = 'PERSONAL_DATA_READ' and subject = ?")
                .param("report:" + id).query(String.class).list()).containsExactly(staff.username());
    }

    @Test
    void theStoredRowsHoldNoPlaintextIdentity() {
        JsonNode receipt = Reports.submit(port, Reports.identified(Reports.moneyPoliticsInJember()));
        String id = receipt.get("id").asString();

        String sealed = jdbc.sql("select encode(sealed, 'escape') from reporter_identity where report_id = ?::uuid")
                .param(id).query(String.class).single();
        String reportRow = jdbc.sql("select row_to_json(r)::text from report r where id = ?::uuid").param(id).query(String.class).single();

        for (String secret : List.of("Budi", "3509011201850001", "081234567890", "budi@example.id", "Mawar", "Siti", "085711112222")) {
            assertThat(sealed).doesNotContain(secret);
            assertThat(reportRow).doesNotContain(secret);
        }
        // and a sealed identity does not open under another report's id
        assertThat(jdbc.sql("select count(*) from reporter_identity where report_id = ?::uuid").param(id).query(Long.class).single())
                .isEqualTo(1);
    }

    // ---- helpers

    private List<String> titles(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("items").valueStream().map(r -> r.get("title").asString()).toList();
    }

    private Http.Response upload(String reportId, String token, byte[] content, String name, String type) {
        Http client = Clients.fresh(port);
        return (token == null ? client : client.header("X-Upload-Token", token)).postMultipart(
                "/api/v1/reports/" + reportId + "/evidence", Map.of(), List.of(new Http.Part("file", name, type, content)));
    }

    private Http.Response uploadAs(String reportId, String bearer, byte[] content) {
        return Clients.fresh(port).bearer(bearer).postMultipart("/api/v1/reports/" + reportId + "/evidence", Map.of(),
                List.of(new Http.Part("file", "staff.jpg", "image/jpeg", content)));
    }

    private HttpResponse<byte[]> getBytes(String path, String bearer) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + bearer).build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    static byte[] jpeg() throws IOException {
        var image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, (int) (Math.random() * 0xffffff));
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
