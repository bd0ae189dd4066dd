package id.pantau.account.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import id.pantau.shared.TooManyRequestsException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: each failed sign-in takes a token from a bucket per username and
 * a bucket per client address; an empty bucket answers 429 with Retry-After until it refills.
 * The buckets live in PostgreSQL (Bucket4j), so the limit holds across all nodes.
 */
@Component
class LoginThrottle {

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final BucketConfiguration perUsername;
    private final BucketConfiguration perAddress;

    LoginThrottle(DataSource dataSource,
                  @Value("${pantau.login-throttle.failures-per-username:5}") int usernameFailures,
                  @Value("${pantau.login-throttle.failures-per-address:30}") int addressFailures,
                  @Value("${pantau.login-throttle.window:PT15M}") Duration window) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("login_throttle").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        this.perUsername = limit(usernameFailures, window);
        this.perAddress = limit(addressFailures, window);
    }

    /** Throws the 429 when this username or this address has used up its failures. */
    void check(@Nullable String username, String address) {
        for (Key key : keys(username, address)) {
            EstimationProbe probe = buckets.getProxy(key.id(), key::configuration).estimateAbilityToConsume(1);
            if (!probe.canBeConsumed()) {
                throw new TooManyRequestsException("Too many failed sign-ins; try again later",
                        Duration.ofNanos(probe.getNanosToWaitForRefill()));
            }
        }
    }

    void failed(@Nullable String username, String address) {
        for (Key key : keys(username, address)) {
            buckets.getProxy(key.id(), key::configuration).tryConsume(1);
        }
    }

    @Scheduled(fixedDelayString = "${pantau.login-throttle.cleanup-interval:PT10M}")
    void forgetRefilledBuckets() {
        while (buckets.removeExpired(1000) == 1000) {
            // keep going until a partial batch shows the table is clean
        }
    }

    private List<Key> keys(@Nullable String username, String address) {
        Key byAddress = new Key("address:" + address, perAddress);
        if (username == null || username.isBlank()) {
            return List.of(byAddress);
        }
        return List.of(new Key("username:" + username.strip().toLowerCase(Locale.ROOT), perUsername), byAddress);
    }

    private record Key(String id, BucketConfiguration configuration) {
    }

    private static BucketConfiguration limit(int failures, Duration window) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(failures).refillGreedy(failures, window).build())
                .build();
    }
}
