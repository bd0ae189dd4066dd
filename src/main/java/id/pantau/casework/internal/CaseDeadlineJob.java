package id.pantau.casework.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The clock's rounds: completion windows that passed close (the report is not registered), and
 * every case past its deadline gets one overdue warning per deadline. Safe on several nodes at
 * once: expiring cases are claimed with {@code SKIP LOCKED} and re-checked under their lock, and
 * a warning is a row with a primary key, raised by whichever node inserts it first.
 */
@Component
class CaseDeadlineJob {

    private static final Logger log = LoggerFactory.getLogger(CaseDeadlineJob.class);
    static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final CaseHandling handling;
    private final Clock clock;

    CaseDeadlineJob(JdbcClient jdbc, TransactionTemplate transaction, CaseHandling handling, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.handling = handling;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${pantau.cases.deadline-check:PT1M}", initialDelayString = "PT10S")
    void run() {
        while (expireCompletions() == BATCH) {
            // more are waiting
        }
        raiseWarnings();
    }

    /** Closes a batch of passed completion windows; returns how many it claimed. */
    int expireCompletions() {
        Integer claimed = transaction.execute(status -> {
            List<UUID> due = jdbc.sql("""
                            select id from legal_case where stage = 'AWAITING_COMPLETION' and next_due_at < ?
                             order by next_due_at limit ? for update skip locked""")
                    .params(Timestamp.from(clock.instant()), BATCH).query(UUID.class).list();
            due.forEach(handling::expireCompletion);
            return due.size();
        });
        return claimed == null ? 0 : claimed;
    }

    /** Raises the warnings not raised yet; returns how many this run raised. */
    int raiseWarnings() {
        // each case counts its warnings, for the statistics of deadline compliance
        List<String> raised = jdbc.sql("""
                        with raised as (
                            insert into case_warning (case_id, deadline, due_at, raised_at)
                            select id, next_due_name, next_due_at, :now from legal_case
                             where next_due_at < :now and stage not in ('CLOSED', 'MERGED', 'AWAITING_COMPLETION')
                            on conflict do nothing
                            returning case_id, deadline),
                        counted as (
                            update legal_case c set warnings = c.warnings + r.n
                              from (select case_id, count(*) as n from raised group by 1) r
                             where c.id = r.case_id)
                        select case_id || ' ' || deadline from raised""")
                .param("now", Timestamp.from(clock.instant()))
                .query(String.class).list();
        raised.forEach(warning -> log.warn("Case deadline passed: {}", warning));
        return raised.size();
    }
}
