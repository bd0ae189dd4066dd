package id.pantau.casework;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import id.pantau.report.ReportSubmitted;
import id.pantau.report.Reports;
import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import id.pantau.support.PublishedEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A report walked through the statutory workflow over HTTP, and what its reporter sees meanwhile. */
@IntegrationTest
class CaseFlowApiTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    PublishedEvents events;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aReportIsReviewedCompletedRegisteredDecidedReferredAndClosed() {
        JsonNode report = Reports.submit(port, Reports.identified(Reports.with(Reports.moneyPoliticsInJember(),
                "regionCode", "35.09.06.2001")));
        String trackingCode = report.get("trackingCode").asString();
        var staff = new Accounts(Http.api(port)).create("case-staff", List.of("STAFF"), "35.09");
        Http api = Http.api(port).bearer(staff.token());

        JsonNode item = awaitCase(api, report.get("id").asString());
        assertThat(item.get("stage").asString()).isEqualTo("RECEIVED");
        assertThat(item.get("office").get("code").asString()).isEqualTo("35.09");
        assertThat(item.get("deadline").asString()).isEqualTo("PRELIMINARY_REVIEW");
        assertThat(item.get("dueAt").asString()).endsWith("+07:00");
        String id = item.get("id").asString();
        String actions = "/api/v1/cases/" + id + "/actions";

        assertThat(api.post(actions, Map.of("action", "BEGIN_REVIEW")).json().get("stage").asString())
                .isEqualTo("PRELIMINARY_REVIEW");
        JsonNode awaiting = api.post(actions, Map.of("action", "REQUEST_COMPLETION", "missing", List.of("REPORTED_PARTY"))).json();
        assertThat(awaiting.get("stage").asString()).isEqualTo("AWAITING_COMPLETION");
        assertThat(awaiting.get("deadlines")).anySatisfy(d -> {
            assertThat(d.get("name").asString()).isEqualTo("COMPLETION");
            assertThat(d.get("current").asBoolean()).isTrue();
        });
        JsonNode tracked = Http.api(port).get("/api/v1/track/" + trackingCode).json();
        assertThat(tracked.get("status").asString()).isEqualTo("COMPLETION_REQUESTED");
        assertThat(tracked.toString()).contains("identitas terlapor");

        api.post(actions, Map.of("action", "COMPLETED", "note", "Pelapor datang membawa identitas terlapor"));
        Http.Response refused = api.post(actions, Map.of("action", "REGISTER", "checklist", List.of("DESCRIPTION")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("checklist");

        JsonNode registered = api.post(actions, Map.of("action", "REGISTER", "checklist", List.of("REPORTER_IDENTITY",
                "REPORTER_STANDING", "REPORTED_PARTY", "WITHIN_WINDOW", "TIME_AND_PLACE", "DESCRIPTION", "EVIDENCE"))).json();
        assertThat(registered.get("registerNumber").asString()).matches("\\d{3}/Reg/LP/PL/Kab/35\\.09/[IVX]+/\\d{4}");

        Http.Response wrongStep = api.post(actions, Map.of("action", "DECIDE", "outcome", "CRIMINAL"));
        assertThat(wrongStep.status()).isEqualTo(409);
        assertThat(wrongStep.json().get("stage").asString()).isEqualTo("REGISTERED");
        assertThat(wrongStep.json().get("allowedActions")).extracting(JsonNode::asString)
                .contains("BEGIN_CLARIFICATION", "DELEGATE");

        api.post(actions, Map.of("action", "BEGIN_CLARIFICATION"));
        api.post(actions, Map.of("action", "RECORD_CLARIFICATION", "heard", List.of("Pelapor", "Terlapor"),
                "heardAt", OffsetDateTime.now().minusHours(1).toString()));
        api.post(actions, Map.of("action", "BEGIN_ASSESSMENT"));
        api.post(actions, Map.of("action", "TO_PLENARY"));
        JsonNode decided = api.post(actions, Map.of("action", "DECIDE", "outcome", "CRIMINAL")).json();
        assertThat(decided.get("defaultReferralTarget").asString()).isEqualTo("SENTRA_GAKKUMDU");
        assertThat(decided.get("deadlines")).anySatisfy(d -> assertThat(d.get("name").asString()).isEqualTo("CRIMINAL_REFERRAL"));
        JsonNode referred = api.post(actions, Map.of("action", "REFER", "letterNumber", "001/PP.01/K.JI-09/2026",
                "date", LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")).toString())).json();
        assertThat(referred.get("referral").get("target").asString()).isEqualTo("SENTRA_GAKKUMDU");
        JsonNode closed = api.post(actions, Map.of("action", "CLOSE")).json();
        assertThat(closed.get("stage").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("history")).extracting(h -> h.get("action").asString())
                .containsSubsequence("OPEN", "BEGIN_REVIEW", "REQUEST_COMPLETION", "COMPLETED", "REGISTER",
                        "BEGIN_CLARIFICATION", "RECORD_CLARIFICATION", "BEGIN_ASSESSMENT", "TO_PLENARY", "DECIDE", "REFER", "CLOSE");

        JsonNode finalStatus = Http.api(port).get("/api/v1/track/" + trackingCode).json();
        assertThat(finalStatus.get("status").asString()).isEqualTo("CLOSED");
        assertThat(finalStatus.get("history")).extracting(h -> h.get("status").asString())
                .containsSubsequence("RECEIVED", "UNDER_REVIEW", "COMPLETION_REQUESTED", "UNDER_REVIEW", "REGISTERED",
                        "UNDER_INVESTIGATION", "DECIDED", "REFERRED", "CLOSED");
    }

    @Test
    void eachStepKeepsWhoWhenWhatAndWhyAndTheHistoryCannotBeRewritten() {
        JsonNode report = Reports.submit(port, Reports.identified(CaseFixtures.uniqueReport("35.09.06.2002")));
        var staff = new Accounts(Http.api(port)).create("history-staff", List.of("STAFF"), "35.09");
        Http api = Http.api(port).bearer(staff.token());
        String id = awaitCase(api, report.get("id").asString()).get("id").asString();
        api.post("/api/v1/cases/" + id + "/actions", Map.of("action", "BEGIN_REVIEW", "note", "Berkas lengkap diterima"));
        JsonNode declined = api.post("/api/v1/cases/" + id + "/actions", Map.of("action", "DECLINE",
                "reason", "Bukan pelanggaran pemilu", "note", "Dibahas dalam rapat")).json();

        JsonNode history = declined.get("history");
        assertThat(history).extracting(h -> h.get("action").asString()).containsExactly("OPEN", "BEGIN_REVIEW", "DECLINE");
        JsonNode decline = history.get(2);
        assertThat(decline.get("actor").asString()).isEqualTo(staff.username());
        assertThat(decline.get("at").asString()).endsWith("+07:00");
        assertThat(decline.get("fromStage").asString()).isEqualTo("PRELIMINARY_REVIEW");
        assertThat(decline.get("toStage").asString()).isEqualTo("NOT_REGISTERED");
        assertThat(decline.get("note").asString()).isEqualTo("Dibahas dalam rapat");
        assertThat(decline.get("details").get("reason").asString()).isEqualTo("Bukan pelanggaran pemilu");
        assertThat(history.get(1).get("note").asString()).isEqualTo("Berkas lengkap diterima");
        assertThat(history.get(0).get("actor").asString()).isEqualTo("system");

        UUID caseId = UUID.fromString(id);
        assertThatThrownBy(() -> jdbc.sql("update case_event set actor = 'someone else' where case_id = ?").param(caseId).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from case_event where case_id = ?").param(caseId).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(api.get("/api/v1/cases/" + id).json().get("history")).isEqualTo(history);
    }

    JsonNode awaitCase(Http api, String reportId) {
        events.await(ReportSubmitted.class, e -> e.reportId().equals(UUID.fromString(reportId)));
        return await().until(() -> api.get("/api/v1/cases?reportId=" + reportId).json().get("items"),
                items -> items.size() == 1).get(0);
    }
}
