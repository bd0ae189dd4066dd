package id.pantau.election;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The working-day calendar from the editable holiday table. Holidays change a few times a year,
 * so the table is read at most once a minute per node rather than on every deadline.
 */
@Service
public class LegalCalendar {

    private static final Duration FRESHNESS = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Snapshot snapshot;
    /** Bumped on every edit, so a read that overlapped an edit does not cache the old table. */
    private final java.util.concurrent.atomic.AtomicLong edits = new java.util.concurrent.atomic.AtomicLong();

    LegalCalendar(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Snapshot(WorkingDayCalendar calendar, Instant readAt) {
    }

    public WorkingDayCalendar calendar() {
        Snapshot current = snapshot;
        if (current == null || current.readAt().plus(FRESHNESS).isBefore(clock.instant())) {
            return fresh();
        }
        return current.calendar();
    }

    /**
     * The table as it is now, read past the cache: for work that follows an edit (a listener of
     * {@link LegalRulesChanged} may run before this node has forgotten its cached table).
     */
    public WorkingDayCalendar fresh() {
        long before = edits.get();
        Snapshot current = new Snapshot(new WorkingDayCalendar(new HashSet<>(
                jdbc.sql("select day from holiday").query(LocalDate.class).list())), clock.instant());
        if (edits.get() == before) {
            snapshot = current;
        }
        return current.calendar();
    }

    /** Forgets the cached holidays, after an edit on this node. */
    public void holidaysChanged() {
        edits.incrementAndGet();
        snapshot = null;
    }
}
