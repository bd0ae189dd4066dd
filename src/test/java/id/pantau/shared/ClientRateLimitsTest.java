package id.pantau.shared;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientRateLimitsTest {

    @Test
    void aClientThatUsedItsBurstWaitsWhileOthersGoOn() {
        var limits = new ClientRateLimits(new MockEnvironment()
                .withProperty("pantau.rate-limit.tight.per-minute", "6")
                .withProperty("pantau.rate-limit.tight.burst", "2"));

        limits.check("tight", "10.0.0.1");
        limits.check("tight", "10.0.0.1");

        assertThatThrownBy(() -> limits.check("tight", "10.0.0.1"))
                .isInstanceOf(TooManyRequestsException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((TooManyRequestsException) e).retryAfterSeconds())
                        .isBetween(1L, 10L));
        assertThatCode(() -> limits.check("tight", "10.0.0.2")).doesNotThrowAnyException();
        assertThatCode(() -> limits.check("other-limit", "10.0.0.1")).doesNotThrowAnyException();
    }
}
