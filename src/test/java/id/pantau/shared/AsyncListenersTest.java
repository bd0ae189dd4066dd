package id.pantau.shared;

import java.util.concurrent.Executor;

import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asynchronous event listeners run at most 8 at a time: a burst of events must queue rather than
 * take every pooled connection (the demo data set's incident changes timed out without a limit).
 */
@IntegrationTest
class AsyncListenersTest {

    @Autowired
    @Qualifier("applicationTaskExecutor")
    Executor executor;

    @Test
    void listenersRunOnABoundedExecutor() {
        assertThat(executor).isInstanceOf(SimpleAsyncTaskExecutor.class);
        var bounded = (SimpleAsyncTaskExecutor) executor;
        assertThat(bounded.isThrottleActive()).isTrue();
        assertThat(bounded.getConcurrencyLimit()).isEqualTo(8);
    }
}
