package id.pantau.insight.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import id.pantau.region.RegionCode;
import id.pantau.report.IncidentChanged;
import id.pantau.report.ReportKind;
import id.pantau.report.ReportSubmitted;
import id.pantau.support.IntegrationTest;
import id.pantau.support.Parallel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The facts behind the statistics stay right when an event is delivered more than once. */
@IntegrationTest
class ReportFactsTest {

    @Autowired
    JdbcClient jdbc;
    ReportFacts facts;
    @Autowired
    RollupFold fold;

    /** The listener itself, without the asynchronous proxy: each call has finished when it returns. */
    @Autowired
    void listener(ReportFacts proxied) {
        facts = AopTestUtils.getUltimateTargetObject(proxied);
    }

    @Test
    void aReportDeliveredTwiceCountsOnceWithItsRegionPrefixesAndWibDay() {
        UUID id = UUID.randomUUID();
        // 18:30 UTC is already the next day in WIB
        var event = new ReportSubmitted(id, "TEST" + id.toString().substring(0, 6), ReportKind.LAPORAN, "CAMPAIGN", null, false,
                new RegionCode("82.05.01.2001"), null, Instant.parse("2024-02-10T10:00:00Z"),
                Instant.parse("2024-02-10T18:30:00Z"), true, null);

        facts.on(event);
        facts.on(event);

        assertThat(jdbc.sql("select count(*) from insight_report where report_id = ?").param(id).query(Long.class).single()).isEqualTo(1);
        var row = jdbc.sql("select day::text || ' ' || province || ' ' || regency || ' ' || district || ' ' || incident_key::text"
                + " from insight_report where report_id = ?").param(id).query(String.class).single();
        assertThat(row).isEqualTo("2024-02-11 82 82.05 82.05.01 " + id);
    }

    @Test
    void incidentChangesSetTheIncidentOfItsMembersAndReleaseThoseThatLeft() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID incident = UUID.randomUUID();
        for (UUID id : List.of(first, second)) {
            facts.on(new ReportSubmitted(id, "T" + id.toString().substring(0, 8), ReportKind.LAPORAN, "CAMPAIGN", null, false,
                    new RegionCode("82.05.02"), null, Instant.now(), Instant.now(), true, null));
        }

        var merged = new IncidentChanged(incident, "SUGGESTED", false, List.of(first, second));
        facts.on(merged);
        facts.on(merged);
        assertThat(distinctIncidents(first, second)).isEqualTo(1);
        assertThat(heads(first, second)).isEqualTo(1);

        facts.on(new IncidentChanged(incident, "SPLIT", false, List.of()));
        assertThat(distinctIncidents(first, second)).isEqualTo(2);
        assertThat(heads(first, second)).isEqualTo(2);
        assertThat(jdbc.sql("select incident_key from insight_report where report_id = ?").param(first).query(UUID.class).single())
                .isEqualTo(first);
    }

    @Test
    void overlappingIncidentChangesDeliveredAtOnceNeitherDeadlockNorLoseAReport() throws Exception {
        List<UUID> reports = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            UUID id = UUID.randomUUID();
            reports.add(id);
            facts.on(new ReportSubmitted(id, "D" + id.toString().substring(0, 8), ReportKind.LAPORAN, "CAMPAIGN", null, false,
                    new RegionCode("82.05.03"), null, Instant.now(), Instant.now(), true, null));
        }
        List<UUID> incidents = List.of(UUID.randomUUID(), UUID.randomUUID());
        AtomicInteger round = new AtomicInteger();

        // merges and splits of two incidents over the same reports, each naming its members in another order
        Parallel.times(16, () -> {
            int n = round.getAndIncrement();
            List<UUID> members = new ArrayList<>(reports.subList(n % 10, 30 + n % 10));
            Collections.shuffle(members, new Random(n));
            facts.on(new IncidentChanged(incidents.get(n % 2), n % 5 == 4 ? "SPLIT" : "MERGED", false,
                    n % 5 == 4 ? List.of() : members));
            return n;
        });

        assertThat(jdbc.sql("select count(*) from insight_report where report_id = any(?)").param(reports.toArray(UUID[]::new))
                .query(Long.class).single()).isEqualTo(40);
        assertThat(jdbc.sql("select incident_key from insight_report where report_id = any(?)").param(reports.toArray(UUID[]::new))
                .query(UUID.class).list()).allSatisfy(key -> assertThat(key).isIn(
                        Stream.concat(reports.stream(), incidents.stream()).toList()));
        assertThat(incidentsWithoutOneHead()).isZero();
        assertThat(cellsUnlikeTheFacts()).isZero();
        assertThat(totalsUnlikeTheFacts()).isZero();
        assertThat(runningTotalsUnlikeTheFacts()).isZero();
    }

    @Test
    void reportsJoiningOneIncidentAtOnceLeaveItExactlyOneHead() throws Exception {
        UUID incident = UUID.randomUUID();
        Instant received = Instant.parse("2024-04-02T02:00:00Z");
        Parallel.times(16, () -> {
            UUID id = UUID.randomUUID();
            facts.on(new ReportSubmitted(id, "J" + id.toString().substring(0, 8), ReportKind.LAPORAN, "CAMPAIGN", null, false,
                    new RegionCode("82.05.06"), null, received, received, true, incident));
            return id;
        });

        assertThat(jdbc.sql("select count(*) filter (where head) || '/' || count(*) from insight_report where incident_key = ?")
                .param(incident).query(String.class).single()).isEqualTo("1/16");
        assertThat(cellsUnlikeTheFacts()).isZero();
        assertThat(totalsUnlikeTheFacts()).isZero();
        assertThat(runningTotalsUnlikeTheFacts()).isZero();
    }

    @Test
    void theDailyRollupCountsWhatTheFactsSayThroughIntakeMergesSplitsAndFolds() {
        Random random = new Random(7);
        List<UUID> reports = new ArrayList<>();
        List<UUID> incidents = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<String> places = List.of("82.05.04.2001", "82.05.05.2001", "82.04.01.2001", "82");
        Instant start = Instant.parse("2024-03-01T03:00:00Z");
        for (int step = 0; step < 120; step++) {
            int what = random.nextInt(10);
            if (what < 6 || reports.size() < 4) {
                // a report, now and then joining an incident at intake, received over four days
                UUID id = UUID.randomUUID();
                reports.add(id);
                Instant received = start.plusSeconds(random.nextInt(4 * 86_400));
                facts.on(new ReportSubmitted(id, "R" + id.toString().substring(0, 8), ReportKind.LAPORAN,
                        random.nextBoolean() ? "CAMPAIGN" : "MONEY_POLITICS", null, false,
                        new RegionCode(places.get(random.nextInt(places.size()))), null, received, received, true,
                        what == 0 ? incidents.get(random.nextInt(incidents.size())) : null));
            } else if (what < 9) {
                List<UUID> members = new ArrayList<>(reports);
                Collections.shuffle(members, random);
                facts.on(new IncidentChanged(incidents.get(random.nextInt(incidents.size())), "MERGED", false,
                        members.subList(0, 2 + random.nextInt(3))));
            } else {
                facts.on(new IncidentChanged(incidents.get(random.nextInt(incidents.size())), "SPLIT", false, List.of()));
            }
            if (step % 40 == 39) {
                fold.fold();
            }
            assertThat(incidentsWithoutOneHead()).as("after step " + step).isZero();
            assertThat(cellsUnlikeTheFacts()).as("after step " + step).isZero();
            assertThat(totalsUnlikeTheFacts()).as("after step " + step).isZero();
            assertThat(runningTotalsUnlikeTheFacts()).as("after step " + step).isZero();
        }
        fold.fold();
        assertThat(jdbc.sql("select count(*) from insight_daily_delta").query(Long.class).single()).isZero();
        assertThat(cellsUnlikeTheFacts()).isZero();
        assertThat(totalsUnlikeTheFacts()).isZero();
        assertThat(runningTotalsUnlikeTheFacts()).isZero();
    }

    private long heads(UUID... reports) {
        return jdbc.sql("select count(*) from insight_report where head and report_id = any(?)")
                .param(reports).query(Long.class).single();
    }

    private long incidentsWithoutOneHead() {
        return jdbc.sql("select count(*) from (select incident_key from insight_report group by 1"
                + " having count(*) filter (where head) <> 1) x").query(Long.class).single();
    }

    /** Cells of the rollup (folded and pending) whose reports or incidents differ from a count of the facts. */
    private long cellsUnlikeTheFacts() {
        return jdbc.sql("""
                        with counted as (
                            select c.area, f.day, f.category_code, count(*) as reports, count(*) filter (where f.head) as incidents
                              from insight_report f
                             cross join lateral insight_daily_cells(f.province, f.regency) c
                             where c.area is not null
                             group by 1, 2, 3),
                        rolled as (
                            select area, day, category_code, sum(reports) as reports, sum(incidents) as incidents
                              from (select area, day, category_code, reports, incidents from insight_daily
                                    union all
                                    select area, day, category_code, reports, incidents from insight_daily_delta
                                     where depth <= 2) d
                             group by 1, 2, 3)
                        select count(*) from counted full join rolled using (area, day, category_code)
                         where (counted.reports, counted.incidents) is distinct from (rolled.reports, rolled.incidents)""")
                .query(Long.class).single();
    }

    /** The same for the cells without report type, down to districts (V29). */
    private long totalsUnlikeTheFacts() {
        return jdbc.sql("""
                        with counted as (
                            select c.area, f.day, count(*) as reports, count(*) filter (where f.head) as incidents
                              from insight_report f
                             cross join lateral insight_daily_cells(f.province, f.regency, f.district) c
                             where c.area is not null
                             group by 1, 2),
                        rolled as (
                            select area, day, sum(reports) as reports, sum(incidents) as incidents
                              from (select area, day, reports, incidents from insight_daily_total
                                    union all
                                    select area, day, reports, incidents from insight_daily_delta) d
                             group by 1, 2)
                        select count(*) from counted full join rolled using (area, day)
                         where (counted.reports, counted.incidents) is distinct from (rolled.reports, rolled.incidents)""")
                .query(Long.class).single();
    }

    /**
     * Days of the yearly running totals of incidents (V31) of Maluku Utara (82), where these tests
     * put their facts, whose total plus the pending deltas differs from a count of the head facts
     * from the year's first day to that day.
     */
    private long runningTotalsUnlikeTheFacts() {
        return jdbc.sql("""
                        with changes as (
                            select c.area, extract(year from f.day)::int as year, f.category_code,
                                   extract(doy from f.day)::int as doy, count(*) filter (where f.head) as n
                              from insight_report f
                             cross join lateral insight_daily_cells(f.province, f.regency) c
                             where f.province = '82' and c.area like '82%'
                             group by 1, 2, 3, 4
                            union all
                            select area, extract(year from day)::int, category_code, extract(doy from day)::int, -sum(incidents)
                              from insight_daily_delta
                             where depth <= 2 and area like '82%'
                             group by 1, 2, 3, 4),
                        per_day as (select area, year, category_code, doy, sum(n) as n from changes group by 1, 2, 3, 4),
                        keys as (select area, year, category_code from per_day
                                 union
                                 select area, year, category_code from insight_year where area like '82%'),
                        expected as (
                            select k.area, k.year, k.category_code, g.d,
                                   sum(coalesce(p.n, 0)) over (partition by k.area, k.year, k.category_code order by g.d) as total
                              from keys k
                             cross join generate_series(1, 366) g (d)
                              left join per_day p on (p.area, p.year, p.category_code, p.doy) = (k.area, k.year, k.category_code, g.d))
                        select count(*) from expected e
                          left join insight_year y on (y.area, y.year, y.category_code) = (e.area, e.year, e.category_code)
                         where coalesce(y.incidents[e.d], 0) <> e.total""")
                .query(Long.class).single();
    }

    private long distinctIncidents(UUID... reports) {
        return jdbc.sql("select count(distinct incident_key) from insight_report where report_id = any(?)")
                .param(reports).query(Long.class).single();
    }
}
