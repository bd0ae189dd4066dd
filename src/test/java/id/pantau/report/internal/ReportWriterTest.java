package id.pantau.report.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import id.pantau.report.Reports;
import id.pantau.report.internal.ReportWriter.Outcome;
import id.pantau.report.internal.ReportWriter.Pending;
import id.pantau.shared.Idempotency;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Group commit of intake: the reports of concurrent requests share one transaction, yet each
 * request learns its own outcome, one bad report fails alone, and a key is claimed once.
 */
@IntegrationTest
class ReportWriterTest {

    /** A title no other test uses: the trigger below refuses reports with it. */
    private static final String REFUSED = "Uji penolakan penyimpanan";

    @Autowired
    ReportWriter writer;
    @Autowired
    ReportIntake intake;
    @Autowired
    Idempotency idempotency;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeRefusal() {
        jdbc.sql("drop trigger if exists test_refuse_report on report").update();
        jdbc.sql("drop function if exists test_refuse_report()").update();
    }

    @Test
    void aReportThatFailsInABatchFailsAloneAndTheOthersAreStored() {
        jdbc.sql("""
                create function test_refuse_report() returns trigger language plpgsql as $$
                begin
                    if new.title = '%s' then
                        raise exception 'refused (test)';
                    end if;
                    return new;
                end $$""".formatted(REFUSED)).update();
        jdbc.sql("create trigger test_refuse_report before insert on report for each row execute function test_refuse_report()")
                .update();
        var before = new Pending(report("Amplop sebelum " + UUID.randomUUID()), null);
        var refused = new Pending(report(REFUSED), null);
        var after = new Pending(report("Amplop sesudah " + UUID.randomUUID()), null);

        writer.write(List.of(before, refused, after));

        assertThat(before.outcome().join()).isEqualTo(Outcome.STORED);
        assertThat(after.outcome().join()).isEqualTo(Outcome.STORED);
        assertThatThrownBy(() -> refused.outcome().join()).isInstanceOf(CompletionException.class)
                .hasMessageContaining("refused (test)");
        assertThat(stored(before.report())).isTrue();
        assertThat(stored(after.report())).isTrue();
        assertThat(stored(refused.report())).isFalse();
        assertThat(jdbc.sql("select count(*) from report_status where report_id = ?").param(before.report().id())
                .query(Long.class).single()).as("the first public status is stored with the report").isEqualTo(1);
    }

    @Test
    void aKeyIsClaimedOnceWithinABatchAndAcrossBatchesAndReplaysTheFirstAnswer() {
        String key = UUID.randomUUID().toString();
        var request = Reports.moneyPoliticsInJember();
        var first = keyed(report("Amplop pertama " + UUID.randomUUID()), key, request);
        var sameBatch = keyed(report("Amplop kedua " + UUID.randomUUID()), key, request);
        var other = keyed(report("Amplop lain " + UUID.randomUUID()), UUID.randomUUID().toString(), request);

        writer.write(List.of(first, sameBatch, other));
        var laterBatch = keyed(report("Amplop ketiga " + UUID.randomUUID()), key, request);
        writer.write(List.of(laterBatch));

        assertThat(first.outcome().join()).isEqualTo(Outcome.STORED);
        assertThat(other.outcome().join()).isEqualTo(Outcome.STORED);
        assertThat(sameBatch.outcome().join()).isEqualTo(Outcome.KEY_TAKEN);
        assertThat(laterBatch.outcome().join()).isEqualTo(Outcome.KEY_TAKEN);
        assertThat(stored(first.report())).isTrue();
        assertThat(stored(sameBatch.report())).isFalse();
        assertThat(stored(laterBatch.report())).isFalse();
        ResponseEntity<?> replayed = idempotency.replay(laterBatch.claim());
        assertThat(replayed.getHeaders().getLocation()).isEqualTo(URI.create("/api/v1/reports/" + first.report().id()));
        assertThat(String.valueOf(replayed.getBody())).contains(first.report().trackingCode());
    }

    @Test
    void concurrentRequestsAreStoredWhenTheirWaitEnds() throws Exception {
        List<ReportRepository.NewReport> reports = IntStream.range(0, 200)
                .mapToObj(i -> report("Amplop serentak " + i + " " + UUID.randomUUID())).toList();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> storedOnReturn = reports.stream()
                    .map(r -> threads.submit(() -> writer.store(r, null) == Outcome.STORED && stored(r)))
                    .toList();
            for (Future<Boolean> stored : storedOnReturn) {
                assertThat(stored.get()).as("committed before store() returned").isTrue();
            }
        }
    }

    /** A report of its own words, so the processing after intake finds no duplicates among these. */
    private ReportRepository.NewReport report(String title) {
        var request = json.convertValue(Reports.with(Reports.moneyPoliticsInJember(), "title", title,
                "description", "Catatan uji " + UUID.randomUUID() + " " + UUID.randomUUID()), ReportRequest.class);
        return intake.prepare(null, request, ReportIntake.Channel.API).report();
    }

    /** The report with its key claimed for the answer the API would give. */
    private Pending keyed(ReportRepository.NewReport report, String key, Map<String, Object> request) {
        return new Pending(report, idempotency.claim("test:writer", key, request,
                ResponseEntity.created(URI.create("/api/v1/reports/" + report.id()))
                        .body(Map.of("trackingCode", report.trackingCode()))));
    }

    private boolean stored(ReportRepository.NewReport report) {
        return jdbc.sql("select count(*) from report where id = ?").param(report.id()).query(Long.class).single() == 1;
    }
}
