package id.pantau.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Test accounts made through the API, each with a unique name so tests never collide. */
public final class Accounts {

    public static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Http api;

    public Accounts(Http api) {
        this.api = api;
    }

    public String adminToken() {
        return token(TestDatabaseInitializer.ADMIN_USERNAME, TestDatabaseInitializer.ADMIN_PASSWORD);
    }

    public String token(String username, String password) {
        Http.Response response = api.post("/api/v1/auth/token", Map.of("username", username, "password", password));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("token").asString();
    }

    public static String uniqueName(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
    }

    /** Creates an account as the bootstrap administrator; returns its id and a token for it. */
    public Created create(String prefix, List<String> roles, String regionCode) {
        String username = uniqueName(prefix);
        Http.Response response = api.bearer(adminToken()).post("/api/v1/users", Map.of(
                "username", username, "password", PASSWORD, "roles", roles, "regionCode", regionCode));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return new Created(response.json().get("id").asLong(), username, token(username, PASSWORD));
    }

    public record Created(long id, String username, String token) {
    }
}
