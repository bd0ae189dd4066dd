package id.pantau.account.internal;

import java.time.Duration;

import javax.sql.DataSource;

import id.pantau.shared.TooManyRequestsException;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The throttle's two buckets, on the real PostgreSQL-backed Bucket4j store. */
@IntegrationTest
class LoginThrottleTest {

    @Autowired
    DataSource dataSource;

    @Test
    void failuresFromOneAddressAreLimitedAcrossUsernames() {
        var throttle = new LoginThrottle(dataSource, 5, 3, Duration.ofMinutes(15));
        String address = "203.0.113." + (System.nanoTime() % 250);

        throttle.failed("amir" + address, address);
        throttle.failed("budi" + address, address);
        throttle.failed("citra" + address, address);

        assertThatThrownBy(() -> throttle.check("dewi" + address, address))
                .isInstanceOf(TooManyRequestsException.class);
        assertThatCode(() -> throttle.check("dewi" + address, "198.51.100.7")).doesNotThrowAnyException();
    }

    @Test
    void failuresForOneUsernameAreLimitedAcrossAddresses() {
        var throttle = new LoginThrottle(dataSource, 2, 100, Duration.ofMinutes(15));
        String username = "eka-" + System.nanoTime();

        throttle.failed(username, "192.0.2.1");
        throttle.failed(username.toUpperCase(), "192.0.2.2");

        assertThatThrownBy(() -> throttle.check(username, "192.0.2.3"))
                .isInstanceOf(TooManyRequestsException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((TooManyRequestsException) e).retryAfterSeconds())
                        .isBetween(1L, 15 * 60L));
    }
}
