package id.pantau.shared;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a creating request safe to retry (the {@code Idempotency-Key} header of PRODUCT.md §5).
 *
 * <p>The key is claimed with an insert in the same transaction that creates the resource. A
 * concurrent retry blocks on PostgreSQL's unique index until that transaction ends, then finds
 * the stored answer; so however many copies of a request race, the action runs once. An action
 * that fails rolls its claim back, so a failed request can be retried with the same key.
 */
@Service
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    Idempotency(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transaction, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transaction = transaction;
        this.json = json;
    }

    /**
     * Runs {@code action} in a transaction, once per (scope, key).
     *
     * @param scope   whose keys these are (an account, or a public channel), so clients cannot collide
     * @param key     the client's key, or null to run without replay protection
     * @param request the parsed request; two requests are "the same" when they serialise alike
     */
    public ResponseEntity<?> create(String scope, @Nullable String key, Object request,
                                    Supplier<ResponseEntity<?>> action) {
        if (key == null) {
            return transaction.execute(status -> action.get());
        }
        checkKey(key);
        byte[] fingerprint = fingerprint(request);
        return transaction.execute(status -> {
            int claimed = jdbc.sql("""
                            insert into idempotency_key (scope, key, request_hash)
                            values (:scope, :key, :hash)
                            on conflict do nothing""")
                    .param("scope", scope).param("key", key).param("hash", fingerprint)
                    .update();
            if (claimed == 1) {
                ResponseEntity<?> response = action.get();
                remember(scope, key, response);
                return response;
            }
            return replay(scope, key, fingerprint);
        });
    }

    /**
     * A key to claim together with the answer it will replay, for a caller that knows its answer
     * before it writes (report intake stores many reports in one transaction: {@link #claimAll}).
     */
    public record Claim(String scope, String key, byte[] fingerprint, int status, @Nullable String body,
                        @Nullable String location) {
    }

    public Claim claim(String scope, String key, Object request, ResponseEntity<?> answer) {
        checkKey(key);
        return new Claim(scope, key, fingerprint(request), answer.getStatusCode().value(), bodyOf(answer), locationOf(answer));
    }

    /**
     * Claims the keys, with their answers, in the caller's transaction: {@code true} where the key
     * was free. A key held by another open transaction blocks until that one ends, so callers that
     * claim several keys at once must claim them in one order (the caller sorts) to never deadlock.
     * A key that appears twice is claimed by its first occurrence.
     */
    public boolean[] claimAll(List<Claim> claims) {
        int[] inserted = batch.batchUpdate("""
                        insert into idempotency_key (scope, key, request_hash, response_status, response_body, location)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict do nothing""",
                claims.stream().map(c -> new Object[]{c.scope(), c.key(), c.fingerprint(), c.status(), c.body(), c.location()})
                        .toList());
        boolean[] claimed = new boolean[inserted.length];
        for (int i = 0; i < inserted.length; i++) {
            claimed[i] = inserted[i] == 1;
        }
        return claimed;
    }

    /** The stored answer to a key that was claimed before (or 422 if this request differs from the first). */
    public ResponseEntity<?> replay(Claim claim) {
        return replay(claim.scope(), claim.key(), claim.fingerprint());
    }

    private void remember(String scope, String key, ResponseEntity<?> response) {
        jdbc.sql("""
                        update idempotency_key
                           set response_status = :status, response_body = :body, location = :location
                         where scope = :scope and key = :key""")
                .param("status", response.getStatusCode().value())
                .param("body", bodyOf(response))
                .param("location", locationOf(response))
                .param("scope", scope).param("key", key)
                .update();
    }

    /** Two requests are "the same" when they serialise alike. */
    private byte[] fingerprint(Object request) {
        return Sha256.of(json.writeValueAsBytes(request));
    }

    private @Nullable String bodyOf(ResponseEntity<?> answer) {
        return answer.getBody() == null ? null : json.writeValueAsString(answer.getBody());
    }

    private static @Nullable String locationOf(ResponseEntity<?> answer) {
        URI location = answer.getHeaders().getLocation();
        return location == null ? null : location.toString();
    }

    private ResponseEntity<?> replay(String scope, String key, byte[] fingerprint) {
        return jdbc.sql("""
                        select request_hash, response_status, response_body, location
                          from idempotency_key where scope = :scope and key = :key""")
                .param("scope", scope).param("key", key)
                .query((rs, row) -> {
                    if (!Arrays.equals(rs.getBytes("request_hash"), fingerprint)) {
                        throw new IdempotencyKeyReusedException();
                    }
                    var builder = ResponseEntity.status(rs.getInt("response_status"))
                            .header("Idempotent-Replayed", "true");
                    String location = rs.getString("location");
                    if (location != null) {
                        builder.header(HttpHeaders.LOCATION, location);
                    }
                    String body = rs.getString("response_body");
                    return body == null ? builder.build() : builder.contentType(MediaType.APPLICATION_JSON).body(body);
                })
                .single();
    }

    private static void checkKey(String key) {
        boolean printable = key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !printable) {
            throw InvalidInputException.of(HEADER, "idempotencyKey.invalid",
                    "must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters without spaces");
        }
    }

    /** A retry comes within minutes or hours; a day of keys is plenty and keeps the table small. */
    @Scheduled(cron = "${pantau.idempotency.cleanup-cron:0 17 * * * *}")
    void forgetOldKeys() {
        jdbc.sql("delete from idempotency_key where created_at < now() - interval '24 hours'").update();
    }

}
