package id.pantau.shared;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Per-client limits on public endpoints (Bucket4j token buckets, kept in memory per node). Each
 * named limit reads {@code pantau.rate-limit.<name>.per-minute} and {@code .burst}. Generous by
 * default: many phones share one carrier-grade NAT address, and a limited reporter is told when
 * to retry (429 + Retry-After), never dropped.
 */
@Component
public class ClientRateLimits {

    private final Environment environment;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(200_000).build();

    ClientRateLimits(Environment environment) {
        this.environment = environment;
    }

    /** Takes one request from {@code client}'s allowance under {@code limit}, or throws the 429. */
    public void check(String limit, String client) {
        Bucket bucket = buckets.get(limit + "|" + client, key -> newBucket(limit));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException("Too many requests from this address; retry later",
                    Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private Bucket newBucket(String limit) {
        int perMinute = environment.getProperty("pantau.rate-limit." + limit + ".per-minute", Integer.class, 60);
        int burst = environment.getProperty("pantau.rate-limit." + limit + ".burst", Integer.class, perMinute);
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
    }
}
