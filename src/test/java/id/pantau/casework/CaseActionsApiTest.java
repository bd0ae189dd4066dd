package id.pantau.casework;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import id.pantau.report.internal.TestImages;
import id.pantau.shared.Sha256;
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

import static id.pantau.casework.CaseFixtures.FINDING_CHECKLIST;
import static id.pantau.casework.CaseFixtures.FULL_CHECKLIST;
import static id.pantau.casework.CaseFixtures.act;
import static id.pantau.casework.CaseFixtures.actOk;
import static id.pantau.casework.CaseFixtures.assertInvalid;
import static id.pantau.casework.CaseFixtures.body;
import static id.pantau.casework.CaseFixtures.caseId;
import static id.pantau.casework.CaseFixtures.count;
import static id.pantau.casework.CaseFixtures.detail;
import static id.pantau.casework.CaseFixtures.ids;
import static id.pantau.casework.CaseFixtures.lastStep;
import static id.pantau.casework.CaseFixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Actions on cases over HTTP: refused transitions, validation, deadlines and their extension,
 * declining, replay-safe retries, documents and the queue's filters. Every case lies in
 * Bondowoso (35.11), which no other test class reports in.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseActionsApiTest {

    static final String VILLAGE = "35.11.01.2001";
    static final String QUEUE_VILLAGE = "35.11.02.2001";
    static final String QUEUE_DUE_VILLAGE = "35.11.03.2004";
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    Accounts.Created staffAccount;
    Http staff;
    Http national;
    Http analyst;
    Http outsider;

    @BeforeAll
    void accounts() {
        var accounts = new Accounts(Http.api(port));
        staffAccount = accounts.create("actions-staff", List.of("STAFF"), "35.11");
        staff = Http.api(port).bearer(staffAccount.token());
        national = Http.api(port).bearer(accounts.create("actions-national", List.of("STAFF"), "").token());
        analyst = Http.api(port).bearer(accounts.create("actions-analyst", List.of("ANALYST"), "35.11").token());
        outsider = Http.api(port).bearer(accounts.create("actions-outsider", List.of("STAFF"), "35.10").token());
    }

    String newCase() {
        return caseId(staff, CaseFixtures.identified(port, VILLAGE));
    }

    // ---- refused transitions

    @Test
    void everyRefusedTransitionAnswers409WithTheStageAndWhatItAllows() {
        String id = newCase();
        refusedAllOthers(id, "RECEIVED", Set.of("BEGIN_REVIEW", "DELEGATE"));
        actOk(staff, id, "action", "BEGIN_REVIEW");
        refusedAllOthers(id, "PRELIMINARY_REVIEW", Set.of("REQUEST_COMPLETION", "REGISTER", "DECLINE", "DELEGATE"));
        actOk(staff, id, "action", "REQUEST_COMPLETION", "missing", List.of("EVIDENCE"));
        refusedAllOthers(id, "AWAITING_COMPLETION", Set.of("COMPLETED", "DECLINE", "DELEGATE"));
        actOk(staff, id, "action", "COMPLETED");
        actOk(staff, id, "action", "REGISTER", "checklist", FULL_CHECKLIST);
        refusedAllOthers(id, "REGISTERED", Set.of("BEGIN_CLARIFICATION", "EXTEND", "DELEGATE"));
        actOk(staff, id, "action", "BEGIN_CLARIFICATION");
        refusedAllOthers(id, "CLARIFICATION", Set.of("RECORD_CLARIFICATION", "BEGIN_ASSESSMENT", "EXTEND", "DELEGATE"));
        actOk(staff, id, "action", "BEGIN_ASSESSMENT");
        refusedAllOthers(id, "REVIEW", Set.of("TO_PLENARY", "EXTEND", "DELEGATE"));
        actOk(staff, id, "action", "TO_PLENARY");
        refusedAllOthers(id, "PLENARY", Set.of("DECIDE", "EXTEND", "DELEGATE"));
        actOk(staff, id, "action", "DECIDE", "outcome", "ADMINISTRATIVE");
        refusedAllOthers(id, "DECIDED", Set.of("REFER", "CLOSE", "DELEGATE"));
        actOk(staff, id, "action", "REFER", "letterNumber", "001/PP.01/K.JI-11/2026", "date", LocalDate.now(WIB).toString());
        refusedAllOthers(id, "REFERRED", Set.of("CLOSE"));
        actOk(staff, id, "action", "CLOSE");
        refusedAllOthers(id, "CLOSED", Set.of());
    }

    /** Every action people take that {@code stage} does not allow is refused (the clock's own is a 400 of its own). */
    void refusedAllOthers(String id, String stage, Set<String> allowed) {
        refused(id, stage, allowed, java.util.Arrays.stream(CaseAction.values())
                .filter(a -> a != CaseAction.COMPLETION_EXPIRED && !allowed.contains(a.name()))
                .map(Enum::name).toArray(String[]::new));
    }

    @Test
    void aRefusalAfterTheExtensionOffersOnlyWhatTheCaseAllows() {
        String id = newCase();
        CaseFixtures.register(staff, id, FULL_CHECKLIST);
        actOk(staff, id, "action", "EXTEND", "reason", "Keterangan saksi tambahan diperlukan");
        JsonNode now = detail(staff, id);
        assertThat(strings(now.get("allowedActions"))).containsExactlyInAnyOrder("BEGIN_CLARIFICATION", "DELEGATE");

        Http.Response wrong = act(staff, id, Map.of("action", "DECIDE", "outcome", "ETHICS"));

        assertThat(wrong.status()).isEqualTo(409);
        // what the 409 offers must be what the case offers: EXTEND is spent
        assertThat(strings(wrong.json().get("allowedActions")))
                .containsExactlyInAnyOrderElementsOf(strings(now.get("allowedActions")));
    }

    /** Each action is refused in {@code stage} with a 409 naming the stage and the allowed actions, and changes nothing. */
    void refused(String id, String stage, Set<String> allowed, String... actions) {
        JsonNode before = detail(staff, id);
        assertThat(before.get("stage").asString()).isEqualTo(stage);
        assertThat(strings(before.get("allowedActions"))).containsExactlyInAnyOrderElementsOf(allowed);
        for (String action : actions) {
            Http.Response response = act(staff, id, Map.of("action", action));
            assertThat(response.status()).as(action + " in " + stage + ": " + response).isEqualTo(409);
            assertThat(response.contentType()).startsWith("application/problem+json");
            JsonNode problem = response.json();
            assertThat(problem.get("stage").asString()).isEqualTo(stage);
            assertThat(strings(problem.get("allowedActions"))).as(action + " in " + stage)
                    .containsExactlyInAnyOrderElementsOf(allowed)
                    .doesNotContain("COMPLETION_EXPIRED");
            assertThat(problem.get("detail").asString()).contains(action, stage);
        }
        JsonNode after = detail(staff, id);
        assertThat(after.get("stage").asString()).isEqualTo(stage);
        assertThat(after.get("history").size()).isEqualTo(before.get("history").size());
    }

    // ---- validation

    @Test
    void invalidActionsAre400NamingTheField() {
        String id = newCase();
        actOk(staff, id, "action", "BEGIN_REVIEW");
        int steps = detail(staff, id).get("history").size();

        assertInvalid(act(staff, id, Map.of("action", "REQUEST_COMPLETION")), "missing");
        assertInvalid(act(staff, id, Map.of("action", "REQUEST_COMPLETION", "missing", List.of())), "missing");
        Http.Response unmet = act(staff, id, Map.of("action", "REGISTER", "checklist", List.of("DESCRIPTION", "TIME_AND_PLACE")));
        assertInvalid(unmet, "checklist");
        assertThat(unmet.json().get("errors").get(0).get("message").asString()).contains("EVIDENCE", "REPORTER_IDENTITY")
                .doesNotContain("DESCRIPTION");
        assertInvalid(act(staff, id, Map.of("action", "REGISTER")), "checklist");
        assertInvalid(act(staff, id, Map.of("action", "DECLINE")), "reason");
        assertInvalid(act(staff, id, Map.of("action", "DECLINE", "reason", "   ")), "reason");
        assertInvalid(act(staff, id, Map.of("action", "DECLINE", "reason", "x".repeat(4001))), "reason");
        JsonNode unchanged = detail(staff, id);
        assertThat(unchanged.get("stage").asString()).isEqualTo("PRELIMINARY_REVIEW");
        assertThat(unchanged.get("history").size()).isEqualTo(steps);
        assertThat(unchanged.get("registerNumber").isNull()).isTrue();

        actOk(staff, id, "action", "REGISTER", "checklist", FULL_CHECKLIST);
        actOk(staff, id, "action", "BEGIN_CLARIFICATION");
        String past = OffsetDateTime.now(WIB).minusHours(2).toString();
        assertInvalid(act(staff, id, Map.of("action", "RECORD_CLARIFICATION", "heardAt", past)), "heard");
        assertInvalid(act(staff, id, Map.of("action", "RECORD_CLARIFICATION", "heard", List.of(" "), "heardAt", past)), "heard");
        assertInvalid(act(staff, id, Map.of("action", "RECORD_CLARIFICATION", "heard", List.of("Pelapor"))), "heardAt");
        assertInvalid(act(staff, id, Map.of("action", "RECORD_CLARIFICATION", "heard", List.of("Pelapor"),
                "heardAt", OffsetDateTime.now(WIB).plusHours(1).toString())), "heardAt");
        assertInvalid(act(staff, id, Map.of("action", "EXTEND")), "reason");
        JsonNode heard = actOk(staff, id, "action", "RECORD_CLARIFICATION", "heard", List.of(" Pelapor ", "Terlapor"), "heardAt", past);
        assertThat(strings(lastStep(heard).get("details").get("heard"))).containsExactly("Pelapor", "Terlapor");

        actOk(staff, id, "action", "BEGIN_ASSESSMENT");
        actOk(staff, id, "action", "TO_PLENARY");
        assertInvalid(act(staff, id, Map.of("action", "DECIDE")), "outcome");
        assertInvalid(act(staff, id, Map.of("action", "DECIDE", "outcome", "GUILTY")), "outcome");
        actOk(staff, id, "action", "DECIDE", "outcome", "ADMINISTRATIVE");

        String today = LocalDate.now(WIB).toString();
        Http.Response neither = act(staff, id, Map.of("action", "REFER"));
        assertInvalid(neither, "letterNumber");
        assertInvalid(neither, "date");
        assertInvalid(act(staff, id, Map.of("action", "REFER", "date", today)), "letterNumber");
        assertInvalid(act(staff, id, Map.of("action", "REFER", "letterNumber", "002/PP.01/2026")), "date");
        assertInvalid(act(staff, id, Map.of("action", "REFER", "letterNumber", "002/PP.01/2026",
                "date", LocalDate.now(WIB).plusDays(2).toString())), "date");
        assertInvalid(act(staff, id, Map.of("action", "REFER", "letterNumber", "002/PP.01/2026",
                "date", LocalDate.now(WIB).minusDays(3).toString())), "date");
        assertInvalid(act(staff, id, Map.of("action", "REFER", "letterNumber", "002/PP.01/2026", "date", "kemarin")), "date");
        assertThat(detail(staff, id).get("stage").asString()).isEqualTo("DECIDED");

        JsonNode referred = actOk(staff, id, "action", "REFER", "letterNumber", "002/PP.01/2026", "date", today);
        assertThat(referred.get("stage").asString()).isEqualTo("REFERRED");
        assertThat(referred.get("referral").get("target").asString()).isEqualTo("KPU");
        assertThat(referred.get("referral").get("letterNumber").asString()).isEqualTo("002/PP.01/2026");
        assertThat(referred.get("referral").get("date").asString()).isEqualTo(today);
    }

    @Test
    void theActionItselfMustBeKnownAndTakenByAPerson() {
        String id = newCase();
        actOk(staff, id, "action", "BEGIN_REVIEW");
        actOk(staff, id, "action", "REQUEST_COMPLETION", "missing", List.of("REPORTED_PARTY"));

        assertInvalid(act(staff, id, Map.of("action", "FLY")), "action");
        assertInvalid(act(staff, id, Map.of("note", "no action")), "action");
        assertInvalid(act(staff, id, body("action", null)), "action");
        // the stage would allow it, but only the clock closes a completion window
        assertInvalid(act(staff, id, Map.of("action", "COMPLETION_EXPIRED")), "action");
        assertInvalid(staff.post("/api/v1/cases/" + id + "/actions", "{not json"), "body");
        assertThat(act(staff, UUID.randomUUID().toString(), Map.of("action", "BEGIN_REVIEW")).status()).isEqualTo(404);
        assertThat(detail(staff, id).get("stage").asString()).isEqualTo("AWAITING_COMPLETION");
        assertThat(count(detail(staff, id), "COMPLETION_EXPIRED")).isZero();
    }

    @Test
    void aCaseDecidedAsNotAViolationIsClosedNotReferred() {
        String id = newCase();
        CaseFixtures.register(staff, id, FULL_CHECKLIST);
        actOk(staff, id, "action", "BEGIN_CLARIFICATION");
        actOk(staff, id, "action", "BEGIN_ASSESSMENT");
        actOk(staff, id, "action", "TO_PLENARY");
        JsonNode decided = actOk(staff, id, "action", "DECIDE", "outcome", "NOT_A_VIOLATION");
        assertThat(decided.get("defaultReferralTarget").isNull()).isTrue();
        // nothing to refer: the page offers no referral form, and the 409 names what is left
        assertThat(strings(decided.get("allowedActions"))).containsExactlyInAnyOrder("CLOSE", "DELEGATE");

        String today = LocalDate.now(WIB).toString();
        Http.Response refer = act(staff, id, Map.of("action", "REFER", "letterNumber", "003/PP.01/2026", "date", today));
        Http.Response referToKpu = act(staff, id, Map.of("action", "REFER", "letterNumber", "003/PP.01/2026", "date", today,
                "target", "KPU"));

        assertThat(refer.status()).as(refer.toString()).isEqualTo(409);
        assertThat(refer.contentType()).startsWith("application/problem+json");
        assertThat(refer.json().get("stage").asString()).isEqualTo("DECIDED");
        assertThat(strings(refer.json().get("allowedActions"))).containsExactlyInAnyOrder("CLOSE", "DELEGATE");
        assertThat(referToKpu.status()).isEqualTo(409);
        assertThat(detail(staff, id).get("stage").asString()).isEqualTo("DECIDED");
        assertThat(detail(staff, id).get("referral").isNull()).isTrue();
        assertThat(actOk(staff, id, "action", "CLOSE").get("stage").asString()).isEqualTo("CLOSED");
    }

    // ---- deadlines

    @Test
    void theDecisionDeadlineMovesFromSevenToFourteenWorkingDaysOnce() {
        String id = newCase();
        JsonNode registered = CaseFixtures.register(staff, id, FULL_CHECKLIST);
        LocalDate registeredOn = OffsetDateTime.parse(registered.get("registeredAt").asString()).toLocalDate();
        assertThat(registered.get("registeredAt").asString()).endsWith("+07:00");
        assertThat(registered.get("extended").asBoolean()).isFalse();
        JsonNode decision = deadline(registered, "DECISION");
        assertThat(decision.get("current").asBoolean()).isTrue();
        assertThat(OffsetDateTime.parse(decision.get("dueAt").asString()))
                .isEqualTo(endOfDay(workingDaysAfter(registeredOn, 7)));
        assertThat(deadline(registered, "PRELIMINARY_REVIEW").get("current").asBoolean()).isFalse();

        JsonNode extended = actOk(staff, id, "action", "EXTEND", "reason", "Perlu keterangan ahli");

        assertThat(extended.get("extended").asBoolean()).isTrue();
        assertThat(extended.get("stage").asString()).isEqualTo("REGISTERED");
        assertThat(OffsetDateTime.parse(deadline(extended, "DECISION").get("dueAt").asString()))
                .isEqualTo(endOfDay(workingDaysAfter(registeredOn, 14)));
        assertThat(strings(extended.get("allowedActions"))).doesNotContain("EXTEND");
        JsonNode item = staff.get("/api/v1/cases?reportId=" + extended.get("reports").get(0).get("id").asString())
                .json().get("items").get(0);
        assertThat(item.get("deadline").asString()).isEqualTo("DECISION");
        assertThat(OffsetDateTime.parse(item.get("dueAt").asString()).toLocalDate())
                .isBetween(workingDaysAfter(registeredOn, 14), workingDaysAfter(registeredOn, 14).plusDays(1));

        Http.Response again = act(staff, id, Map.of("action", "EXTEND", "reason", "Sekali lagi"));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        actOk(staff, id, "action", "BEGIN_CLARIFICATION");
        assertThat(act(staff, id, Map.of("action", "EXTEND", "reason", "Dan lagi")).status()).isEqualTo(409);
        JsonNode after = detail(staff, id);
        assertThat(count(after, "EXTEND")).isEqualTo(1);
        assertThat(OffsetDateTime.parse(deadline(after, "DECISION").get("dueAt").asString()))
                .isEqualTo(endOfDay(workingDaysAfter(registeredOn, 14)));
    }

    @Test
    void reviewAndCompletionRunInWorkingDaysFromTheirStart() {
        String id = newCase();
        JsonNode received = detail(staff, id);
        LocalDate receivedOn = OffsetDateTime.parse(received.get("receivedAt").asString()).toLocalDate();
        assertThat(received.get("receivedAt").asString()).endsWith("+07:00");
        JsonNode review = deadline(received, "PRELIMINARY_REVIEW");
        assertThat(review.get("current").asBoolean()).isTrue();
        assertThat(OffsetDateTime.parse(review.get("dueAt").asString())).isEqualTo(endOfDay(workingDaysAfter(receivedOn, 2)));
        assertThat(review.get("basis").asString()).contains("Perbawaslu 7/2022");
        actOk(staff, id, "action", "BEGIN_REVIEW");

        JsonNode awaiting = actOk(staff, id, "action", "REQUEST_COMPLETION", "missing", List.of("EVIDENCE"));

        LocalDate requestedOn = OffsetDateTime.parse(lastStep(awaiting).get("at").asString()).toLocalDate();
        JsonNode completion = deadline(awaiting, "COMPLETION");
        assertThat(completion.get("current").asBoolean()).isTrue();
        assertThat(OffsetDateTime.parse(completion.get("dueAt").asString()))
                .isEqualTo(endOfDay(workingDaysAfter(requestedOn, 3)));
        assertThat(deadline(awaiting, "PRELIMINARY_REVIEW").get("current").asBoolean()).isFalse();
        assertThat(strings(awaiting.get("missing"))).containsExactly("EVIDENCE");
    }

    static JsonNode deadline(JsonNode detail, String name) {
        for (JsonNode d : detail.get("deadlines")) {
            if (d.get("name").asString().equals(name)) {
                return d;
            }
        }
        throw new AssertionError("No deadline " + name + " in " + detail.get("deadlines"));
    }

    /** The N-th working day after {@code start} (day zero), skipping weekends and the holiday table's days. */
    LocalDate workingDaysAfter(LocalDate start, int days) {
        Set<LocalDate> holidays = new HashSet<>(jdbc.sql("select day from holiday").query(LocalDate.class).list());
        LocalDate day = start;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(day)) {
                counted++;
            }
        }
        return day;
    }

    static OffsetDateTime endOfDay(LocalDate day) {
        return ZonedDateTime.of(day, id.pantau.election.WorkingDayCalendar.END_OF_DAY, WIB).toOffsetDateTime();
    }

    @Test
    void theQueueShowsTheDeadlineTheCaseIsUnder() {
        String id = newCase();
        JsonNode c = detail(staff, id);
        JsonNode current = deadline(c, "PRELIMINARY_REVIEW");
        assertThat(current.get("current").asBoolean()).isTrue();

        JsonNode item = staff.get("/api/v1/cases?reportId=" + c.get("reports").get(0).get("id").asString())
                .json().get("items").get(0);

        assertThat(item.get("deadline").asString()).isEqualTo("PRELIMINARY_REVIEW");
        // a deadline runs to the end of its last day: the queue must show that day, not midnight after it
        assertThat(OffsetDateTime.parse(item.get("dueAt").asString()).toLocalDate())
                .isEqualTo(OffsetDateTime.parse(current.get("dueAt").asString()).toLocalDate());
    }

    @Test
    void aCaseWhoseDeadlineEndsTonightIsDueToday() {
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(WIB);
        assumeTrue(Duration.between(now, endOfDay(today).toInstant()).compareTo(Duration.ofMinutes(5)) > 0,
                "too close to midnight in WIB");
        String id = caseId(staff, CaseFixtures.identified(port, QUEUE_DUE_VILLAGE));
        // the deadline as the case clock computes it (end of the local day), written as the repository writes it
        due(id, endOfDay(today).toInstant());

        JsonNode dueToday = queue(staff, "region=" + QUEUE_DUE_VILLAGE + "&due=today");

        assertThat(ids(dueToday.get("items"))).containsExactly(id);
        assertThat(dueToday.get("items").get(0).get("urgency").asString()).isEqualTo("DUE_TODAY");
        assertThat(OffsetDateTime.parse(dueToday.get("items").get(0).get("dueAt").asString()).toLocalDate()).isEqualTo(today);
    }

    // ---- declining

    @Test
    void aDeclinedReportIsNotRegisteredAndItsTrackingPageSaysWhy() {
        JsonNode report = CaseFixtures.identified(port, VILLAGE);
        String id = caseId(staff, report);
        String reason = "Peristiwa yang dilaporkan terjadi di luar tahapan pemilu";
        actOk(staff, id, "action", "BEGIN_REVIEW");

        JsonNode declined = actOk(staff, id, "action", "DECLINE", "reason", reason);

        assertThat(declined.get("stage").asString()).isEqualTo("NOT_REGISTERED");
        assertThat(declined.get("registerNumber").isNull()).isTrue();
        assertThat(lastStep(declined).get("details").get("reason").asString()).isEqualTo(reason);
        assertThat(declined.get("deadlines")).noneSatisfy(d -> assertThat(d.get("current").asBoolean()).isTrue());
        JsonNode tracked = CaseFixtures.track(port, report.get("trackingCode").asString());
        assertThat(tracked.get("status").asString()).isEqualTo("NOT_REGISTERED");
        JsonNode lastStatus = tracked.get("history").get(tracked.get("history").size() - 1);
        assertThat(lastStatus.get("status").asString()).isEqualTo("NOT_REGISTERED");
        assertThat(lastStatus.get("note").asString()).isEqualTo(reason);
        assertThat(tracked.get("history")).extracting(h -> h.get("status").asString())
                .containsExactly("RECEIVED", "UNDER_REVIEW", "NOT_REGISTERED");
        refusedAllOthers(id, "NOT_REGISTERED", Set.of("CLOSE"));
        actOk(staff, id, "action", "CLOSE");
        assertThat(CaseFixtures.track(port, report.get("trackingCode").asString()).get("status").asString()).isEqualTo("CLOSED");
    }

    @Test
    void aPublicNoteIsWhatTheReporterSeesInsteadOfTheInternalReason() {
        JsonNode report = CaseFixtures.identified(port, VILLAGE);
        String id = caseId(staff, report);
        actOk(staff, id, "action", "BEGIN_REVIEW");
        actOk(staff, id, "action", "REQUEST_COMPLETION", "missing", List.of("EVIDENCE", "REPORTED_PARTY"));
        assertThat(CaseFixtures.track(port, report.get("trackingCode").asString()).toString())
                .contains("bukti atau saksi", "identitas terlapor");

        actOk(staff, id, "action", "DECLINE", "reason", "Pelapor tidak dapat dihubungi (catatan internal)",
                "publicNote", "Laporan belum memenuhi syarat materiil.");

        JsonNode tracked = CaseFixtures.track(port, report.get("trackingCode").asString());
        assertThat(tracked.get("status").asString()).isEqualTo("NOT_REGISTERED");
        JsonNode lastStatus = tracked.get("history").get(tracked.get("history").size() - 1);
        assertThat(lastStatus.get("note").asString()).isEqualTo("Laporan belum memenuhi syarat materiil.");
        assertThat(tracked.toString()).doesNotContain("catatan internal");
    }

    // ---- findings

    @Test
    void aFindingIsRegisteredWithoutReporterRequirementsAsTm() {
        JsonNode finding = CaseFixtures.finding(port, staffAccount.token(), VILLAGE);
        String id = caseId(staff, finding);
        assertThat(detail(staff, id).get("kind").asString()).isEqualTo("TM");
        actOk(staff, id, "action", "BEGIN_REVIEW");

        Http.Response unmet = act(staff, id, Map.of("action", "REGISTER", "checklist",
                List.of("REPORTED_PARTY", "WITHIN_WINDOW", "TIME_AND_PLACE", "DESCRIPTION")));
        assertInvalid(unmet, "checklist");
        assertThat(unmet.json().get("errors").get(0).get("message").asString()).contains("EVIDENCE")
                .doesNotContain("REPORTER_IDENTITY");
        JsonNode registered = actOk(staff, id, "action", "REGISTER", "checklist", FINDING_CHECKLIST);

        assertThat(registered.get("registerNumber").asString()).matches("\\d{3}/Reg/TM/PL/Kab/35\\.11/[IVX]+/\\d{4}");
        assertThat(detail(staff, caseId(staff, CaseFixtures.anonymous(port, VILLAGE))).get("kind").asString()).isEqualTo("TM");
    }

    // ---- Idempotency-Key

    @Test
    void aRetriedActionWithTheSameKeyIsAnsweredFromTheFirstAndTakenOnce() {
        String id = newCase();
        String key = "begin-" + UUID.randomUUID();
        Http keyed = staff.header("Idempotency-Key", key);

        Http.Response first = act(keyed, id, Map.of("action", "BEGIN_REVIEW", "note", "Mulai kajian awal"));
        Http.Response retry = act(keyed, id, Map.of("action", "BEGIN_REVIEW", "note", "Mulai kajian awal"));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json()).isEqualTo(first.json());
        JsonNode now = detail(staff, id);
        assertThat(now.get("stage").asString()).isEqualTo("PRELIMINARY_REVIEW");
        assertThat(count(now, "BEGIN_REVIEW")).isEqualTo(1);
        assertThat(now.get("history").size()).isEqualTo(2);

        Http.Response otherBody = act(keyed, id, Map.of("action", "BEGIN_REVIEW", "note", "Lain"));
        assertThat(otherBody.status()).as(otherBody.toString()).isEqualTo(422);
        assertThat(otherBody.contentType()).startsWith("application/problem+json");
        assertThat(otherBody.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        // the key stands for the action on this case: the same body on another case is a reuse too
        assertInvalid(act(staff.header("Idempotency-Key", "with space"), id, Map.of("action", "CLOSE")), "Idempotency-Key");
        String other = newCase();
        assertThat(act(keyed, other, Map.of("action", "BEGIN_REVIEW", "note", "Mulai kajian awal")).status()).isEqualTo(422);
        assertThat(detail(staff, other).get("stage").asString()).isEqualTo("RECEIVED");
        assertThat(count(detail(staff, id), "BEGIN_REVIEW")).isEqualTo(1);
    }

    @Test
    void twentyConcurrentRetriesWithOneKeyMakeOneTransition() throws Exception {
        String id = newCase();
        Http keyed = staff.header("Idempotency-Key", "race-" + UUID.randomUUID());

        List<Http.Response> responses = Parallel.times(20, () -> act(keyed, id, Map.of("action", "BEGIN_REVIEW")));

        assertThat(responses).allSatisfy(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().get("stage").asString()).isEqualTo("PRELIMINARY_REVIEW");
        });
        assertThat(responses).filteredOn(r -> "true".equals(r.header("Idempotent-Replayed"))).hasSize(19);
        assertThat(count(detail(staff, id), "BEGIN_REVIEW")).isEqualTo(1);
    }

    @Test
    void twentyConcurrentActionsWithoutAKeyAreTakenOnceAndTheRestRefused() throws Exception {
        String id = newCase();

        List<Http.Response> responses = Parallel.times(20, () -> act(staff, id, Map.of("action", "BEGIN_REVIEW")));

        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(19)
                .allSatisfy(r -> assertThat(r.json().get("stage").asString()).isEqualTo("PRELIMINARY_REVIEW"));
        assertThat(count(detail(staff, id), "BEGIN_REVIEW")).isEqualTo(1);
    }

    @Test
    void aRefusedActionDoesNotUseUpItsKey() {
        String id = newCase();
        Http keyed = staff.header("Idempotency-Key", "retry-" + UUID.randomUUID());

        assertThat(act(keyed, id, Map.of("action", "REGISTER", "checklist", FULL_CHECKLIST)).status()).isEqualTo(409);
        Http.Response corrected = act(keyed, id, Map.of("action", "BEGIN_REVIEW"));

        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(corrected.header("Idempotent-Replayed")).isNull();
        assertThat(act(keyed, id, Map.of("action", "REGISTER", "checklist", FULL_CHECKLIST)).status()).isEqualTo(422);
        assertThat(detail(staff, id).get("stage").asString()).isEqualTo("PRELIMINARY_REVIEW");
    }

    // ---- documents

    @Test
    void aDocumentIsUploadedAttachedToItsStepAndDownloaded() throws Exception {
        String id = newCase();
        byte[] pdf = TestImages.pdf();
        byte[] png = TestImages.png(3, 2);

        Http.Response uploaded = upload(staff, id, "berita-acara-klarifikasi.pdf", "application/pdf", pdf);
        Http.Response photo = upload(staff, id, "foto.png", "image/png", png);

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        JsonNode document = uploaded.json();
        String docId = document.get("id").asString();
        assertThat(uploaded.header("Location")).isEqualTo("/api/v1/cases/" + id + "/documents/" + docId);
        assertThat(document.get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(document.get("size").asLong()).isEqualTo(pdf.length);
        assertThat(document.get("sha256").asString()).isEqualTo(HexFormat.of().formatHex(Sha256.of(pdf)));
        assertThat(document.get("fileName").asString()).isEqualTo("berita-acara-klarifikasi.pdf");
        assertThat(document.get("uploadedBy").asString()).isEqualTo(staffAccount.username());
        assertThat(photo.status()).as(photo.toString()).isEqualTo(201);
        assertThat(photo.json().get("contentType").asString()).isEqualTo("image/png");
        String photoId = photo.json().get("id").asString();
        assertThat(ids(detail(staff, id).get("pendingDocuments"))).containsExactlyInAnyOrder(docId, photoId);

        CaseFixtures.register(staff, id, FULL_CHECKLIST);
        actOk(staff, id, "action", "BEGIN_CLARIFICATION");
        JsonNode heard = actOk(staff, id, "action", "RECORD_CLARIFICATION", "heard", List.of("Pelapor"),
                "heardAt", OffsetDateTime.now(WIB).minusHours(1).toString(), "documentIds", List.of(docId));

        JsonNode step = lastStep(heard);
        assertThat(step.get("action").asString()).isEqualTo("RECORD_CLARIFICATION");
        assertThat(ids(step.get("documents"))).containsExactly(docId);
        assertThat(step.get("documents").get(0).get("stepId").asLong()).isEqualTo(step.get("id").asLong());
        assertThat(strings(step.get("details").get("documentIds"))).containsExactly(docId);
        assertThat(ids(heard.get("pendingDocuments"))).containsExactly(photoId);
        assertThat(heard.get("history")).filteredOn(s -> s != step && !s.get("documents").isEmpty()).isEmpty();

        HttpResponse<byte[]> download = download(staffAccount.token(), id, docId);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("X-Content-SHA256")).hasValue(document.get("sha256").asString());
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment").contains("berita-acara-klarifikasi.pdf");
        assertThat(analyst.get("/api/v1/cases/" + id + "/documents/" + docId).status()).isEqualTo(200);
        assertThat(outsider.get("/api/v1/cases/" + id + "/documents/" + docId).status()).isEqualTo(403);
        assertThat(Http.api(port).get("/api/v1/cases/" + id + "/documents/" + docId).status()).isEqualTo(401);
        assertThat(staff.get("/api/v1/cases/" + id + "/documents/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(staff.get("/api/v1/cases/" + newCase() + "/documents/" + docId).status()).isEqualTo(404);
    }

    @Test
    void unknownOrAlreadyAttachedDocumentsAreRefusedAndTheActionIsNotTaken() {
        String id = newCase();
        assertInvalid(act(staff.header("Idempotency-Key", "with space"), id, Map.of("action", "CLOSE")), "Idempotency-Key");
        String other = newCase();
        String docId = upload(staff, id, "ba.pdf", "application/pdf", TestImages.pdf()).json().get("id").asString();
        String othersDoc = upload(staff, other, "lain.pdf", "application/pdf", TestImages.pdf()).json().get("id").asString();
        CaseFixtures.register(staff, id, FULL_CHECKLIST);
        actOk(staff, id, "action", "BEGIN_CLARIFICATION");
        String past = OffsetDateTime.now(WIB).minusHours(1).toString();
        actOk(staff, id, "action", "RECORD_CLARIFICATION", "heard", List.of("Saksi 1"), "heardAt", past,
                "documentIds", List.of(docId));

        assertInvalid(act(staff, id, Map.of("action", "RECORD_CLARIFICATION", "heard", List.of("Saksi 2"), "heardAt", past,
                "documentIds", List.of(docId))), "documentIds");
        assertInvalid(act(staff, id, Map.of("action", "RECORD_CLARIFICATION", "heard", List.of("Saksi 2"), "heardAt", past,
                "documentIds", List.of(UUID.randomUUID().toString()))), "documentIds");
        assertInvalid(act(staff, id, Map.of("action", "RECORD_CLARIFICATION", "heard", List.of("Saksi 2"), "heardAt", past,
                "documentIds", List.of(othersDoc))), "documentIds");

        JsonNode after = detail(staff, id);
        assertThat(count(after, "RECORD_CLARIFICATION")).isEqualTo(1);
        assertThat(after.get("history")).filteredOn(s -> !s.get("documents").isEmpty())
                .singleElement().satisfies(s -> assertThat(ids(s.get("documents"))).containsExactly(docId));
        assertThat(ids(detail(staff, other).get("pendingDocuments"))).containsExactly(othersDoc);
    }

    @Test
    void onlyPdfsAndPhotosAreStoredAndOnlyByStaffInScope() {
        String id = newCase();
        byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);

        assertInvalid(upload(staff, id, "surat.pdf", "application/pdf", html), "file");
        assertInvalid(upload(staff, id, "kosong.pdf", "application/pdf", new byte[0]), "file");
        assertInvalid(staff.postMultipart("/api/v1/cases/" + id + "/documents", Map.of("note", "x"), List.of()), "file");
        assertThat(upload(analyst, id, "ba.pdf", "application/pdf", TestImages.pdf()).status()).isEqualTo(403);
        assertThat(upload(outsider, id, "ba.pdf", "application/pdf", TestImages.pdf()).status()).isEqualTo(403);
        assertThat(upload(Http.api(port), id, "ba.pdf", "application/pdf", TestImages.pdf()).status()).isEqualTo(401);

        assertThat(detail(staff, id).get("pendingDocuments")).isEmpty();
    }

    Http.Response upload(Http api, String caseId, String fileName, String contentType, byte[] content) {
        return api.postMultipart("/api/v1/cases/" + caseId + "/documents", Map.of(),
                List.of(new Http.Part("file", fileName, contentType, content)));
    }

    HttpResponse<byte[]> download(String token, String caseId, String documentId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/cases/" + caseId
                        + "/documents/" + documentId))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    // ---- the queue

    @Test
    void theQueueFiltersByStageDueRegionOfficeAndReportAndSortsByTheNearestDeadline() {
        Instant now = Instant.now();
        Instant endOfToday = ZonedDateTime.of(LocalDate.now(WIB), id.pantau.election.WorkingDayCalendar.END_OF_DAY, WIB).toInstant();
        assumeTrue(Duration.between(now, endOfToday).compareTo(Duration.ofMinutes(5)) > 0, "too close to midnight in WIB");
        JsonNode[] reports = new JsonNode[8];
        for (int i = 0; i < reports.length; i++) {
            reports[i] = CaseFixtures.identified(port, QUEUE_VILLAGE);
        }
        String overdue = caseId(staff, reports[0]);
        String dueToday = caseId(staff, reports[1]);
        String thisWeek = caseId(staff, reports[2]);
        String later = caseId(staff, reports[3]);
        String notRegistered = caseId(staff, reports[4]);
        String closed = caseId(staff, reports[5]);
        String atRi = caseId(staff, reports[6]);
        String registered = caseId(staff, reports[7]);
        actOk(staff, dueToday, "action", "BEGIN_REVIEW");
        CaseFixtures.register(staff, registered, FULL_CHECKLIST);
        actOk(staff, notRegistered, "action", "BEGIN_REVIEW");
        actOk(staff, notRegistered, "action", "DECLINE", "reason", "Tidak memenuhi syarat");
        actOk(staff, closed, "action", "BEGIN_REVIEW");
        actOk(staff, closed, "action", "DECLINE", "reason", "Tidak memenuhi syarat");
        actOk(staff, closed, "action", "CLOSE");
        actOk(national, atRi, "action", "DELEGATE", "toRegionCode", "RI");
        due(overdue, now.minus(Duration.ofHours(1)));
        due(dueToday, now.plus(Duration.between(now, endOfToday).dividedBy(2).compareTo(Duration.ofHours(1)) < 0
                ? Duration.between(now, endOfToday).dividedBy(2) : Duration.ofHours(1)));
        due(thisWeek, now.plus(Duration.ofDays(3)));
        due(registered, now.plus(Duration.ofDays(9)));
        due(later, now.plus(Duration.ofDays(10)));
        due(atRi, now.plus(Duration.ofDays(12)));
        String in = "region=" + QUEUE_VILLAGE;

        JsonNode all = queue(staff, in);
        assertThat(ids(all.get("items"))).containsExactly(overdue, dueToday, thisWeek, registered, later, notRegistered);
        assertThat(all.get("total").asLong()).isEqualTo(6);
        assertThat(all.get("items")).extracting(i -> i.get("urgency").asString())
                .containsExactly("OVERDUE", "DUE_TODAY", "ON_TRACK", "ON_TRACK", "ON_TRACK", "NONE");
        assertThat(all.get("items").get(5).get("dueAt").isNull()).isTrue();
        List<Instant> dueAts = new java.util.ArrayList<>();
        all.get("items").forEach(i -> {
            if (!i.get("dueAt").isNull()) {
                dueAts.add(OffsetDateTime.parse(i.get("dueAt").asString()).toInstant());
            }
        });
        assertThat(dueAts).hasSize(5).isSorted();
        assertThat(all.get("items").get(0).get("office").get("code").asString()).isEqualTo("35.11");

        assertThat(ids(queue(staff, in + "&stage=PRELIMINARY_REVIEW").get("items"))).containsExactly(dueToday);
        assertThat(ids(queue(staff, in + "&stage=RECEIVED&stage=REGISTERED").get("items")))
                .containsExactly(overdue, thisWeek, registered, later);
        assertThat(ids(queue(staff, in + "&stage=CLOSED").get("items"))).containsExactly(closed);
        assertThat(ids(queue(staff, in + "&due=overdue").get("items"))).containsExactly(overdue);
        assertThat(ids(queue(staff, in + "&due=OVERDUE").get("items"))).containsExactly(overdue);
        assertThat(ids(queue(staff, in + "&due=today").get("items"))).containsExactly(dueToday);
        assertThat(ids(queue(staff, in + "&due=week").get("items"))).containsExactly(dueToday, thisWeek);
        assertThat(ids(queue(staff, in + "&due=week&stage=RECEIVED").get("items"))).containsExactly(thisWeek);
        assertThat(ids(queue(staff, "region=35.11.02&reportId=" + reports[2].get("id").asString()).get("items")))
                .containsExactly(thisWeek);
        assertThat(queue(staff, "reportId=" + UUID.randomUUID()).get("total").asLong()).isZero();
        assertThat(queue(staff, "region=35.10").get("total").asLong()).isZero();

        assertThat(ids(queue(national, in).get("items")))
                .containsExactly(overdue, dueToday, thisWeek, registered, later, atRi, notRegistered);
        assertThat(ids(queue(national, in + "&office=RI").get("items"))).containsExactly(atRi);
        assertThat(ids(queue(national, in + "&office=35.11").get("items")))
                .containsExactly(overdue, dueToday, thisWeek, registered, later, notRegistered);
        assertThat(queue(staff, in + "&office=RI").get("total").asLong()).isZero();

        JsonNode first = queue(staff, in + "&size=4&page=0");
        JsonNode second = queue(staff, in + "&size=4&page=1");
        JsonNode beyond = queue(staff, in + "&size=4&page=2");
        assertThat(ids(first.get("items"))).containsExactly(overdue, dueToday, thisWeek, registered);
        assertThat(ids(second.get("items"))).containsExactly(later, notRegistered);
        assertThat(beyond.get("items")).isEmpty();
        assertThat(List.of(first, second, beyond)).allSatisfy(page -> {
            assertThat(page.get("total").asLong()).isEqualTo(6);
            assertThat(page.get("size").asInt()).isEqualTo(4);
        });
        assertThat(second.get("page").asInt()).isEqualTo(1);
    }

    @Test
    void invalidQueueFiltersAre400NamingTheParameter() {
        assertInvalid(staff.get("/api/v1/cases?due=tomorrow"), "due");
        assertInvalid(staff.get("/api/v1/cases?office=Jember"), "office");
        assertInvalid(staff.get("/api/v1/cases?region=jember"), "region");
        assertInvalid(staff.get("/api/v1/cases?stage=PENDING"), "stage");
        assertInvalid(staff.get("/api/v1/cases?reportId=abc"), "reportId");
        assertInvalid(staff.get("/api/v1/cases?size=0"), "size");
        assertInvalid(staff.get("/api/v1/cases?page=-1"), "page");
    }

    JsonNode queue(Http api, String query) {
        Http.Response response = api.get("/api/v1/cases?" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    void due(String caseId, Instant at) {
        assertThat(jdbc.sql("update legal_case set next_due_at = ? where id = ?")
                .params(Timestamp.from(at), UUID.fromString(caseId)).update()).isEqualTo(1);
    }
}
