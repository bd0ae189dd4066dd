package id.pantau.insight.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import id.pantau.insight.IncidentCounts;
import id.pantau.region.RegionCode;
import id.pantau.region.RegionLevel;
import id.pantau.report.IncidentChanged;
import id.pantau.report.ReportSubmitted;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the statistics facts ({@code insight_report}) from the report module's events: one row per
 * report, keyed by its id, so an event delivered twice changes nothing. Reports that existed before
 * the module were backfilled by its migration (V18). Each fact also says whether it is its incident's
 * head (first report), which is where the incident counts; the daily rollup ({@code insight_daily})
 * follows the facts by trigger (V23).
 */
@Component
class ReportFacts {

    /** Statistics count days as Indonesia's western time (WIB), where most offices are. */
    static final ZoneId WIB = IncidentCounts.DAY_ZONE;

    private final JdbcClient jdbc;
    /** Joins the listener's transaction; makes one when called without (the statements must go together). */
    private final TransactionTemplate transaction;

    ReportFacts(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Runs in the report processing's transaction (see {@link ReportSubmitted}). */
    @EventListener
    @Transactional
    void on(ReportSubmitted report) {
        record(report.reportId(), report.incidentId(), LocalDate.ofInstant(report.receivedAt(), WIB), report.regionCode(),
                report.categoryCode(), report.kind().name(), report.hazard());
    }

    /** Adds the fact of one report unless it is there; true when it was added. */
    boolean record(UUID reportId, @Nullable UUID incidentId, LocalDate day,
                   RegionCode region, String category, String kind, boolean hazard) {
        return Boolean.TRUE.equals(transaction.execute(status -> insert(reportId, incidentId, day, region, category, kind, hazard)));
    }

    private boolean insert(UUID reportId, @Nullable UUID incidentId, LocalDate day,
                           RegionCode region, String category, String kind, boolean hazard) {
        boolean added = jdbc.sql("""
                        insert into insight_report (report_id, incident_key, day, region_code, province, regency, district,
                                                    category_code, kind, hazard, head)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (report_id) do nothing""")
                .params(reportId, incidentId == null ? reportId : incidentId, Date.valueOf(day), region.value(),
                        prefix(region, RegionLevel.PROVINCE), prefix(region, RegionLevel.REGENCY),
                        prefix(region, RegionLevel.DISTRICT), category, kind, hazard, incidentId == null)
                .update() == 1;
        if (added && incidentId != null) {
            // a report that joined an incident at intake may be its first: the incident's head is chosen again
            changeIncident(new UUID[] {reportId}, incidentId, "r.incident_key");
        }
        return added;
    }

    /**
     * An incident's membership is what the event says: its members count as the incident, reports
     * that left it count as themselves again. Setting, not adding, so a repeat is harmless.
     */
    @ApplicationModuleListener
    void on(IncidentChanged incident) {
        transaction.executeWithoutResult(status ->
                changeIncident(incident.reportIds().toArray(UUID[]::new), incident.incidentId(), "r.report_id"));
    }

    /**
     * Moves the members into the incident and the incident's other reports to {@code leaverKey},
     * then flags the head of every incident touched: this one, and those the members came from.
     */
    private void changeIncident(UUID[] members, UUID incident, String leaverKey) {
        // Incident changes run one at a time: the heads are chosen among the facts a change can see,
        // and a report joining the same incident in another transaction would be invisible to it, so
        // both could make themselves the head. The lock is taken after this transaction's own insert,
        // so a change that waits for it sees the other's committed facts. Within a change the rows are
        // locked in key order, as any other writer of several facts must.
        jdbc.sql("select pg_advisory_xact_lock(hashtext('insight-incident-changes'))").query((rs, i) -> 1).list();
        jdbc.sql("""
                        with touched as (
                            select report_id, incident_key, day from insight_report
                             where report_id = any(:members) or incident_key = :incident
                                or incident_key in (select incident_key from insight_report where report_id = any(:members))
                             order by report_id
                               for update),
                        regrouped as (
                            select r.report_id, r.day,
                                   case when r.report_id = any(:members) then :incident
                                        when r.incident_key = :incident then %s
                                        else r.incident_key end as incident_key
                              from touched r),
                        flagged as (
                            select report_id, incident_key,
                                   report_id = first_value(report_id) over (partition by incident_key order by day, report_id) as head
                              from regrouped)
                        update insight_report r
                           set incident_key = f.incident_key, head = f.head
                          from flagged f
                         where r.report_id = f.report_id
                           and (r.incident_key, r.head) is distinct from (f.incident_key, f.head)""".formatted(leaverKey))
                .param("members", members).param("incident", incident)
                .update();
    }

    static @Nullable String prefix(RegionCode region, RegionLevel level) {
        return level.depth() <= region.level().depth() ? region.ancestorAt(level).value() : null;
    }
}
