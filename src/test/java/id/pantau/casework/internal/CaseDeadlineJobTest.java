package id.pantau.casework.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import id.pantau.casework.CaseFixtures;
import id.pantau.casework.CaseRollupChecks;
import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import id.pantau.support.Parallel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static id.pantau.casework.CaseFixtures.FULL_CHECKLIST;
import static id.pantau.casework.CaseFixtures.actOk;
import static id.pantau.casework.CaseFixtures.caseId;
import static id.pantau.casework.CaseFixtures.count;
import static id.pantau.casework.CaseFixtures.detail;
import static id.pantau.casework.CaseFixtures.lastStep;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deadline job's rounds, driven directly rather than waited for: passed completion windows
 * close, and overdue cases get one warning per deadline however many nodes run the job at once.
 * Times are moved by setting {@code next_due_at}. The cases lie in Tanah Laut (63.01, WITA),
 * which no other test reports in.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseDeadlineJobTest {

    static final String VILLAGE = "63.01.01.2001";

    @Value("${local.server.port}")
    int port;
    @Autowired
    CaseDeadlineJob job;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CaseRollupFold fold;

    Http staff;

    @BeforeAll
    void account() {
        staff = Http.api(port).bearer(new Accounts(Http.api(port)).create("deadline-staff", List.of("STAFF"), "63.01").token());
    }

    /** A case awaiting the reporter's completion; returns the case id and the report's tracking code. */
    String[] awaitingCompletion() {
        JsonNode report = CaseFixtures.identified(port, VILLAGE);
        String id = caseId(staff, report);
        actOk(staff, id, "action", "BEGIN_REVIEW");
        JsonNode awaiting = actOk(staff, id, "action", "REQUEST_COMPLETION", "missing", List.of("EVIDENCE"));
        assertThat(awaiting.get("stage").asString()).isEqualTo("AWAITING_COMPLETION");
        return new String[] {id, report.get("trackingCode").asString()};
    }

    Instant moveDueTo(String caseId, Instant due) {
        Instant exact = due.truncatedTo(ChronoUnit.MICROS);
        assertThat(jdbc.sql("update legal_case set next_due_at = ? where id = ?")
                .params(Timestamp.from(exact), UUID.fromString(caseId)).update()).isEqualTo(1);
        return exact;
    }

    @Test
    void aPassedCompletionWindowLeavesTheReportUnregistered() {
        String[] expired = awaitingCompletion();
        String[] running = awaitingCompletion();
        Instant due = moveDueTo(expired[0], Instant.now().minus(Duration.ofMinutes(5)));

        job.expireCompletions();

        JsonNode closed = detail(staff, expired[0]);
        assertThat(closed.get("stage").asString()).isEqualTo("NOT_REGISTERED");
        JsonNode step = lastStep(closed);
        assertThat(step.get("action").asString()).isEqualTo("COMPLETION_EXPIRED");
        assertThat(step.get("actor").asString()).isEqualTo("system");
        assertThat(step.get("fromStage").asString()).isEqualTo("AWAITING_COMPLETION");
        assertThat(step.get("toStage").asString()).isEqualTo("NOT_REGISTERED");
        assertThat(Instant.parse(step.get("details").get("dueAt").asString())).isEqualTo(due);
        assertThat(count(closed, "COMPLETION_EXPIRED")).isEqualTo(1);
        assertThat(closed.get("urgency").asString()).isEqualTo("NONE");
        assertThat(closed.get("deadlines")).noneSatisfy(d -> assertThat(d.get("current").asBoolean()).isTrue());
        assertThat(jdbc.sql("select next_due_at is null from legal_case where id = ?").param(UUID.fromString(expired[0]))
                .query(Boolean.class).single()).isTrue();
        JsonNode tracked = CaseFixtures.track(port, expired[1]);
        assertThat(tracked.get("status").asString()).isEqualTo("NOT_REGISTERED");
        JsonNode lastStatus = tracked.get("history").get(tracked.get("history").size() - 1);
        assertThat(lastStatus.get("note").asString()).isEqualTo("Laporan tidak dilengkapi dalam batas waktu.");
        // the reporter's completion now comes too late
        assertThat(CaseFixtures.act(staff, expired[0], Map.of("action", "COMPLETED")).status()).isEqualTo(409);

        JsonNode untouched = detail(staff, running[0]);
        assertThat(untouched.get("stage").asString()).isEqualTo("AWAITING_COMPLETION");
        assertThat(count(untouched, "COMPLETION_EXPIRED")).isZero();
        job.expireCompletions();
        assertThat(count(detail(staff, expired[0]), "COMPLETION_EXPIRED")).isEqualTo(1);
    }

    @Test
    void twoNodesExpiringAtOnceCloseAWindowOnce() throws Exception {
        String[] one = awaitingCompletion();
        String[] two = awaitingCompletion();
        moveDueTo(one[0], Instant.now().minus(Duration.ofMinutes(1)));
        moveDueTo(two[0], Instant.now().minus(Duration.ofMinutes(2)));

        Parallel.times(4, () -> job.expireCompletions());

        for (String id : List.of(one[0], two[0])) {
            JsonNode c = detail(staff, id);
            assertThat(c.get("stage").asString()).isEqualTo("NOT_REGISTERED");
            assertThat(count(c, "COMPLETION_EXPIRED")).isEqualTo(1);
        }
    }

    @Test
    void overdueCasesGetOneWarningPerDeadlineHoweverOftenAndWhereverTheJobRuns() throws Exception {
        String reviewing = caseId(staff, CaseFixtures.identified(port, VILLAGE));
        actOk(staff, reviewing, "action", "BEGIN_REVIEW");
        String onTime = caseId(staff, CaseFixtures.identified(port, VILLAGE));
        String closed = caseId(staff, CaseFixtures.identified(port, VILLAGE));
        actOk(staff, closed, "action", "BEGIN_REVIEW");
        actOk(staff, closed, "action", "DECLINE", "reason", "Bukan pelanggaran");
        actOk(staff, closed, "action", "CLOSE");
        String[] awaiting = awaitingCompletion();
        Instant reviewDue = moveDueTo(reviewing, Instant.now().minus(Duration.ofHours(3)));
        moveDueTo(closed, Instant.now().minus(Duration.ofHours(3)));
        moveDueTo(awaiting[0], Instant.now().minus(Duration.ofHours(3)));

        job.raiseWarnings();
        job.raiseWarnings();
        Parallel.times(8, () -> job.raiseWarnings());

        assertThat(warnings(reviewing)).containsExactly("PRELIMINARY_REVIEW " + reviewDue);
        assertThat(warnings(onTime)).isEmpty();
        assertThat(warnings(closed)).isEmpty();
        // a passed completion window is closed, not warned about
        assertThat(warnings(awaiting[0])).isEmpty();

        actOk(staff, reviewing, "action", "REGISTER", "checklist", FULL_CHECKLIST);
        Instant decisionDue = moveDueTo(reviewing, Instant.now().minus(Duration.ofMinutes(10)));
        Parallel.times(8, () -> {
            job.run();
            return null;
        });
        job.run();

        assertThat(warnings(reviewing)).containsExactlyInAnyOrder("PRELIMINARY_REVIEW " + reviewDue,
                "DECISION " + decisionDue);
        JsonNode overdue = detail(staff, reviewing);
        assertThat(overdue.get("urgency").asString()).isEqualTo("OVERDUE");
        assertThat(overdue.get("warnings")).extracting(w -> w.get("deadline").asString() + " "
                        + java.time.OffsetDateTime.parse(w.get("dueAt").asString()).toInstant())
                .containsExactlyInAnyOrder("PRELIMINARY_REVIEW " + reviewDue, "DECISION " + decisionDue);
        assertThat(detail(staff, awaiting[0]).get("stage").asString()).isEqualTo("NOT_REGISTERED");
        assertThat(warnings(awaiting[0])).isEmpty();

        // each case counts its warnings, and the statistics' rollup follows, before and after a fold
        assertThat(jdbc.sql("select warnings from legal_case where id = ?").param(UUID.fromString(reviewing))
                .query(Integer.class).single()).isEqualTo(2);
        assertThat(casesWithWrongWarningCounts()).isZero();
        assertThat(cellsUnlikeTheCases()).isZero();
        assertThat(CaseRollupChecks.totalsUnlikeTheCases(jdbc)).isZero();
        Parallel.times(2, () -> fold.fold());
        assertThat(jdbc.sql("select count(*) from case_daily_delta").query(Long.class).single()).isZero();
        assertThat(cellsUnlikeTheCases()).isZero();
        assertThat(CaseRollupChecks.totalsUnlikeTheCases(jdbc)).isZero();
    }

    long casesWithWrongWarningCounts() {
        return jdbc.sql("select count(*) from legal_case c where warnings <> (select count(*) from case_warning w where w.case_id = c.id)")
                .query(Long.class).single();
    }

    /** Cells of the case rollup by type and stage (folded and pending) that differ from a count of every case of the database. */
    long cellsUnlikeTheCases() {
        return jdbc.sql("""
                        with counted as (
                            select c.area, (l.received_at at time zone 'Asia/Jakarta')::date as day, l.category_code, l.stage,
                                   count(*) as cases, count(*) filter (where l.warnings > 0) as missed, sum(l.warnings) as warnings
                              from legal_case l
                             cross join lateral case_daily_cells(l.region_code) c
                             where c.area is not null and c.depth <= 2
                             group by 1, 2, 3, 4),
                        rolled as (
                            select area, day, category_code, stage, sum(cases) as cases, sum(missed) as missed, sum(warnings) as warnings
                              from (select area, day, category_code, stage, cases, missed, warnings from case_daily
                                    union all
                                    select area, day, category_code, stage, cases, missed, warnings from case_daily_delta
                                     where depth <= 2) d
                             group by 1, 2, 3, 4
                            having sum(cases) <> 0 or sum(missed) <> 0 or sum(warnings) <> 0)
                        select count(*) from counted full join rolled using (area, day, category_code, stage)
                         where (counted.cases, counted.missed, counted.warnings)
                               is distinct from (rolled.cases, rolled.missed, rolled.warnings)""")
                .query(Long.class).single();
    }

    List<String> warnings(String caseId) {
        return jdbc.sql("select deadline, due_at from case_warning where case_id = ? order by raised_at, deadline")
                .param(UUID.fromString(caseId))
                .query((rs, i) -> rs.getString(1) + " " + rs.getTimestamp(2).toInstant())
                .list();
    }
}
