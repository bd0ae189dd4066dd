package id.pantau.casework.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import id.pantau.election.ElectionType;
import id.pantau.election.Elections;
import id.pantau.election.LegalCalendar;
import id.pantau.election.LegalRulesChanged;
import id.pantau.election.RuleSet;
import id.pantau.election.WorkingDayCalendar;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Running deadlines follow the rules: when an administrator changes a rule set or the holiday
 * table, the case page already counts with the new rules, so the stored deadline that sorts the
 * queues and drives the deadline job must move with it. Each case whose deadline moves gets a
 * history entry saying from when to when and why. Works in batches of locked rows, each in its own
 * transaction, so staff acting meanwhile wait at most for one batch.
 */
@Component
class CaseDeadlineFollowUp {

    private static final Logger log = LoggerFactory.getLogger(CaseDeadlineFollowUp.class);
    static final int BATCH = 200;
    static final String ACTION = "DEADLINE_CHANGED";

    private final JdbcClient jdbc;
    private final CaseRepository cases;
    private final Elections elections;
    private final LegalCalendar calendar;
    private final TransactionTemplate batches;
    private final Clock clock;

    CaseDeadlineFollowUp(JdbcClient jdbc, CaseRepository cases, Elections elections, LegalCalendar calendar,
                         PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.elections = elections;
        this.calendar = calendar;
        this.batches = new TransactionTemplate(transactions);
        this.batches.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(LegalRulesChanged change) {
        WorkingDayCalendar days = calendar.fresh();
        Map<ElectionType, RuleSet> rules = new EnumMap<>(ElectionType.class);
        for (ElectionType type : ElectionType.values()) {
            rules.put(type, elections.ruleSet(type));
        }
        String cause = change.electionType() != null ? "RULE_SET" : "HOLIDAY";
        String subject = change.electionType() != null ? change.electionType().name() : String.valueOf(change.day());
        // a day off moves only deadlines that end on or after it (a day early: time zones differ)
        Instant from = change.day() == null ? null : change.day().minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        UUID after = null;
        int moved = 0;
        while (true) {
            UUID last = after;
            Batch batch = Objects.requireNonNull(batches.execute(status -> followBatch(change.electionType(), from, last,
                    days, rules, cause, subject)));
            moved += batch.moved();
            if (batch.last() == null) {
                break;
            }
            after = batch.last();
        }
        if (moved > 0) {
            log.info("Deadlines of {} case(s) moved after a change of the {} {}", moved,
                    change.electionType() != null ? "rule set" : "holiday", subject);
        }
    }

    private record Batch(@Nullable UUID last, int moved) {
    }

    private Batch followBatch(@Nullable ElectionType type, @Nullable Instant from, @Nullable UUID after,
                              WorkingDayCalendar days, Map<ElectionType, RuleSet> rules, String cause, String subject) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder("stage not in ('CLOSED', 'MERGED') and next_due_at is not null");
        if (type != null) {
            where.append(" and rule_set = :type");
            params.put("type", type.name());
        }
        if (from != null) {
            where.append(" and next_due_at >= :from");
            params.put("from", CaseRepository.ts(from));
        }
        if (after != null) {
            where.append(" and id > :after");
            params.put("after", after);
        }
        params.put("limit", BATCH);
        List<LegalCase> found = cases.lockWhere(where.toString(), params);
        Instant now = clock.instant();
        int moved = 0;
        for (LegalCase c : found) {
            Deadline current = new CaseClock(rules.get(c.ruleSet), days, c.zone).current(c.clockFacts());
            Instant due = current == null ? null : current.dueAt().toInstant();
            String name = current == null ? null : current.name();
            if (Objects.equals(due, c.nextDueAt) && Objects.equals(name, c.nextDueName)) {
                continue;
            }
            cases.updateDue(c.id, due, name);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("deadline", name == null ? c.nextDueName : name);
            details.put("before", String.valueOf(c.nextDueAt == null ? null : c.nextDueAt.atZone(c.zone).toOffsetDateTime()));
            details.put("after", String.valueOf(current == null ? null : current.dueAt()));
            details.put("cause", cause);
            details.put(type != null ? "ruleSet" : "holiday", subject);
            cases.appendEvent(c.id, now, CaseOpening.SYSTEM, ACTION, c.stage, c.stage, null, details);
            moved++;
        }
        return new Batch(found.size() < BATCH ? null : found.getLast().id, moved);
    }
}
