package id.pantau.election;

import java.util.List;

import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import id.pantau.support.TestDatabaseInitializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** /admin/rules: the rule-set forms and the holiday table, as an administrator and as staff. */
@IntegrationTest
class LegalRulesPagesTest {

    @Value("${local.server.port}")
    int port;

    Http browser;
    LegalRules rules;
    String admin;

    @BeforeEach
    void setUp() {
        browser = Http.browser(port);
        rules = new LegalRules(port);
        admin = new Accounts(Http.api(port)).adminToken();
    }

    @Test
    void thePageIsIndonesianByDefaultAndEnglishOnRequest() {
        signIn(TestDatabaseInitializer.ADMIN_USERNAME, TestDatabaseInitializer.ADMIN_PASSWORD);

        Http.Response indonesian = browser.get("/admin/rules?year=2026");

        assertThat(indonesian.status()).isEqualTo(200);
        assertThat(indonesian.body()).contains("<html lang=\"id\">", "<h1>Aturan dan hari libur</h1>",
                "id=\"PEMILU-reportingWindowDays\"", "id=\"PILKADA-decisionDays\"", "Hari kerja", "Hari kalender",
                "UU 7/2017 Pasal 454", "Tahun 2026: 25 hari", "Senin, 17 Agustus 2026", "Proklamasi Kemerdekaan",
                "Cuti bersama", "id=\"save-PEMILU\"", "id=\"holiday-form\"", "name=\"_csrf\"")
                .doesNotContain("id=\"read-only\"", "Independence Day");
        assertThat(indonesian.body()).containsPattern("id=\"PEMILU-reportingWindowDays\"[^>]*value=\"7\"");

        Http.Response english = browser.get("/admin/rules?year=2026&lang=en");

        assertThat(english.body()).contains("<html lang=\"en\">", "<h1>Rules and holidays</h1>", "Working days",
                "Calendar days", "2026: 25 days", "Monday, 17 August 2026", "Independence Day",
                "Collective leave (cuti bersama)", "Save the Pemilu (general election) rules");
        assertThat(browser.get("/admin/rules?year=2026&lang=id").body()).contains("Aturan dan hari libur");
    }

    @Test
    void anAdministratorSavesARuleSetThroughTheForm() {
        JsonNode original = rules.current("PILKADA");
        signIn(TestDatabaseInitializer.ADMIN_USERNAME, TestDatabaseInitializer.ADMIN_PASSWORD);
        String csrf = browser.get("/admin/rules").csrfToken();
        try {
            Http.Response saved = browser.postForm("/admin/rules/rule-sets/PILKADA",
                    LegalRules.form(csrf, original, "decisionExtensionDays", 5, "criminalReferralBasis", "UU 1/2015 Pasal 135"));

            assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
            assertThat(saved.header("Location")).endsWith("/admin/rules");
            Http.Response page = browser.get("/admin/rules");
            assertThat(page.body()).contains("id=\"saved\"", "Aturan Pilkada tersimpan.", "UU 1/2015 Pasal 135")
                    .containsPattern("id=\"PILKADA-decisionExtensionDays\"[^>]*value=\"5\"");
            assertThat(browser.get("/admin/rules").body()).as("the notice is shown once").doesNotContain("tersimpan.");
            assertThat(rules.current("PILKADA").get("decisionExtensionDays").asInt()).isEqualTo(5);
        } finally {
            rules.restore(admin, original);
        }
    }

    @Test
    void aBadValueComesBackWithItsMessageNextToTheField() {
        JsonNode original = rules.current("PEMILU");
        signIn(TestDatabaseInitializer.ADMIN_USERNAME, TestDatabaseInitializer.ADMIN_PASSWORD);
        String csrf = browser.get("/admin/rules").csrfToken();

        Http.Response refused = browser.postForm("/admin/rules/rule-sets/PEMILU", LegalRules.form(csrf, original,
                "reportingWindowDays", 0, "registerCode", "pl", "criminalReferralHours", "dua puluh empat"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"errors-PEMILU\"", "Belum tersimpan",
                "id=\"PEMILU-reportingWindowDays-error\">Bilangan bulat 1 sampai 60 hari<",
                "id=\"PEMILU-registerCode-error\">1 sampai 5 huruf kapital, mis. PL<",
                "id=\"PEMILU-criminalReferralHours-error\">Nilai tidak sah<")
                .containsPattern("id=\"PEMILU-reportingWindowDays\"[^>]*value=\"0\"[^>]*aria-invalid=\"true\"")
                .containsPattern("id=\"PEMILU-registerCode\"[^>]*value=\"pl\"")
                .containsPattern("id=\"PEMILU-criminalReferralHours\"[^>]*value=\"dua puluh empat\"")
                .doesNotContain("id=\"errors-PILKADA\"", "PEMILU-completionDays-error");
        assertThat(LegalRules.body(rules.current("PEMILU"))).as("nothing saved").isEqualTo(LegalRules.body(original));

        Http.Response english = browser.postForm("/admin/rules/rule-sets/PEMILU?lang=en", LegalRules.form(csrf, original,
                "decisionExtensionDays", 31));
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.body()).contains("id=\"PEMILU-decisionExtensionDays-error\">A whole number from 0 to 30 days<");
    }

    @Test
    void anAdministratorAddsAndDeletesAHolidayThroughTheForms() {
        signIn(TestDatabaseInitializer.ADMIN_USERNAME, TestDatabaseInitializer.ADMIN_PASSWORD);
        String csrf = browser.get("/admin/rules?year=2031").csrfToken();
        try {
            Http.Response added = browser.postForm("/admin/rules/holidays", "_csrf", csrf, "day", "2031-10-01",
                    "kind", "HOLIDAY", "name", "Hari Kesaktian Pancasila", "nameEn", "Pancasila Sanctity Day", "source", "");
            assertThat(added.status()).as(added.toString()).isEqualTo(302);
            assertThat(added.header("Location")).endsWith("/admin/rules?year=2031#holidays");
            Http.Response page = browser.get("/admin/rules?year=2031");
            assertThat(page.body()).contains("Hari libur 1 Oktober 2031 ditambahkan.", "Rabu, 1 Oktober 2031",
                    "Hari Kesaktian Pancasila", "Tahun 2031: 1 hari", "id=\"delete-2031-10-01\"");

            Http.Response twice = browser.postForm("/admin/rules/holidays", "_csrf", csrf, "day", "2031-10-01",
                    "kind", "CUTI_BERSAMA", "name", "Dua kali", "nameEn", "", "source", "");
            assertThat(twice.status()).isEqualTo(409);
            assertThat(twice.body()).contains("id=\"errors-holiday\"",
                    "id=\"holiday-day-error\">Tanggal ini sudah ada dalam tabel; hapus dulu untuk mengubahnya<")
                    .containsPattern("id=\"holiday-name\"[^>]*value=\"Dua kali\"");

            Http.Response notADate = browser.postForm("/admin/rules/holidays", "_csrf", csrf, "day", "2031-02-30",
                    "kind", "HOLIDAY", "name", "", "nameEn", "", "source", "");
            assertThat(notADate.status()).isEqualTo(400);
            assertThat(notADate.body()).contains("id=\"holiday-day-error\">Bukan tanggal (mis. 2031-08-17)<",
                    "id=\"holiday-name-error\">Wajib diisi, paling banyak 200 karakter<")
                    .containsPattern("id=\"holiday-day\"[^>]*value=\"2031-02-30\"");

            Http.Response deleted = browser.postForm("/admin/rules/holidays/2031-10-01/delete", "_csrf", csrf);
            assertThat(deleted.status()).isEqualTo(302);
            assertThat(deleted.header("Location")).endsWith("/admin/rules?year=2031#holidays");
            assertThat(browser.get("/admin/rules?year=2031").body()).contains("1 Oktober 2031 dihapus dari tabel hari libur.",
                    "Belum ada hari libur untuk tahun ini.").doesNotContain("id=\"delete-2031-10-01\"");
        } finally {
            rules.removeHoliday(admin, "2031-10-01");
        }
    }

    @Test
    void staffSeeTheRulesButCannotChangeThem() {
        var staff = new Accounts(Http.api(port)).create("rules-page-staff", List.of("STAFF"), "");
        signIn(staff.username(), Accounts.PASSWORD);
        JsonNode original = rules.current("PEMILU");

        Http.Response page = browser.get("/admin/rules?year=2026");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"read-only\"", "Proklamasi Kemerdekaan", "<fieldset disabled=\"disabled\">")
                .doesNotContain("id=\"save-PEMILU\"", "id=\"holiday-form\"", "id=\"delete-2026-08-17\"");
        String csrf = page.csrfToken();
        assertThat(browser.postForm("/admin/rules/rule-sets/PEMILU", LegalRules.form(csrf, original, "reportingWindowDays", 9))
                .status()).isEqualTo(403);
        assertThat(browser.postForm("/admin/rules/holidays", "_csrf", csrf, "day", "2031-07-07", "kind", "HOLIDAY",
                "name", "Staf").status()).isEqualTo(403);
        assertThat(browser.postForm("/admin/rules/holidays/2026-08-17/delete", "_csrf", csrf).status()).isEqualTo(403);
        assertThat(rules.current("PEMILU").get("reportingWindowDays").asInt()).isEqualTo(7);
        assertThat(Http.api(port).get("/api/v1/holidays/2026-08-17").status()).isEqualTo(200);
    }

    @Test
    void formsWithoutTheCsrfTokenAndVisitorsWithoutAnAccountAreRefused() {
        assertThat(browser.get("/admin/rules").header("Location")).endsWith("/login");
        var volunteer = new Accounts(Http.api(port)).create("rules-volunteer", List.of("VOLUNTEER"), "35.09");
        signIn(volunteer.username(), Accounts.PASSWORD);
        assertThat(browser.get("/admin/rules").status()).isEqualTo(403);

        Http admin = Http.browser(port);
        browser = admin;
        signIn(TestDatabaseInitializer.ADMIN_USERNAME, TestDatabaseInitializer.ADMIN_PASSWORD);
        assertThat(browser.postForm("/admin/rules/holidays", "day", "2031-07-08", "kind", "HOLIDAY", "name", "Tanpa token")
                .status()).isEqualTo(403);
        assertThat(Http.api(port).get("/api/v1/holidays/2031-07-08").status()).isEqualTo(404);
    }

    private void signIn(String username, String password) {
        String token = browser.get("/login").csrfToken();
        Http.Response response = browser.postForm("/login", "_csrf", token, "username", username, "password", password);
        assertThat(response.status()).as(response.toString()).isEqualTo(302);
        assertThat(response.header("Location")).doesNotContain("error");
    }
}
