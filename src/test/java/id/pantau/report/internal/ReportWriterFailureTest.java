package id.pantau.report.internal;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import id.pantau.report.internal.ReportWriter.Pending;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the requests of a batch learn when the database fails them (no database needed). */
class ReportWriterFailureTest {

    /** A transaction that fails before running anything, and counts how often it was tried. */
    static final class FailingTransaction extends TransactionTemplate {
        final AtomicInteger attempts = new AtomicInteger();
        final RuntimeException failure;

        FailingTransaction(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public <T> @Nullable T execute(TransactionCallback<T> action) throws TransactionException {
            attempts.incrementAndGet();
            throw failure;
        }
    }

    @Test
    void aBatchWithoutAConnectionFailsAllItsRequestsAtOnceWithoutRetryingEachAlone() {
        var transaction = new FailingTransaction(new CannotGetJdbcConnectionException("no connection within 5 s"));
        var writer = new ReportWriter(null, null, transaction, 1, 100);
        List<Pending> batch = List.of(new Pending(null, null), new Pending(null, null), new Pending(null, null));

        writer.write(batch);

        assertThat(transaction.attempts).hasValue(1);
        assertThat(batch).allSatisfy(p -> assertThatThrownBy(() -> p.outcome().join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(CannotGetJdbcConnectionException.class));
    }

    @Test
    void anyOtherFailureIsTriedAgainReportByReport() {
        var transaction = new FailingTransaction(new DataIntegrityViolationException("a constraint"));
        var writer = new ReportWriter(null, null, transaction, 1, 100);
        List<Pending> batch = List.of(new Pending(null, null), new Pending(null, null), new Pending(null, null));

        writer.write(batch);

        assertThat(transaction.attempts).as("the batch, then each report alone").hasValue(4);
        assertThat(batch).allSatisfy(p -> assertThat(p.outcome()).isCompletedExceptionally());
    }

    @Test
    void theRequestGetsTheFailureItselfSoTheProblemHandlerCanAnswerIt() {
        var writer = new ReportWriter(null, null, new FailingTransaction(new CannotGetJdbcConnectionException("away")), 1, 100);

        // not started: the caller writes itself, as before start-up and after shutdown
        assertThatThrownBy(() -> writer.store(null, null)).isInstanceOf(CannotGetJdbcConnectionException.class);

        writer.start();
        try {
            assertThatThrownBy(() -> writer.store(null, null)).isInstanceOf(CannotGetJdbcConnectionException.class);
        } finally {
            writer.stop();
        }
    }
}
