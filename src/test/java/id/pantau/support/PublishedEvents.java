package id.pantau.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records the domain events the application publishes (from any thread, e.g. background
 * processing), so tests can wait for one instead of sleeping.
 */
public class PublishedEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    /**
     * An event published inside a transaction (e.g. ReportSubmitted, whose listeners run in the
     * processing transaction) is recorded once that commits, so a test that waited for it sees
     * what the listeners wrote; one published outside a transaction is recorded at once.
     */
    @EventListener
    void on(Object event) {
        if (!event.getClass().getPackageName().startsWith("id.pantau")) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    events.add(event);
                }
            });
        } else {
            events.add(event);
        }
    }

    /** Waits up to ten seconds for an event of the type matching the condition, and returns it. */
    public <T> T await(Class<T> type, Predicate<T> condition) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> events.stream().filter(type::isInstance).map(type::cast).filter(condition).findFirst().orElse(null),
                        found -> found != null);
    }

    public <T> List<T> all(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        PublishedEvents publishedEvents() {
            return new PublishedEvents();
        }
    }
}
