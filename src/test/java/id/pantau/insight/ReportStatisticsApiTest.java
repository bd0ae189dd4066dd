package id.pantau.insight;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import id.pantau.report.ReportSubmitted;
import id.pantau.report.Reports;
import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import id.pantau.support.PublishedEvents;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/stats/reports} on a known set of reports in Maluku (province 81), which no
 * other test reports in: by region at each level, by category, by day, scoping and validation.
 */
@IntegrationTest
class ReportStatisticsApiTest {

    private static final String MALUKU_TENGAH_VILLAGE = "81.01.01.1009";
    private static final String MALUKU_TENGAH_OTHER_DISTRICT = "81.01.02.2001";
    private static final String MALUKU_TENGGARA_VILLAGE = "81.02.01.1013";

    @Value("${local.server.port}")
    int port;
    @Autowired
    PublishedEvents events;

    @Test
    void reportsAreCountedByRegionCategoryAndDayWithinTheCallersRegion() {
        // four reports: three in Maluku Tengah (two in one district), one in Maluku Tenggara
        List<JsonNode> submitted = List.of(
                submit(MALUKU_TENGAH_VILLAGE, "MONEY_POLITICS", "Amplop dibagikan di balai desa oleh tim sukses calon nomor satu."),
                submit(MALUKU_TENGAH_VILLAGE, "MONEY_POLITICS", "Sembako dibagikan kepada nelayan sambil meminta memilih calon tertentu."),
                submit(MALUKU_TENGAH_OTHER_DISTRICT, "CAMPAIGN", "Kampanye di halaman sekolah pada jam pelajaran berlangsung."),
                submit(MALUKU_TENGGARA_VILLAGE, "INTIMIDATION", "Warga diancam tidak mendapat bantuan bila tidak memilih."));
        submitted.forEach(r -> events.await(ReportSubmitted.class, e -> e.reportId().equals(UUID.fromString(r.get("id").asString()))));

        Http analyst = Http.api(port).bearer(new Accounts(Http.api(port)).create("stats-analyst", List.of("ANALYST"), "81").token());
        // the facts are written after the event, asynchronously
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> analyst.get("/api/v1/stats/reports?groupBy=region").json().get("total").asLong() == 4);

        // by default the caller's province, by regency, over the last 30 days
        JsonNode byRegency = analyst.get("/api/v1/stats/reports?groupBy=region").json();
        assertThat(items(byRegency)).containsExactly("81.01 Kabupaten Maluku Tengah 3", "81.02 Kabupaten Maluku Tenggara 1");

        JsonNode byDistrict = analyst.get("/api/v1/stats/reports?groupBy=region&level=district&parent=81").json();
        assertThat(items(byDistrict)).extracting(s -> s.replaceAll(" .* ", " ")).containsExactly("81.01.01 2", "81.01.02 1", "81.02.01 1");

        String admin = new Accounts(Http.api(port)).adminToken();
        JsonNode national = Http.api(port).bearer(admin).get("/api/v1/stats/reports?groupBy=region&level=province").json();
        assertThat(items(national)).contains("81 Maluku 4");

        JsonNode byCategory = analyst.get("/api/v1/stats/reports?groupBy=category&parent=81").json();
        assertThat(items(byCategory)).containsExactly("MONEY_POLITICS Politik uang 2", "CAMPAIGN Pelanggaran kampanye 1",
                "INTIMIDATION " + byCategory.get("items").get(2).get("label").asString() + " 1");
        assertThat(analyst.get("/api/v1/stats/reports?groupBy=region&category=MONEY_POLITICS").json().get("total").asLong()).isEqualTo(2);

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        JsonNode byDay = analyst.get("/api/v1/stats/reports?groupBy=day&from=" + today.minusDays(2) + "&to=" + today).json();
        assertThat(items(byDay)).containsExactly(today.minusDays(2) + " " + today.minusDays(2) + " 0",
                today.minusDays(1) + " " + today.minusDays(1) + " 0", today + " " + today + " 4");
        assertThat(analyst.get("/api/v1/stats/reports?groupBy=day&from=" + today.minusDays(9) + "&to=" + today.minusDays(1))
                .json().get("total").asLong()).isZero();

        // staff of Maluku Tengah see their regency only, by district, and may not ask about the province
        Http regencyStaff = Http.api(port).bearer(new Accounts(Http.api(port)).create("stats-staff", List.of("STAFF"), "81.01").token());
        JsonNode own = regencyStaff.get("/api/v1/stats/reports").json();
        assertThat(own.get("total").asLong()).isEqualTo(3);
        assertThat(items(own)).extracting(s -> s.replaceAll(" .* ", " ")).containsExactly("81.01.01 2", "81.01.02 1");
        assertThat(regencyStaff.get("/api/v1/stats/reports?parent=81").status()).isEqualTo(403);
        assertThat(regencyStaff.get("/api/v1/stats/reports?parent=81.02").status()).isEqualTo(403);
    }

    @Test
    void badQuestionsAreRefusedNamingTheirFields() {
        Http analyst = Http.api(port).bearer(new Accounts(Http.api(port)).create("stats-checker", List.of("ANALYST"), "").token());

        Http.Response response = analyst.get("/api/v1/stats/reports?groupBy=week&level=kecamatan&from=2024-03-10&to=2024-03-01");
        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactlyInAnyOrder("groupBy", "level", "from");

        assertThat(fields(analyst.get("/api/v1/stats/reports?parent=abc&from=yesterday"))).containsExactlyInAnyOrder("parent", "from");
        assertThat(fields(analyst.get("/api/v1/stats/reports?parent=99.99"))).containsExactly("parent");
        assertThat(fields(analyst.get("/api/v1/stats/reports?parent=81.01&level=province"))).containsExactly("level");
        assertThat(fields(analyst.get("/api/v1/stats/reports?from=2020-01-01&to=2024-01-01"))).containsExactly("to");
        assertThat(analyst.get("/api/v1/stats/reports?from=2021-01-01&to=2023-12-31").status()).isEqualTo(200);
        // a category is a report type: a subtype, an unknown code or a typo would silently count nothing
        assertThat(fields(analyst.get("/api/v1/stats/reports?category=MONEY_CASH"))).containsExactly("category");
        assertThat(fields(analyst.get("/api/v1/stats/cases?category=money_politics"))).containsExactly("category");
    }

    @Test
    void onlyStaffAnalystsAndAdministratorsSeeStatistics() {
        Http volunteer = Http.api(port).bearer(new Accounts(Http.api(port)).create("stats-volunteer", List.of("VOLUNTEER"), "81").token());
        assertThat(volunteer.get("/api/v1/stats/reports").status()).isEqualTo(403);
        assertThat(volunteer.get("/api/v1/alerts").status()).isEqualTo(403);
        assertThat(Http.api(port).get("/api/v1/stats/reports").status()).isEqualTo(401);
    }

    private JsonNode submit(String village, String category, String description) {
        Map<String, Object> body = Reports.with(Reports.moneyPoliticsInJember(), "regionCode", village, "category", category,
                "subcategory", null, "title", "Laporan " + category, "description", description);
        return Reports.submit(port, body);
    }

    private static List<String> items(JsonNode stats) {
        return stats.get("items").valueStream()
                .map(i -> i.get("key").asString() + " " + i.get("label").asString() + " " + i.get("count").asLong()).toList();
    }

    private static List<String> fields(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }
}
