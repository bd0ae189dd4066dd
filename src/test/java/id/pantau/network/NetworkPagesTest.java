package id.pantau.network;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

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

/**
 * The network's pages as a coordinator and an office use them: cadre cohorts from opening to the
 * certificate, volunteers by status with their numbers, personal data shown in full only on a
 * deliberate, audited request, and every page in Bahasa Indonesia and, on request, in English.
 */
@IntegrationTest
class NetworkPagesTest {

    /** Kabupaten Kotabaru and Kabupaten Banjar, Kalimantan Selatan: regencies no other test works in. */
    static final String KOTABARU = "63.02";
    static final String BANJAR = "63.03";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    private static String path(Http.Response redirect) {
        assertThat(redirect.status()).as(redirect.toString()).isEqualTo(302);
        return redirect.header("Location").replaceFirst("^https?://[^/]+", "");
    }

    private long audits(String action, String subject) {
        return jdbc.sql("select count(*) from audit_event where action = ? and subject = ?").params(action, subject)
                .query(Long.class).single();
    }

    @Test
    void aCoordinatorRunsACohortOnItsPagesUpToTheCertificate() {
        Accounts.Created coordinator = new Accounts(Http.api(port)).create("kotabaru", List.of("COORDINATOR"), KOTABARU);
        long cadre = VolunteerFixtures.approved(port, coordinator.token(), "Rahmat Hidayat", KOTABARU + ".01")
                .get("volunteer").get("id").asLong();
        Http browser = Http.signedIn(port, coordinator.username());

        Http.Response list = browser.get("/network");
        assertThat(list.body()).contains("href=\"/network/cohorts\"", "Angkatan kader");
        Http.Response cohorts = browser.get("/network/cohorts");
        assertThat(cohorts.status()).isEqualTo(200);
        assertThat(cohorts.body()).contains("Buka angkatan", "value=\"" + KOTABARU + "\"");

        Http.Response incomplete = browser.postForm("/network/cohorts", "_csrf", cohorts.csrfToken(), "name", "",
                "programme", "SKPP 2024", "regionCode", KOTABARU);
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.body()).contains("data-field=\"name\"", "data-field=\"startsOn\"", "Tanggal mulai: wajib diisi")
                .contains("value=\"SKPP 2024\"");

        String name = "Angkatan I " + Accounts.uniqueName("k");
        String cohortPath = path(browser.postForm("/network/cohorts", "_csrf", cohorts.csrfToken(), "name", name,
                "programme", "SKPP 2024", "regionCode", KOTABARU, "startsOn", "2024-08-05"));
        Http.Response cohort = browser.get(cohortPath);
        assertThat(cohort.body()).contains("SKPP 2024 · " + name, "5 Agustus 2024", "Belum ada sesi.", "Belum ada kader.");
        String csrf = cohort.csrfToken();

        Http.Response early = browser.postForm(cohortPath + "/sessions", "_csrf", csrf, "title", "Sebelum mulai",
                "heldOn", "2024-08-01");
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body()).contains("Tanggal sesi: tidak boleh sebelum angkatan dimulai");
        assertThat(path(browser.postForm(cohortPath + "/sessions", "_csrf", csrf, "title", "Pengawasan partisipatif",
                "heldOn", "2024-08-05"))).isEqualTo(cohortPath);
        assertThat(browser.get(cohortPath).body()).contains("Sesi ditambahkan.");
        Http.Response unknown = browser.postForm(cohortPath + "/members", "_csrf", csrf, "volunteerId", "987654321");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("Relawan: tidak ada relawan dengan nomor ini");
        assertThat(path(browser.postForm(cohortPath + "/members", "_csrf", csrf, "volunteerId", String.valueOf(cadre))))
                .isEqualTo(cohortPath);
        Http.Response enrolled = browser.get(cohortPath);
        assertThat(enrolled.body()).contains("Kader didaftarkan.", "Rahmat Hidayat", "0/1", "Pengawasan partisipatif",
                "5 Agustus 2024 · Hadir: 0");
        String session = enrolled.body().replaceAll("(?s).*id=\"session-(\\d+)\".*", "$1");

        assertThat(path(browser.postForm(cohortPath + "/sessions/" + session + "/attendance", "_csrf", csrf,
                "volunteerIds", String.valueOf(cadre)))).isEqualTo(cohortPath);
        assertThat(browser.get(cohortPath).body()).contains("Kehadiran dicatat.", "1/1", "Hadir: 1");
        Http.Response future = browser.postForm(cohortPath + "/members/" + cadre + "/completion", "_csrf", csrf,
                "completedOn", TODAY.plusDays(10).toString());
        assertThat(future.body()).contains("Tanggal lulus: tidak boleh tanggal yang akan datang");
        assertThat(path(browser.postForm(cohortPath + "/members/" + cadre + "/completion", "_csrf", csrf,
                "completedOn", "2024-09-02"))).isEqualTo(cohortPath);
        Http.Response completed = browser.get(cohortPath);
        assertThat(completed.body()).contains("Kelulusan dicatat", "2 September 2024");
        String code = completed.body().replaceAll("(?s).*(SERT-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]).*", "$1");
        assertThat(code).startsWith("SERT-");
        assertThat(Http.browser(port).get("/sertifikat?kode=" + code).body()).contains("Sertifikat sah", "R*** H***",
                "2 September 2024");

        assertThat(browser.get("/network/cohorts?q=" + name.replace(" ", "+")).body()).contains(name, "1/1");
        Http analyst = Http.signedIn(port, new Accounts(Http.api(port)).create("kotabaru-analis", List.of("ANALYST"), KOTABARU).username());
        assertThat(analyst.get(cohortPath).body()).contains(name).doesNotContain("id=\"session-form\"", "id=\"enrol-form\"");
        Http elsewhere = Http.signedIn(port, new Accounts(Http.api(port)).create("banjar", List.of("COORDINATOR"), BANJAR).username());
        assertThat(elsewhere.get(cohortPath).status()).isEqualTo(403);
        assertThat(elsewhere.get("/network/cohorts").body()).doesNotContain(name);
    }

    @Test
    void approvedVolunteersAreListedWithTheirNumbersAndAPhoneIsShownOnlyOnAnAuditedRequest() {
        Accounts.Created coordinator = new Accounts(Http.api(port)).create("kotabaru", List.of("COORDINATOR"), KOTABARU);
        Map<String, Object> signup = VolunteerFixtures.signup("Siti Aminah " + Accounts.uniqueName("v"), KOTABARU + ".02");
        String phone = (String) signup.get("phone");
        long id = VolunteerFixtures.signUp(port, signup).get("id").asLong();
        Http browser = Http.signedIn(port, coordinator.username());

        Http.Response pending = browser.get("/network/volunteers");
        assertThat(pending.body()).contains("Relawan menunggu persetujuan", "volunteer-" + id).doesNotContain(phone);
        Http.Response revealed = browser.postForm("/network/volunteers/" + id + "/contact", "_csrf", pending.csrfToken());
        assertThat(revealed.status()).isEqualTo(200);
        assertThat(revealed.header("Cache-Control")).contains("no-store");
        assertThat(revealed.body()).contains(phone, "tercatat di log audit");
        assertThat(audits("PERSONAL_DATA_READ", "volunteer:" + id)).isEqualTo(1);
        assertThat(browser.get("/network/volunteers").body()).as("shown once, not kept").doesNotContain(phone);

        browser.postForm("/network/volunteers/" + id + "/approve", "_csrf", pending.csrfToken());
        Http.Response again = browser.postForm("/network/volunteers/" + id + "/approve", "_csrf", pending.csrfToken());
        assertThat(browser.get(path(again)).body()).contains("Pendaftaran nomor " + id + " sudah diputuskan sebelumnya.");
        Http.Response approved = browser.get("/network/volunteers?status=APPROVED&q=Siti+Aminah");
        assertThat(approved.body()).contains("Relawan yang disetujui", "volunteer-" + id, ">" + id + "<")
                .doesNotContain(">Setujui<");

        Http analyst = Http.signedIn(port, new Accounts(Http.api(port)).create("kotabaru-analis", List.of("ANALYST"), KOTABARU).username());
        Http.Response analystList = analyst.get("/network/volunteers?status=APPROVED");
        assertThat(analystList.body()).contains("volunteer-" + id).doesNotContain("/contact\"");
        assertThat(analyst.postForm("/network/volunteers/" + id + "/contact", "_csrf", analystList.csrfToken()).status())
                .isEqualTo(403);
        assertThat(audits("PERSONAL_DATA_READ", "volunteer:" + id)).isEqualTo(1);
    }

    @Test
    void everyNetworkPageSpeaksIndonesianByDefaultAndEnglishOnRequest() {
        Accounts.Created staff = new Accounts(Http.api(port)).create("kotabaru-staf", List.of("STAFF"), KOTABARU);
        Http api = Http.api(port).bearer(staff.token());
        long partner = api.post("/api/v1/partners", Map.of("name", Accounts.uniqueName("Politeknik Kotabaru"),
                "type", "UNIVERSITY", "regionCode", KOTABARU)).json().get("id").asLong();
        long agreement = api.post("/api/v1/agreements", Map.of("title", "MoU " + Accounts.uniqueName("Kotabaru"),
                "regionCode", KOTABARU, "partnerIds", List.of(partner), "cooperationPoints", List.of("DATA_SHARING"))).json()
                .get("id").asLong();
        api.post("/api/v1/agreements/" + agreement + "/follow-ups", Map.of("description", "Rapat evaluasi",
                "dueOn", TODAY.minusDays(3).toString()));
        long team = api.post("/api/v1/teams", Map.of("name", Accounts.uniqueName("Tim Kotabaru"), "regionCode", KOTABARU))
                .json().get("id").asLong();
        long cohort = api.post("/api/v1/cohorts", Map.of("name", Accounts.uniqueName("Angkatan"), "programme", "SKPP 2024",
                "regionCode", KOTABARU, "startsOn", "2024-08-05")).json().get("id").asLong();
        long activity = api.post("/api/v1/activities", Map.of("type", "SARASEHAN", "title", "Sarasehan Kotabaru",
                "date", TODAY.toString(), "regionCode", KOTABARU, "online", false, "place", "Aula",
                "organiserPartnerIds", List.of(partner), "participantCount", 30)).json().get("id").asLong();
        List<String> pages = List.of("/network", "/network/partners", "/network/partners/" + partner,
                "/network/partners/" + partner + "/contribution", "/network/agreements", "/network/agreements?expiring=30",
                "/network/agreements?overdue=true",
                "/network/agreements/" + agreement, "/network/teams", "/network/teams/" + team, "/network/volunteers",
                "/network/volunteers?status=APPROVED", "/network/cohorts", "/network/cohorts/" + cohort, "/network/activities",
                "/network/activities/new", "/network/activities/" + activity,
                "/network/teams/" + team + "/contribution", "/network/contributions", "/network/contributions?region=" + KOTABARU,
                "/gabung", "/sertifikat");
        Http browser = Http.signedIn(port, staff.username());

        for (String page : pages) {
            Http.Response indonesian = browser.get(page);
            assertThat(indonesian.status()).as(page).isEqualTo(200);
            assertThat(indonesian.body()).as(page).contains(page.endsWith("/contribution") ? "Anggota aktif" : "<html lang=\"id\">")
                    .doesNotContain("??");
        }
        assertThat(browser.get("/network?lang=en").body()).contains("<html lang=\"en\">");
        for (String page : pages) {
            Http.Response english = browser.get(page);
            assertThat(english.status()).as(page).isEqualTo(200);
            assertThat(english.body()).as(page).contains(page.endsWith("/contribution") ? "Active members" : "<html lang=\"en\">")
                    .doesNotContain("??")
                    // words of the Indonesian texts that would show a text left untranslated
                    .doesNotContain("Belum ada", "Simpan", "Terapkan", "Kembali", "wajib", "Tambah", "Wilayah", "Mitra<",
                            "Tersimpan", "Batas waktu", "Perjanjian");
        }
        // field errors in the page's language, not the API's English
        Http.Response agreements = browser.get("/network/agreements");
        Http.Response refusedEnglish = browser.postForm("/network/agreements", "_csrf", agreements.csrfToken(), "title", "x",
                "regionCode", KOTABARU);
        assertThat(refusedEnglish.body()).contains("Title: too short or too long", "Cooperation points: choose at least one");
        browser.get("/network?lang=id");
        Http.Response refused = browser.postForm("/network/agreements", "_csrf", agreements.csrfToken(), "title", "x",
                "regionCode", KOTABARU);
        assertThat(refused.body()).contains("Judul: terlalu pendek atau terlalu panjang",
                "Mitra: pilih setidaknya satu mitra", "Ruang lingkup kerja sama: pilih setidaknya satu ruang lingkup kerja sama")
                .doesNotContain("must be", "name at least");
        Http.Response partners = browser.get("/network/partners");
        assertThat(browser.postForm("/network/partners", "_csrf", partners.csrfToken(), "name", "Radio Kotabaru", "type", "MEDIA",
                "regionCode", KOTABARU, "contactName", "Ayu", "contactEmail", "bukan-email").body())
                .contains("E-mail narahubung: bukan alamat e-mail");
    }

    @Test
    void aPartnersContactsAreMaskedUntilStaffAskAndEveryReadIsAudited() {
        Accounts.Created staff = new Accounts(Http.api(port)).create("kotabaru-staf", List.of("STAFF"), KOTABARU);
        Http api = Http.api(port).bearer(staff.token());
        long partner = api.post("/api/v1/partners", Map.of("name", Accounts.uniqueName("BPBD Kotabaru"), "type", "REGIONAL_AGENCY",
                "regionCode", KOTABARU, "contacts", List.of(Map.of("name", "Ir. Bambang Supriadi", "position", "Kepala Pelaksana",
                        "phone", "081351234567", "email", "bambang@bpbd.kotabarukab.go.id")))).json().get("id").asLong();
        Http browser = Http.signedIn(port, staff.username());

        Http.Response page = browser.get("/network/partners/" + partner);
        assertThat(page.body()).contains("Ir. Bambang Supriadi · Kepala Pelaksana · 0813*****567 · b***@bpbd.kotabarukab.go.id")
                .doesNotContain("081351234567", "null");
        Http.Response revealed = browser.postForm("/network/partners/" + partner + "/contacts", "_csrf", page.csrfToken());
        assertThat(revealed.header("Cache-Control")).contains("no-store");
        assertThat(revealed.body()).contains("081351234567", "bambang@bpbd.kotabarukab.go.id", "tercatat di log audit");
        assertThat(audits("PERSONAL_DATA_READ", "partner:" + partner)).isEqualTo(1);
    }

    @Test
    void aVolunteerSignsInOnTheWebAndTheirReportCarriesTheirPartner() {
        Accounts.Created staff = new Accounts(Http.api(port)).create("kotabaru-staf", List.of("STAFF"), KOTABARU);
        String partnerName = Accounts.uniqueName("Pemuda Katolik Kotabaru");
        long partner = Http.api(port).bearer(staff.token()).post("/api/v1/partners", Map.of("name", partnerName,
                "type", "RELIGIOUS_GROUP", "regionCode", KOTABARU)).json().get("id").asLong();
        Map<String, Object> signup = VolunteerFixtures.signup("Yosef Laka", KOTABARU + ".01");
        signup.put("affiliationPartnerId", partner);
        long id = VolunteerFixtures.signUp(port, signup).get("id").asLong();
        var account = Http.api(port).bearer(staff.token()).post("/api/v1/volunteers/" + id + "/approve", "").json().get("account");
        Http browser = Http.browser(port).header("X-Forwarded-For", Clients.nextAddress());
        String login = browser.get("/login").csrfToken();
        assertThat(browser.postForm("/login", "_csrf", login, "username", account.get("username").asString(),
                "password", account.get("initialPassword").asString()).header("Location")).doesNotContain("error");

        Http.Response form = browser.get("/lapor");
        assertThat(form.body()).contains("id=\"as-volunteer\"", account.get("username").asString(), "action=\"/lapor/relawan\"",
                "data-volunteer=\"true\"");
        Map<String, String> fields = new java.util.HashMap<>(Map.of("category", "MONEY_POLITICS", "title", "Serangan fajar di Pulau Laut",
                "description", "Amplop dibagikan dari rumah ke rumah menjelang pemungutan suara oleh tim kampanye.",
                "occurredAt", java.time.LocalDateTime.now(ZoneId.of("Asia/Makassar")).minusHours(3).withNano(0).withSecond(0).toString(),
                "regionCode", KOTABARU + ".01"));
        assertThat(browser.postMultipart("/lapor/relawan", fields, List.of()).status()).as("without the CSRF token").isEqualTo(403);
        fields.put("_csrf", form.csrfToken());
        Http.Response posted = browser.postMultipart("/lapor/relawan", fields, List.of());

        assertThat(posted.status()).as(posted.toString()).isEqualTo(302);
        String code = posted.header("Location").replaceAll(".*/lacak/([^?]+).*", "$1");
        assertThat(jdbc.sql("select (submitted_by = ?) || ' ' || (affiliation -> 'partner' ->> 'id') || ' ' || (affiliation ->> 'volunteerId')"
                        + " from report where tracking_code = ?")
                .params(account.get("accountId").asLong(), code).query(String.class).single()).isEqualTo("true " + partner + " " + id);
        JsonNode figures = Http.api(port).bearer(staff.token()).get("/api/v1/partners/" + partner + "/contribution").json();
        assertThat(figures.get("reports").asLong()).isEqualTo(1);
        assertThat(figures.get("activeMembers").asLong()).isEqualTo(1);
        // the public form stays anonymous and sessionless for everyone else
        Http.Response anonymous = Http.api(port).get("/lapor");
        assertThat(anonymous.body()).contains("action=\"/lapor\"").doesNotContain("as-volunteer", "_csrf");
        assertThat(Http.browser(port).postMultipart("/lapor/relawan", fields, List.of()).status()).isIn(401, 403);
    }
}
