package id.pantau.insight;

import java.time.Duration;
import java.util.List;

import id.pantau.report.Reports;
import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A hazard report raises one notice that names the partner agencies of its region and the regions above. */
@IntegrationTest
class HazardNoticeTest {

    private static final String HALMAHERA_SELATAN_VILLAGE = "82.04.01.2002";

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aFloodReportNotifiesTheRegionalAgenciesOfItsRegion() {
        partner("BPBD Kabupaten Halmahera Selatan", "REGIONAL_AGENCY", "82.04");
        partner("Kesbangpol Provinsi Maluku Utara", "REGIONAL_AGENCY", "82");
        partner("Universitas Khairun", "UNIVERSITY", "82.04");
        partner("BPBD Kabupaten Kepulauan Sula", "REGIONAL_AGENCY", "82.05");

        JsonNode flood = Reports.submit(port, Reports.with(Reports.moneyPoliticsInJember(), "regionCode", HALMAHERA_SELATAN_VILLAGE,
                "category", "HAZARD_DISASTER", "subcategory", "DISASTER_FLOOD", "title", "Banjir di TPS",
                "description", "Air setinggi lutut menggenangi lokasi TPS 3 sejak pagi, kotak suara dipindahkan."));
        String subject = "report:" + flood.get("id").asString();

        String body = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                        "select title || ' | ' || body from notification where kind = 'HAZARD_REPORTED' and subject_key = ?")
                .param(subject).query(String.class).optional().orElse(null), b -> b != null);

        assertThat(body).contains("Bencana", "Waykion", "Kabupaten Halmahera Selatan",
                "BPBD Kabupaten Halmahera Selatan; Kesbangpol Provinsi Maluku Utara", flood.get("trackingCode").asString());
        assertThat(body).doesNotContain("Universitas Khairun", "Kepulauan Sula");

        // the regency's staff see it among their notices
        Http staff = Http.api(port).bearer(new Accounts(Http.api(port)).create("hazard-staff", List.of("STAFF"), "82.04").token());
        JsonNode notices = staff.get("/api/v1/notifications?kind=HAZARD_REPORTED").json();
        assertThat(notices.get("items").valueStream().map(n -> n.get("subjectKey").asString()).toList()).contains(subject);
    }

    @Test
    void aViolationReportRaisesNoHazardNotice() {
        JsonNode report = Reports.submit(port, Reports.with(Reports.moneyPoliticsInJember(), "regionCode", "82.04.01.2003",
                "description", "Amplop dibagikan kepada warga Gorup menjelang pemungutan suara oleh tim sukses."));
        String id = report.get("id").asString();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                jdbc.sql("select count(*) from insight_report where report_id = ?::uuid").param(id).query(Long.class).single() == 1);
        assertThat(jdbc.sql("select count(*) from notification where subject_key = ?").param("report:" + id).query(Long.class).single())
                .isZero();
    }

    private void partner(String name, String type, String region) {
        jdbc.sql("""
                        insert into partner (name, type, region_code, created_at, created_by, updated_at)
                        values (?, ?, ?, now(), 'test', now()) on conflict do nothing""")
                .params(name, type, region).update();
    }
}
