package id.pantau.account;

import java.util.List;
import java.util.Map;

import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in for API clients, account management and its audit trail, over HTTP. */
@IntegrationTest
class AccountApiTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    Http api;
    Accounts accounts;

    @BeforeEach
    void client() {
        api = Http.api(port);
        accounts = new Accounts(api);
    }

    @Test
    void theBootstrapAdministratorGetsATokenThatAuthenticatesApiCalls() {
        Http.Response issued = api.post("/api/v1/auth/token", Map.of("username", "ADMIN", "password", "test-admin-password"));

        assertThat(issued.status()).isEqualTo(200);
        assertThat(issued.json().get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(issued.json().get("expiresAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*(Z|[+-]\\d\\d:\\d\\d)");
        JsonNode me = api.bearer(issued.json().get("token").asString()).get("/api/v1/me").json();
        assertThat(me.get("username").asString()).isEqualTo("admin");
        assertThat(me.get("roles")).extracting(JsonNode::asString).containsExactly("ADMIN");
        assertThat(me.get("regionCode").isNull()).isTrue();
        assertThat(me.has("passwordHash")).isFalse();
    }

    @Test
    void onlyAHashOfATokenIsStored() {
        String token = accounts.adminToken();

        List<byte[]> stored = jdbc.sql("select token_hash from api_token").query(byte[].class).list();
        assertThat(stored).allSatisfy(hash -> assertThat(hash).hasSize(32));
        String dump = jdbc.sql("select string_agg(encode(token_hash, 'escape'), '') from api_token").query(String.class).single();
        assertThat(dump).doesNotContain(token.substring("pantau_".length()));
    }

    @Test
    void aSignInAndTheTokenIssuedAreAudited() {
        var staff = accounts.create("audited-sign-in", List.of("STAFF"), "35.09");
        // create() signed in once already; this is the second sign-in
        accounts.token(staff.username().toUpperCase(), Accounts.PASSWORD);

        List<Map<String, Object>> entries = jdbc.sql("""
                        select action, actor, subject, client_ip, details->>'channel' as channel, details->>'expiresAt' as expires
                          from audit_event where actor = ? and action in ('LOGIN_SUCCEEDED', 'TOKEN_ISSUED') order by id""")
                .param(staff.username()).query().listOfRows();

        assertThat(entries).extracting(e -> e.get("action"))
                .containsExactly("LOGIN_SUCCEEDED", "TOKEN_ISSUED", "LOGIN_SUCCEEDED", "TOKEN_ISSUED");
        assertThat(entries).allSatisfy(e -> assertThat(e.get("client_ip")).isNotNull());
        assertThat(entries).filteredOn(e -> e.get("action").equals("LOGIN_SUCCEEDED"))
                .allSatisfy(e -> assertThat(e.get("channel")).isEqualTo("api"));
        assertThat(entries).filteredOn(e -> e.get("action").equals("TOKEN_ISSUED")).allSatisfy(e -> {
            assertThat(e.get("subject")).isEqualTo("account:" + staff.id());
            assertThat((String) e.get("expires")).isNotBlank();
        });
    }

    @Test
    void aRevokedTokenNoLongerWorks() {
        String token = accounts.adminToken();
        Http me = api.bearer(token);
        assertThat(me.get("/api/v1/me").status()).isEqualTo(200);

        assertThat(me.delete("/api/v1/auth/token").status()).isEqualTo(204);

        assertThat(me.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIsUnauthorisedAndAudited() {
        Http.Response response = api.post("/api/v1/auth/token", Map.of("username", "nobody-" + System.nanoTime(), "password", "wrong password"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).isEqualTo("Wrong username or password");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'LOGIN_FAILED'").query(Long.class).single())
                .isPositive();
    }

    @Test
    void repeatedFailuresAreThrottledWithRetryAfter() {
        var victim = accounts.create("throttled", List.of("STAFF"), "35");
        Map<String, String> wrong = Map.of("username", victim.username(), "password", "not the password");
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(api.post("/api/v1/auth/token", wrong).status()).as("attempt %d", attempt).isEqualTo(401);
        }

        Http.Response throttled = api.post("/api/v1/auth/token", wrong);
        Http.Response evenTheRightPassword = api.post("/api/v1/auth/token",
                Map.of("username", victim.username(), "password", Accounts.PASSWORD));

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(evenTheRightPassword.status()).isEqualTo(429);
    }

    @Test
    void anUnauthenticatedCallIsA401Problem() {
        Http.Response response = api.get("/api/v1/users");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(api.bearer("pantau_not-a-real-token").get("/api/v1/users").status()).isEqualTo(401);
    }

    @Test
    void anAdministratorCreatesAStaffAccountInARegion() {
        String username = Accounts.uniqueName("jember-staff");
        Http.Response created = api.bearer(accounts.adminToken()).post("/api/v1/users", Map.of(
                "username", username.toUpperCase(), "password", Accounts.PASSWORD, "roles", List.of("STAFF"),
                "regionCode", "35.09", "displayName", "Staf Bawaslu Jember"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.get("username").asString()).isEqualTo(username);
        assertThat(body.get("roles")).extracting(JsonNode::asString).containsExactly("STAFF");
        assertThat(body.get("regionCode").asString()).isEqualTo("35.09");
        assertThat(body.get("enabled").asBoolean()).isTrue();
        assertThat(body.has("password")).isFalse();
        assertThat(created.header("Location")).isEqualTo("/api/v1/users/" + body.get("id").asLong());
        assertThat(accounts.token(username, Accounts.PASSWORD)).startsWith("pantau_");

        String hash = jdbc.sql("select password_hash from account where username = ?").param(username).query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(Accounts.PASSWORD);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'ACCOUNT_CREATED' and details->>'username' = ?")
                .param(username).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        Http.Response response = api.bearer(accounts.adminToken()).post("/api/v1/users", Map.of(
                "username", "x", "password", "short", "roles", List.of("KING"), "regionCode", "35.9"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors")).extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("username", "password", "roles", "regionCode");
    }

    @Test
    void anUnknownRegionIsAFieldError() {
        Http.Response response = api.bearer(accounts.adminToken()).post("/api/v1/users", Map.of(
                "username", Accounts.uniqueName("nowhere"), "password", Accounts.PASSWORD,
                "roles", List.of("STAFF"), "regionCode", "35.99"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("code").asString()).isEqualTo("regionCode.unknown");
    }

    @Test
    void aMalformedBodyNamesTheField() {
        Http.Response wrongType = api.bearer(accounts.adminToken()).post("/api/v1/users", "{\"username\": \"a\", \"roles\": {\"x\": 1}}");
        Http.Response notJson = api.bearer(accounts.adminToken()).post("/api/v1/users", "{username");

        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("errors").get(0).get("field").asString()).isEqualTo("roles");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
    }

    @Test
    void aTakenUsernameIsAConflict() {
        var existing = accounts.create("taken", List.of("VOLUNTEER"), "35.09");

        Http.Response response = api.bearer(accounts.adminToken()).post("/api/v1/users", Map.of(
                "username", existing.username(), "password", Accounts.PASSWORD, "roles", List.of("STAFF"), "regionCode", "35"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("username");
    }

    @Test
    void staffMayNotGrantTheAdministratorRole() {
        var staff = accounts.create("province-staff", List.of("STAFF"), "35");

        Http.Response response = api.bearer(staff.token()).post("/api/v1/users", Map.of(
                "username", Accounts.uniqueName("would-be-admin"), "password", Accounts.PASSWORD,
                "roles", List.of("ADMIN"), "regionCode", "35.09"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void volunteersMayNotManageAccounts() {
        var volunteer = accounts.create("volunteer", List.of("VOLUNTEER"), "35.09");

        assertThat(api.bearer(volunteer.token()).get("/api/v1/users").status()).isEqualTo(403);
        assertThat(api.bearer(volunteer.token()).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void changingRolesEndsTheAccountsTokensAndIsAudited() {
        var staff = accounts.create("demoted", List.of("STAFF"), "35.09");
        assertThat(api.bearer(staff.token()).get("/api/v1/users").status()).isEqualTo(200);

        Http.Response changed = api.bearer(accounts.adminToken()).patch("/api/v1/users/" + staff.id(),
                Map.of("roles", List.of("VOLUNTEER"), "regionCode", "35.09.01"));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("roles")).extracting(JsonNode::asString).containsExactly("VOLUNTEER");
        assertThat(changed.json().get("regionCode").asString()).isEqualTo("35.09.01");
        assertThat(api.bearer(staff.token()).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(jdbc.sql("select details->'changed' from audit_event where action = 'ACCOUNT_UPDATED' and subject = ?")
                .param("account:" + staff.id()).query(String.class).single()).contains("roles", "regionCode");
    }

    @Test
    void anEmptyRegionMakesAnAccountNational() {
        var staff = accounts.create("going-national", List.of("ANALYST"), "35");

        Http.Response changed = api.bearer(accounts.adminToken()).patch("/api/v1/users/" + staff.id(), Map.of("regionCode", ""));

        assertThat(changed.json().get("regionCode").isNull()).isTrue();
    }

    @Test
    void theLastAdministratorCannotBeDemoted() {
        long adminId = api.bearer(accounts.adminToken()).get("/api/v1/me").json().get("id").asLong();

        Http.Response response = api.bearer(accounts.adminToken()).patch("/api/v1/users/" + adminId, Map.of("enabled", false));

        assertThat(response.status()).isEqualTo(409);
        assertThat(api.bearer(accounts.adminToken()).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void anUnknownAccountIsNotFound() {
        assertThat(api.bearer(accounts.adminToken()).get("/api/v1/users/987654321").status()).isEqualTo(404);
        assertThat(api.bearer(accounts.adminToken()).get("/api/v1/users/abc").status()).isEqualTo(400);
    }

    @Test
    void theListIsPagedAndFilteredByRegionAndRole() {
        accounts.create("lister", List.of("COORDINATOR"), "35.09.02");
        accounts.create("lister", List.of("COORDINATOR"), "35.09.02.2001");

        JsonNode page = api.bearer(accounts.adminToken()).get("/api/v1/users?region=35.09.02&role=COORDINATOR&size=1").json();

        assertThat(page.get("total").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("regionCode").asString()).startsWith("35.09.02");
    }
}
