package id.pantau.shared;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import id.pantau.support.Parallel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Creating endpoints honour Idempotency-Key (PRODUCT.md §5), shown on POST /api/v1/users. */
@IntegrationTest
class IdempotencyTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    Http admin;

    @BeforeEach
    void client() {
        Http api = Http.api(port);
        admin = api.bearer(new Accounts(api).adminToken());
    }

    @Test
    void aRetryWithTheSameKeyReturnsTheFirstAnswer() {
        Map<String, Object> body = newAccount();
        Http keyed = admin.header("Idempotency-Key", UUID.randomUUID().toString());

        Http.Response first = keyed.post("/api/v1/users", body);
        Http.Response retry = keyed.post("/api/v1/users", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(accountsNamed(body)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        Http keyed = admin.header("Idempotency-Key", UUID.randomUUID().toString());
        keyed.post("/api/v1/users", newAccount());

        Http.Response other = keyed.post("/api/v1/users", newAccount());

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
    }

    @Test
    void aFailedRequestDoesNotUseUpItsKey() {
        Http keyed = admin.header("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> invalid = Map.of("username", Accounts.uniqueName("retry"), "password", "short", "roles", List.of("STAFF"));
        assertThat(keyed.post("/api/v1/users", invalid).status()).isEqualTo(400);

        Map<String, Object> fixed = Map.of("username", invalid.get("username"), "password", Accounts.PASSWORD, "roles", List.of("STAFF"));
        assertThat(keyed.post("/api/v1/users", fixed).status()).isEqualTo(201);
    }

    @Test
    void aMalformedKeyIsAFieldError() {
        Http.Response response = admin.header("Idempotency-Key", "x".repeat(201)).post("/api/v1/users", newAccount());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
    }

    @Test
    void twentyConcurrentRetriesCreateOneAccount() throws Exception {
        Map<String, Object> body = newAccount();
        Http keyed = admin.header("Idempotency-Key", UUID.randomUUID().toString());
        List<Http.Response> responses = Parallel.times(20, () -> keyed.post("/api/v1/users", body));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
        assertThat(responses).extracting(r -> r.json().get("id").asLong()).containsOnly(responses.getFirst().json().get("id").asLong());
        assertThat(accountsNamed(body)).isEqualTo(1);
    }

    private long accountsNamed(Map<String, Object> body) {
        return jdbc.sql("select count(*) from account where username = ?").param(body.get("username")).query(Long.class).single();
    }

    private static Map<String, Object> newAccount() {
        return Map.of("username", Accounts.uniqueName("idem"), "password", Accounts.PASSWORD,
                "roles", List.of("VOLUNTEER"), "regionCode", "35.09");
    }
}
