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

import static org.assertj.core.api.Assertions.assertThat;

/** The staff dashboard renders in both languages, drills down the regions and is closed to others. */
@IntegrationTest
class DashboardPageTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDashboardRendersInIndonesianAndEnglish() {
        Http browser = Http.signedIn(port, new Accounts(Http.api(port)).create("dash-analyst", List.of("ANALYST"), "82.06").username());

        Http.Response page = browser.get("/dashboard");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"id\">", "Dasbor", "Peringatan dini", "Laporan per hari", "Perkara per tahap",
                "Kabupaten Halmahera Timur", "/webjars/chart.js/", "/js/dashboard.js", "data-chart=");
        assertThat(page.body()).doesNotContain("<script>");

        Http.Response english = browser.get("/dashboard?lang=en");
        assertThat(english.body()).contains("<html lang=\"en\">", "Dashboard", "Early warning", "Reports per day", "Cases per stage",
                "All categories", "Money politics");

        // the same charts counting incidents, for one report type picked by its name
        Http.Response incidents = browser.get("/dashboard?lang=id&measure=incidents&category=MONEY_POLITICS");
        assertThat(incidents.status()).isEqualTo(200);
        assertThat(incidents.body()).contains("Insiden per hari", "Insiden per wilayah", "insiden dalam periode ini",
                "<option value=\"MONEY_POLITICS\" selected=\"selected\">Politik uang</option>",
                "<option value=\"incidents\" selected=\"selected\">");
        assertThat(browser.get("/dashboard?category=NOPE").status()).isEqualTo(400);
    }

    @Test
    void nationalStaffDrillDownFromIndonesiaToAProvinceAndARegency() {
        Http browser = Http.signedIn(port, new Accounts(Http.api(port)).create("dash-national", List.of("STAFF"), "").username());
        // a report of today in Halmahera Timur, so that its province has a row to drill into
        new StatisticsFacts(jdbc).incidents("82.06.01.2001", "MONEY_POLITICS", LocalDate.now(IncidentCounts.DAY_ZONE), 1);

        assertThat(browser.get("/dashboard").body()).contains("/dashboard?parent=82&amp;");
        Http.Response province = browser.get("/dashboard?parent=82");
        assertThat(province.status()).isEqualTo(200);
        assertThat(province.body()).contains("Maluku Utara");
        Http.Response regency = browser.get("/dashboard?parent=82.06");
        assertThat(regency.body()).contains("Maluku Utara", "Kabupaten Halmahera Timur");
        assertThat(browser.get("/js/dashboard.js").status()).isEqualTo(200);
        assertThat(browser.get("/webjars/chart.js/dist/chart.umd.js").status()).isEqualTo(200);
    }

    @Test
    void volunteersAndOtherRegionsAreRefused() {
        Http volunteer = Http.signedIn(port, new Accounts(Http.api(port)).create("dash-volunteer", List.of("VOLUNTEER"), "82.06").username());
        assertThat(volunteer.get("/dashboard").status()).isEqualTo(403);
        Http staff = Http.signedIn(port, new Accounts(Http.api(port)).create("dash-staff", List.of("STAFF"), "82.06").username());
        assertThat(staff.get("/dashboard?parent=82.01").status()).isEqualTo(403);
        assertThat(Http.browser(port).get("/dashboard").status()).isEqualTo(302);
    }
}
