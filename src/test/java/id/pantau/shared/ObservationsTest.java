package id.pantau.shared;

import id.pantau.support.IntegrationTest;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests are observed (timed), but not each filter of the security chain, which cost a fifth of intake's CPU. */
@IntegrationTest
class ObservationsTest {

    @Autowired
    ObservationRegistry registry;

    @Test
    void securityFilterObservationsAreOffAndRequestObservationsOn() {
        Observation security = Observation.start("spring.security.filterchains", registry);
        Observation request = Observation.start("http.server.requests", registry);
        try {
            assertThat(security.isNoop()).isTrue();
            assertThat(request.isNoop()).isFalse();
        } finally {
            security.stop();
            request.stop();
        }
    }
}
