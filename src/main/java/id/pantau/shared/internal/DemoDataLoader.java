package id.pantau.shared.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import id.pantau.shared.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo data set ({@link DemoData}) when the dev profile starts with {@code PANTAU_DEMO=true}:
 * each part not loaded yet, in order, each in its own transaction with the record of it, then its
 * {@link DemoData#finish()}, and waits until the events it set off have been handled before the next.
 *
 * <p>It runs on the context refresh ahead of the scheduler, which starts its jobs on the same event
 * with the lowest precedence: a job must not see the data half-loaded (the deadline job would warn
 * about backdated cases that the last part is about to walk on).
 */
@Component
@Profile("dev")
@ConditionalOnBooleanProperty("pantau.demo")
class DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    /** Far more than the data set needs; a part that takes longer is stuck. */
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private final ObjectProvider<DemoData> parts;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AtomicBoolean done = new AtomicBoolean();

    DemoDataLoader(ObjectProvider<DemoData> parts, JdbcClient jdbc, TransactionTemplate transaction) {
        this.parts = parts;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @EventListener(ContextRefreshedEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void load() {
        if (done.getAndSet(true)) {
            return;
        }
        long started = System.nanoTime();
        // events of this start only: an earlier start's undelivered ones are republished by the registry
        Instant since = Instant.now();
        List<DemoData> ordered = parts.orderedStream().toList();
        int loaded = 0;
        for (DemoData part : ordered) {
            long partStarted = System.nanoTime();
            String summary = isLoaded(part.name()) ? null : transaction.execute(status -> {
                String written = part.load();
                jdbc.sql("insert into demo_data_part (name, loaded_at, summary) values (?, now(), ?)")
                        .params(part.name(), written).update();
                return written;
            });
            long written = millisSince(partStarted);
            part.finish();
            awaitEvents(part, since);
            if (summary != null) {
                log.info("Demo data {} in {} ms ({} ms writing, {} ms processing and events): {}", part.name(),
                        millisSince(partStarted), written, millisSince(partStarted) - written, summary);
                loaded++;
            }
        }
        if (loaded == 0) {
            log.info("Demo data set already loaded ({} parts); nothing to do", ordered.size());
            return;
        }
        log.warn("""

                ************************************************************************
                  DEMO DATA (SYNTHETIC) loaded in {} ms ({} parts): every record is
                  labelled [DEMO], "contoh" or "data sintetis"; no real reports, people
                  or scores. Loaded once: later starts with PANTAU_DEMO=true keep it.
                ************************************************************************""",
                millisSince(started), loaded);
    }

    private boolean isLoaded(String name) {
        return jdbc.sql("select exists (select 1 from demo_data_part where name = ?)").param(name)
                .query(Boolean.class).single();
    }

    /** Waits until every event published since {@code since} has been handled by its listeners. */
    private void awaitEvents(DemoData part, Instant since) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            record Pending(long outstanding, long failed) {
            }
            Pending pending = jdbc.sql("""
                            select count(*) filter (where status is distinct from 'FAILED') as outstanding,
                                   count(*) filter (where status = 'FAILED') as failed
                              from event_publication where completion_date is null and publication_date >= ?""")
                    .param(Timestamp.from(since)).query(Pending.class).single();
            if (pending.failed() > 0) {
                throw new IllegalStateException("Demo data " + part.name()
                        + ": a module failed to handle an event; see the log above (table event_publication)");
            }
            if (pending.outstanding() == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Demo data " + part.name() + ": events still unhandled after " + PATIENCE);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while loading the demo data", e);
            }
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
