package id.pantau.account;

import java.util.List;

import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import id.pantau.support.TestDatabaseInitializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in on the pages (session + CSRF) and the account pages it opens. */
@IntegrationTest
class WebSignInTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    Http browser;

    @BeforeEach
    void freshBrowser() {
        browser = Http.browser(port);
    }

    @Test
    void anAdministratorSignsInAndSeesTheUsersPage() {
        signIn(TestDatabaseInitializer.ADMIN_USERNAME, TestDatabaseInitializer.ADMIN_PASSWORD);

        Http.Response users = browser.get("/admin/users");

        assertThat(users.status()).isEqualTo(200);
        assertThat(users.body()).contains("<h1>Pengguna</h1>", ">admin<", "Keluar (admin)");
    }

    @Test
    void aSignInOnThePageIsAudited() {
        var staff = new Accounts(Http.api(port)).create("web-audited", List.of("STAFF"), "35.09");

        signIn(staff.username(), Accounts.PASSWORD);

        assertThat(jdbc.sql("""
                        select count(*) from audit_event
                         where action = 'LOGIN_SUCCEEDED' and actor = ? and details->>'channel' = 'web'""")
                .param(staff.username()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aFailedSignInOnThePageIsAudited() {
        String username = Accounts.uniqueName("web-failure");
        String token = browser.get("/login").csrfToken();

        browser.postForm("/login", "_csrf", token, "username", username, "password", "wrong password");

        assertThat(jdbc.sql("""
                        select count(*) from audit_event
                         where action = 'LOGIN_FAILED' and subject = ? and details->>'channel' = 'web'""")
                .param("username:" + username).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void signingInWithoutTheCsrfTokenIsRefused() {
        browser.get("/login");

        Http.Response response = browser.postForm("/login",
                "username", TestDatabaseInitializer.ADMIN_USERNAME, "password", TestDatabaseInitializer.ADMIN_PASSWORD);

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void aWrongPasswordShowsTheFormAgainWithAMessage() {
        String token = browser.get("/login").csrfToken();
        Http.Response response = browser.postForm("/login", "_csrf", token, "username", "admin", "password", "wrong password");

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/login?error");
        assertThat(browser.get("/login?error").body()).contains("Nama pengguna atau kata sandi salah");
    }

    @Test
    void repeatedFailuresShowTheThrottledFormWith429() {
        var victim = new Accounts(Http.api(port)).create("web-throttled", List.of("STAFF"), "35.09");
        for (int i = 0; i < 5; i++) {
            String token = browser.get("/login").csrfToken();
            browser.postForm("/login", "_csrf", token, "username", victim.username(), "password", "not it at all");
        }

        String token = browser.get("/login").csrfToken();
        Http.Response throttled = browser.postForm("/login", "_csrf", token, "username", victim.username(),
                "password", Accounts.PASSWORD);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).matches("\\d+");
        assertThat(throttled.body()).contains("id=\"throttled\"", "Terlalu banyak percobaan masuk");
    }

    @Test
    void anonymousVisitorsAreSentToTheSignInPage() {
        Http.Response response = browser.get("/admin/users");

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/login");
    }

    @Test
    void volunteersMayNotOpenTheUsersPage() {
        var volunteer = new Accounts(Http.api(port)).create("web-volunteer", List.of("VOLUNTEER"), "35.09");
        signIn(volunteer.username(), Accounts.PASSWORD);

        assertThat(browser.get("/admin/users").status()).isEqualTo(403);
    }

    @Test
    void regencyStaffSeeOnlyTheirSubtreeAndCreateAccountsInIt() {
        var accounts = new Accounts(Http.api(port));
        var staff = accounts.create("web-staff", List.of("STAFF"), "35.09");
        var outsider = accounts.create("web-outsider", List.of("VOLUNTEER"), "35.10");
        signIn(staff.username(), Accounts.PASSWORD);

        Http.Response page = browser.get("/admin/users");
        assertThat(page.body()).contains(staff.username()).doesNotContain(outsider.username());
        assertThat(browser.get("/admin/users?region=35").status()).isEqualTo(403);

        String newcomer = Accounts.uniqueName("web-new");
        Http.Response created = browser.postForm("/admin/users", "_csrf", page.csrfToken(), "username", newcomer,
                "displayName", "Relawan Baru", "password", Accounts.PASSWORD, "roles", "VOLUNTEER", "regionCode", "35.09.01");
        assertThat(created.status()).isEqualTo(302);
        assertThat(browser.get("/admin/users").body()).contains(newcomer, "Akun " + newcomer + " telah dibuat");

        Http.Response refused = browser.postForm("/admin/users", "_csrf", page.csrfToken(), "username", Accounts.uniqueName("web-x"),
                "password", "short", "roles", "VOLUNTEER", "regionCode", "35.09.01");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"form-errors\"", "Kata sandi: Minimal 12 karakter");
    }

    @Test
    void pagesAreIndonesianByDefaultAndEnglishOnRequest() {
        Http.Response indonesian = browser.get("/regions/35.09");
        assertThat(indonesian.body()).contains("<html lang=\"id\">", "Kecamatan (31)", "Zona waktu");

        Http.Response english = browser.get("/regions/35.09?lang=en");
        assertThat(english.body()).contains("<html lang=\"en\">", "Districts (31)", "Time zone");
        // the choice sticks (cookie) until switched back
        assertThat(browser.get("/").body()).contains("Regions of Indonesia");
        assertThat(browser.get("/?lang=id").body()).contains("Wilayah Indonesia");
    }

    @Test
    void theLanguageSwitchKeepsThePageAndItsQuery() {
        Http.Response page = browser.get("/regions/search?q=jember");

        assertThat(page.body()).contains("href=\"/regions/search?q=jember&amp;lang=en\"");
    }

    @Test
    void publicPagesDoNotOpenASession() {
        Http.Response home = Http.api(port).get("/");

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.header("Set-Cookie")).isNull();
    }

    @Test
    void anUnknownRegionPageIsA404Page() {
        Http.Response page = browser.get("/regions/35.99");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("tidak ditemukan");
    }

    @Test
    void pagesCarryAContentSecurityPolicy() {
        assertThat(browser.get("/").header("Content-Security-Policy")).contains("script-src 'self'");
    }

    private void signIn(String username, String password) {
        String token = browser.get("/login").csrfToken();
        Http.Response response = browser.postForm("/login", "_csrf", token, "username", username, "password", password);
        assertThat(response.status()).as(response.toString()).isEqualTo(302);
        assertThat(response.header("Location")).doesNotContain("error");
    }
}
