package id.pantau.network;

import java.util.List;

import id.pantau.support.Accounts;
import id.pantau.support.Clients;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The public sign-up page without JavaScript, and the coordinators' pages. */
@IntegrationTest
class SignupPageTest {

    /** Kabupaten Kapuas, Kalimantan Tengah. */
    static final String KAPUAS = "62.03";

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    private Http visitor() {
        return Http.browser(port).header("X-Forwarded-For", Clients.nextAddress());
    }

    @Test
    void thePageIsIndonesianByDefaultAndEnglishOnRequest() {
        Http.Response page = visitor().get("/gabung");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"id\">", "Gabung sebagai relawan", "name=\"consent\"", "Saya setuju");
        assertThat(page.body()).as("light: no htmx").doesNotContain("htmx");
        Http.Response english = visitor().get("/gabung?lang=en");
        assertThat(english.body()).contains("<html lang=\"en\">", "Join as a volunteer", "I agree");
    }

    @Test
    void withoutConsentTheFormComesBackWithTheMessageAndTheTypedValues() {
        Http browser = visitor();
        String csrf = browser.get("/gabung").csrfToken();
        String name = "Lina Marlina " + Accounts.uniqueName("p");

        Http.Response page = browser.postForm("/gabung", "_csrf", csrf, "name", name, "phone", "0812 3456 7891",
                "regionCode", KAPUAS + ".01");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("Anda perlu menyetujui penggunaan data untuk mendaftar", "id=\"consent-error\"",
                "value=\"" + name + "\"", "value=\"0812 3456 7891\"");
        assertThat(jdbc.sql("select count(*) from volunteer where name = ?").param(name).query(Long.class).single()).isZero();

        Http.Response english = browser.postForm("/gabung?lang=en", "_csrf", csrf, "name", name, "phone", "12", "regionCode", "");
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.body()).contains("You need to agree to the use of your data", "not an Indonesian mobile number",
                "Region code: is required");
    }

    @Test
    void aSignUpWithConsentShowsTheConfirmation() {
        Http browser = visitor();
        String csrf = browser.get("/gabung").csrfToken();
        String name = "Yusuf Habibi " + Accounts.uniqueName("p");

        Http.Response posted = browser.postForm("/gabung", "_csrf", csrf, "name", name, "phone", "081234567892",
                "regionCode", KAPUAS + ".01", "consent", "true");

        assertThat(posted.status()).as(posted.toString()).isEqualTo(302);
        assertThat(posted.header("Location")).endsWith("/gabung/terima-kasih");
        Http.Response done = browser.get("/gabung/terima-kasih");
        long id = jdbc.sql("select id from volunteer where name = ? and status = 'PENDING' and consent_at is not null")
                .param(name).query(Long.class).single();
        assertThat(done.body()).contains("Pendaftaran diterima", "Nomor pendaftaran: " + id);
    }

    @Test
    void aCoordinatorApprovesOnThePageAndSeesTheOneTimePasswordOnce() {
        Accounts accounts = new Accounts(Http.api(port));
        Accounts.Created coordinator = accounts.create("koord", List.of("COORDINATOR"), KAPUAS);
        String name = "Wati Susanti " + Accounts.uniqueName("p");
        long id = VolunteerFixtures.signUp(port, VolunteerFixtures.signup(name, KAPUAS + ".02")).get("id").asLong();
        Http browser = Http.browser(port);
        String loginCsrf = browser.get("/login").csrfToken();
        assertThat(browser.postForm("/login", "_csrf", loginCsrf, "username", coordinator.username(),
                "password", Accounts.PASSWORD).status()).isEqualTo(302);

        Http.Response list = browser.get("/network/volunteers");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(name, "volunteer-" + id, "Setujui");
        Http.Response approved = browser.postForm("/network/volunteers/" + id + "/approve", "_csrf", list.csrfToken());

        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.body()).contains("Relawan disetujui", "relawan-" + id);
        String password = approved.body().replaceAll("(?s).*id=\"password\"[^>]*>([^<]+)<.*", "$1");
        assertThat(password).hasSize(16);
        assertThat(accounts.token("relawan-" + id, password)).isNotBlank();
        assertThat(browser.get("/network/volunteers").body()).doesNotContain(name);

        Http.Response teams = browser.get("/network/teams");
        assertThat(teams.status()).isEqualTo(200);
        String teamName = "Tim Kapuas " + Accounts.uniqueName("p");
        Http.Response createdTeam = browser.postForm("/network/teams", "_csrf", teams.csrfToken(), "name", teamName, "regionCode", KAPUAS);
        assertThat(createdTeam.status()).as(createdTeam.toString()).isEqualTo(302);
        Http.Response team = browser.get(createdTeam.header("Location").replaceAll("^https?://[^/]+", ""));
        assertThat(team.body()).contains(teamName, "Impor anggota dari CSV");
        Http.Response imported = browser.postMultipart(createdTeam.header("Location").replaceAll("^https?://[^/]+", "") + "/import",
                java.util.Map.of("_csrf", team.csrfToken()), List.of(new Http.Part("file", "a.csv", "text/csv",
                        ("name,phone,regionCode,role,origin\nAnggota Baru," + VolunteerFixtures.phone() + ",62.03.01,MEMBER,OPD\n"
                                + "Salah,0800,62.03.01,MEMBER,OPD\n").getBytes())));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.body()).contains("1 anggota diimpor", "Baris yang tidak diimpor", "bukan nomor HP Indonesia", "Anggota Baru");
    }
}
