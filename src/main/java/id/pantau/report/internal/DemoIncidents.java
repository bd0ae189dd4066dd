package id.pantau.report.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import id.pantau.account.Actor;
import id.pantau.account.Role;
import id.pantau.shared.DemoData;
import id.pantau.shared.DemoRecords;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's incidents: duplicate detection suggested them from the events that several witnesses
 * reported; a supervisor has confirmed those older than {@value #FRESH_DAYS} days, so casework merges
 * their cases, while the fresh ones still await staff. After the reports, once their cases are open.
 */
@Component
@Order(400)
class DemoIncidents implements DemoData {

    static final int FRESH_DAYS = 3;
    private static final Actor SUPERVISOR = new Actor(0, "demo", Set.of(Role.STAFF), null);

    private final Incidents incidents;
    private final DemoRecords records;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoIncidents(Incidents incidents, DemoRecords records, JdbcClient jdbc, Clock clock) {
        this.incidents = incidents;
        this.records = records;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "report.incidents";
    }

    @Override
    public String load() {
        record Suggested(UUID id, boolean fresh) {
        }
        List<Suggested> suggested = jdbc.sql("""
                        select i.id, i.last_occurred_at >= ? as fresh from incident i
                         where i.status = 'SUGGESTED'
                           and exists (select 1 from report r where r.incident_id = i.id and r.id = any(?))
                         order by i.first_occurred_at, i.id""")
                .params(Timestamp.from(clock.instant().minus(Duration.ofDays(FRESH_DAYS))),
                        records.ids(DemoReports.RECORD_KIND).toArray(UUID[]::new))
                .query(Suggested.class).list();
        List<UUID> old = suggested.stream().filter(s -> !s.fresh()).map(Suggested::id).toList();
        old.forEach(id -> incidents.confirm(SUPERVISOR, id));
        return "%d incidents confirmed, %d fresh ones left suggested".formatted(old.size(), suggested.size() - old.size());
    }
}
