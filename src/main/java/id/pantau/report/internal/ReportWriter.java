package id.pantau.report.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import id.pantau.shared.Idempotency;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for report intake: the reports of concurrent API requests are stored in one
 * transaction, one round trip for their idempotency keys and one for the reports, and one commit.
 * On election day many phones send at once, and a commit per report (with its round trips and
 * its connection) cost more than the insert itself. A request waits until its report is
 * committed, so a 201 still means stored.
 *
 * <p>Writers take what has queued while their previous batch was committing, so batches grow with
 * the load and a lone request waits for no one. A batch that fails (a constraint one report
 * breaks) is written again report by report, so one bad report fails alone. A batch that gets no
 * connection fails as a whole: its requests answer 503 and the clients retry.
 */
@Component
class ReportWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReportWriter.class);

    /** Whether the report was stored, or its idempotency key was already taken (the caller replays that answer). */
    enum Outcome { STORED, KEY_TAKEN }

    /** A report waiting for its batch, and the request's wait for the outcome. */
    record Pending(ReportRepository.NewReport report, Idempotency.@Nullable Claim claim,
                   CompletableFuture<Outcome> outcome) {

        Pending(ReportRepository.NewReport report, Idempotency.@Nullable Claim claim) {
            this(report, claim, new CompletableFuture<>());
        }
    }

    private static final Comparator<Pending> BY_KEY = Comparator.comparing((Pending p) -> p.claim().scope())
            .thenComparing(p -> p.claim().key());

    private final ReportRepository reports;
    private final Idempotency idempotency;
    private final TransactionTemplate transaction;
    private final int writers;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    ReportWriter(ReportRepository reports, Idempotency idempotency, TransactionTemplate transaction,
                 @Value("${pantau.intake.writers:2}") int writers,
                 @Value("${pantau.intake.max-batch:100}") int maxBatch) {
        this.reports = reports;
        this.idempotency = idempotency;
        this.transaction = transaction;
        this.writers = writers;
        this.maxBatch = maxBatch;
    }

    /**
     * Stores the report (and claims the key with its answer, if any) and returns once committed.
     * Throws what the write threw: no connection (a 503 for the client), or the report's own failure.
     */
    Outcome store(ReportRepository.NewReport report, Idempotency.@Nullable Claim claim) {
        var pending = new Pending(report, claim);
        if (!running) {
            write(List.of(pending));
        } else {
            queue.add(pending);
        }
        try {
            return pending.outcome().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void drain() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // write() completes every request it took; this is a last guard so no request waits forever
                batch.forEach(p -> p.outcome().completeExceptionally(e));
                log.error("Report writer failed a batch of {}", batch.size(), e);
            } finally {
                batch.clear();
            }
        }
    }

    /** One transaction for the batch; on a failure other than a missing connection, one per report. */
    void write(List<Pending> batch) {
        try {
            List<Outcome> outcomes = writeTogether(batch);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).outcome().complete(outcomes.get(i));
            }
        } catch (CannotGetJdbcConnectionException | CannotCreateTransactionException e) {
            batch.forEach(p -> p.outcome().completeExceptionally(e));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.getFirst().outcome().completeExceptionally(e);
                return;
            }
            log.warn("A batch of {} reports failed ({}); writing them one by one", batch.size(), e.getMessage());
            for (Pending pending : batch) {
                write(List.of(pending));
            }
        }
    }

    private List<Outcome> writeTogether(List<Pending> batch) {
        return transaction.execute(status -> {
            List<Pending> keyed = batch.stream().filter(p -> p.claim() != null).sorted(BY_KEY).toList();
            Set<Pending> taken = Collections.newSetFromMap(new IdentityHashMap<>());
            if (!keyed.isEmpty()) {
                boolean[] claimed = idempotency.claimAll(keyed.stream().map(Pending::claim).toList());
                for (int i = 0; i < keyed.size(); i++) {
                    if (!claimed[i]) {
                        taken.add(keyed.get(i));
                    }
                }
            }
            List<Pending> toStore = batch.stream().filter(p -> !taken.contains(p)).toList();
            reports.insertAll(toStore.stream().map(Pending::report).toList());
            return batch.stream().map(p -> taken.contains(p) ? Outcome.KEY_TAKEN : Outcome.STORED).toList();
        });
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < writers; i++) {
            threads.add(Thread.ofPlatform().name("report-writer-" + i).daemon().start(this::drain));
        }
    }

    /** After the web server stopped taking requests (a later phase stops earlier): what is queued is still written. */
    @Override
    public void stop() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        List<Pending> late = new ArrayList<>();
        queue.drainTo(late);
        late.forEach(p -> write(List.of(p)));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
