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

        facts.on(new IncidentChanged(incident, "SPLIT", false, List.of()));
        assertThat(distinctIncidents(first, second)).isEqualTo(2);
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
    }

    private long distinctIncidents(UUID... reports) {
        return jdbc.sql("select count(distinct incident_key) from insight_report where report_id = any(?)")
                .param(reports).query(Long.class).single();
    }
}
