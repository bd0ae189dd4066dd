package id.pantau.report.internal;

import java.time.Duration;
import java.util.UUID;

import id.pantau.report.Reports;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The processing after intake runs the ReportSubmitted listeners in its transaction: a listener that
 * fails for one report rolls back everything done for that report, postpones it, and lets the
 * other reports of its batch through; once the cause is gone the report is processed in full.
 */
@IntegrationTest
class ReportProcessingTest {

    /** A title no other test uses: the trigger below fails the statistics listener for it only. */
    private static final String POISON = "Uji kegagalan pemrosesan";

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportProcessing processing;

    @AfterEach
    void removeFailure() {
        jdbc.sql("drop trigger if exists test_fail_processing on insight_report").update();
        jdbc.sql("drop function if exists test_fail_processing()").update();
    }

    @Test
    void aReportWhoseListenerFailsIsPostponedWithNothingWrittenWhileTheOthersGoThrough() {
        jdbc.sql("""
                create function test_fail_processing() returns trigger language plpgsql as $$
                begin
                    if exists (select 1 from report where id = new.report_id and title = '%s') then
                        raise exception 'the statistics are away (test)';
                    end if;
                    return new;
                end $$""".formatted(POISON)).update();
        jdbc.sql("""
                create trigger test_fail_processing before insert on insight_report
                   for each row execute function test_fail_processing()""").update();

        // two places far apart (Sumenep, Pacitan), so neither report joins the other as a duplicate
        UUID failing = submit(Reports.with(Reports.moneyPoliticsInJember(), "title", POISON, "regionCode", "35.29.01.1015"));
        UUID fine = submit(Reports.with(Reports.moneyPoliticsInJember(), "title", "Amplop di balai desa", "regionCode", "35.01.01.2001"));

        await().atMost(Duration.ofSeconds(20)).until(() -> processed(fine) && attempts(failing) >= 1);
        assertThat(caseCount(fine)).isEqualTo(1);
        assertThat(factCount(fine)).isEqualTo(1);
        assertThat(processed(failing)).isFalse();
        // the case opened for it in the same transaction was rolled back with the failing fact
        assertThat(caseCount(failing)).isZero();
        assertThat(factCount(failing)).isZero();
        assertThat(jdbc.sql("select processing_retry_at > now() + interval '50 seconds' from report where id = ?")
                .param(failing).query(Boolean.class).single()).as("postponed by about a minute").isTrue();

        int attemptsBefore = attempts(failing);
        processing.processPending();
        assertThat(attempts(failing)).as("not claimed again before its time").isEqualTo(attemptsBefore);
        assertThat(processed(failing)).isFalse();

        removeFailure();
        jdbc.sql("update report set processing_retry_at = now() - interval '1 second' where id = ?").param(failing).update();
        processing.processPending();

        assertThat(processed(failing)).isTrue();
        assertThat(caseCount(failing)).isEqualTo(1);
        assertThat(factCount(failing)).isEqualTo(1);
    }

    @Test
    void theRetryDelayDoublesFromAMinuteUpToAnHour() {
        assertThat(ReportProcessing.retryDelay(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(ReportProcessing.retryDelay(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(ReportProcessing.retryDelay(6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(ReportProcessing.retryDelay(7)).isEqualTo(Duration.ofHours(1));
        assertThat(ReportProcessing.retryDelay(30_000)).isEqualTo(Duration.ofHours(1));
    }

    private UUID submit(Object body) {
        Http.Response created = Http.api(port).post("/api/v1/reports", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private boolean processed(UUID report) {
        return jdbc.sql("select processed_at is not null from report where id = ?").param(report).query(Boolean.class).single();
    }

    private int attempts(UUID report) {
        return jdbc.sql("select processing_attempts from report where id = ?").param(report).query(Integer.class).single();
    }

    private long caseCount(UUID report) {
        return jdbc.sql("select count(*) from case_report where report_id = ?").param(report).query(Long.class).single();
    }

    private long factCount(UUID report) {
        return jdbc.sql("select count(*) from insight_report where report_id = ?").param(report).query(Long.class).single();
    }
}
