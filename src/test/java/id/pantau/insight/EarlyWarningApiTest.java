package id.pantau.insight;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import id.pantau.support.StatisticsFacts;
import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code GET /api/v1/alerts} on facts built directly, backdated to the five weeks before a fixed
 * day in North Maluku (province 82), so that no live report takes part.
 */
@IntegrationTest
class EarlyWarningApiTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void regionsWhoseIncidentsSurgeAboveTheirBaselineAreListedMostSurprisingFirstWithTheirReason() {
        // Halmahera Barat: one incident a day for four weeks, then twenty in the last week
        everyDay("82.01.01.2001", 28, 1, AS_OF.minusDays(34));
        incidents("82.01.02.2001", AS_OF.minusDays(1), 20);
        // Halmahera Tengah: one a day throughout: no surge
        everyDay("82.02.01.2001", 35, 1, AS_OF.minusDays(34));
        // Halmahera Utara: no history, five in the last week
        incidents("82.03.01.2001", AS_OF.minusDays(3), 5);
        // Pulau Morotai: six reports of one incident count once
        UUID incident = UUID.randomUUID();
        for (int i = 0; i < 6; i++) {
            fact("82.07.01.2001", AS_OF, incident);
        }
        // a surge after the day asked about does not count
        incidents("82.08.01.2001", AS_OF.plusDays(1), 9);

        Http analyst = Http.api(port).bearer(new Accounts(Http.api(port)).create("alert-analyst", List.of("ANALYST"), "82").token());
        JsonNode alerts = analyst.get("/api/v1/alerts?asOf=" + AS_OF).json();

        assertThat(alerts.get("level").asString()).isEqualTo("regency");
        assertThat(alerts.get("items").valueStream().map(a -> a.get("regionCode").asString()).toList())
                .containsExactly("82.01", "82.03");
        JsonNode first = alerts.get("items").get(0);
        assertThat(first.get("name").asString()).isEqualTo("Kabupaten Halmahera Barat");
        assertThat(first.get("observed").asLong()).isEqualTo(20);
        assertThat(first.get("expected").asDouble()).isEqualTo(7.0);
        assertThat(first.get("pValue").asDouble()).isCloseTo(4.44e-5, within(1e-7));
        assertThat(first.get("reason").asString()).contains("Kabupaten Halmahera Barat", "20 kejadian", "7 hari sampai 2025-06-30",
                "28 kejadian", "7,0", "p = 0.000044");
        JsonNode second = alerts.get("items").get(1);
        assertThat(second.get("expected").asDouble()).isEqualTo(0.5);
        assertThat(second.get("pValue").asDouble()).isCloseTo(1.72e-4, within(1e-6));
        assertThat(alerts.get("rule").asString()).contains("Poisson", "0.01");

        String english = analyst.get("/api/v1/alerts?asOf=" + AS_OF + "&lang=en").json().get("items").get(0).get("reason").asString();
        assertThat(english).contains("20 incidents in the 7 days to 2025-06-30", "predict only 7.0");

        // the statistics count the same facts as reports or as incidents
        String morotai = "/api/v1/stats/reports?groupBy=region&parent=82.07&from=" + AS_OF + "&to=" + AS_OF;
        assertThat(analyst.get(morotai).json().get("total").asLong()).isEqualTo(6);
        assertThat(analyst.get(morotai + "&measure=incidents").json().get("total").asLong()).isEqualTo(1);
        assertThat(analyst.get(morotai + "&measure=incidents").json().get("items").get(0).get("count").asLong()).isEqualTo(1);
        assertThat(analyst.get(morotai + "&measure=tweets").status()).isEqualTo(400);

        // by district inside the regency, the surge of the last week lies in one district
        JsonNode byDistrict = analyst.get("/api/v1/alerts?asOf=" + AS_OF + "&parent=82.01&level=district").json();
        assertThat(byDistrict.get("items").valueStream().map(a -> a.get("regionCode").asString()).toList()).containsExactly("82.01.02");
    }

    @Test
    void alertsStayInTheCallersRegionAndCheckTheirParameters() {
        Http staff = Http.api(port).bearer(new Accounts(Http.api(port)).create("alert-staff", List.of("STAFF"), "82.02").token());
        assertThat(staff.get("/api/v1/alerts?asOf=" + AS_OF).status()).isEqualTo(200);
        assertThat(staff.get("/api/v1/alerts?asOf=" + AS_OF).json().get("level").asString()).isEqualTo("district");
        assertThat(staff.get("/api/v1/alerts?parent=82").status()).isEqualTo(403);

        Http.Response bad = staff.get("/api/v1/alerts?asOf=30-06-2025");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("asOf");
        Http.Response future = staff.get("/api/v1/alerts?asOf=2999-01-01");
        assertThat(future.json().get("errors").get(0).get("field").asString()).isEqualTo("asOf");
        Http.Response level = staff.get("/api/v1/alerts?level=village");
        assertThat(level.status()).isEqualTo(400);
        assertThat(level.json().get("errors").get(0).get("field").asString()).isEqualTo("level");
    }

    private void everyDay(String village, int days, int perDay, LocalDate from) {
        for (int d = 0; d < days; d++) {
            incidents(village, from.plusDays(d), perDay);
        }
    }

    private void incidents(String village, LocalDate day, int count) {
        new StatisticsFacts(jdbc).incidents(village, "MONEY_POLITICS", day, count);
    }

    private void fact(String village, LocalDate day, UUID incident) {
        new StatisticsFacts(jdbc).add(village, "MONEY_POLITICS", day, incident);
    }
}
