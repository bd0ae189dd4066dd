package id.pantau.account.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import id.pantau.account.AuditTrail;
import id.pantau.shared.Sha256;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opaque bearer tokens for API clients: 256 random bits, of which only a SHA-256 is stored, so
 * a leaked table cannot be replayed. A token is checked against the database on every request,
 * which makes revocation immediate.
 */
@Service
class ApiTokens {

    static final String PREFIX = "pantau_";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, AuditTrail audit, Clock clock,
              @Value("${pantau.api-token.lifetime:PT12H}") Duration lifetime) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    record IssuedToken(String token, Instant expiresAt) {
    }

    @Transactional
    IssuedToken issue(Account account) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        jdbc.sql("insert into api_token (token_hash, account_id, issued_at, expires_at) values (?, ?, ?, ?)")
                .params(Sha256.of(token), account.id(), Timestamp.from(now), Timestamp.from(expiresAt))
                .update();
        audit.record(account.username(), "TOKEN_ISSUED", "account:" + account.id(), Map.of("expiresAt", expiresAt.toString()));
        return new IssuedToken(token, expiresAt);
    }

    /** The enabled account owning this unexpired token. */
    Optional<Account> authenticate(String token) {
        return jdbc.sql("""
                        select a.* from api_token t join account a on a.id = t.account_id
                         where t.token_hash = ? and t.expires_at > ? and a.enabled""")
                .params(Sha256.of(token), Timestamp.from(clock.instant()))
                .query(AccountRepository::map).optional();
    }

    @Transactional
    boolean revoke(String token) {
        return jdbc.sql("delete from api_token where token_hash = ?").param(Sha256.of(token)).update() == 1;
    }

    @Scheduled(cron = "${pantau.api-token.cleanup-cron:0 23 * * * *}")
    void forgetExpired() {
        jdbc.sql("delete from api_token where expires_at < ?").param(Timestamp.from(clock.instant())).update();
    }

}
