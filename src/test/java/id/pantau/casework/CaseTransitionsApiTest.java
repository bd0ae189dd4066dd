package id.pantau.casework;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;

import static id.pantau.casework.CaseFixtures.FULL_CHECKLIST;
import static id.pantau.casework.CaseFixtures.act;
import static id.pantau.casework.CaseFixtures.body;
import static id.pantau.casework.CaseFixtures.caseId;
import static id.pantau.casework.CaseFixtures.lastStep;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every transition people may take, over HTTP, each from a case of its own brought to the stage
 * it starts from: the stage it leads to, the history entry that records it and what the reporter
 * then reads on the tracking page. (The clock's own transition, a completion window that passes,
 * is the deadline job's test; every refused transition is {@link CaseActionsApiTest}'s.) The cases
 * lie in Pasangkayu (76.01, WITA), which no other test reports in; a province supervisor acts,
 * so that a hand-over to the province stays in reach.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseTransitionsApiTest {

    static final String VILLAGE = "76.01.01.2003";
    static final ZoneId WITA = ZoneId.of("Asia/Makassar");

    @Value("${local.server.port}")
    int port;

    Accounts.Created staffAccount;
    Http staff;

    @BeforeAll
    void account() {
        staffAccount = new Accounts(Http.api(port)).create("transitions-staff", List.of("STAFF"), "76");
        staff = Http.api(port).bearer(staffAccount.token());
    }

    /** The steps that bring a new case to a stage. */
    static List<String> pathTo(String stage) {
        return switch (stage) {
            case "RECEIVED" -> List.of();
            case "PRELIMINARY_REVIEW" -> List.of("BEGIN_REVIEW");
            case "AWAITING_COMPLETION" -> List.of("BEGIN_REVIEW", "REQUEST_COMPLETION");
            case "NOT_REGISTERED" -> List.of("BEGIN_REVIEW", "DECLINE");
            case "REGISTERED" -> List.of("BEGIN_REVIEW", "REGISTER");
            case "CLARIFICATION" -> List.of("BEGIN_REVIEW", "REGISTER", "BEGIN_CLARIFICATION");
            case "REVIEW" -> List.of("BEGIN_REVIEW", "REGISTER", "BEGIN_CLARIFICATION", "BEGIN_ASSESSMENT");
            case "PLENARY" -> List.of("BEGIN_REVIEW", "REGISTER", "BEGIN_CLARIFICATION", "BEGIN_ASSESSMENT", "TO_PLENARY");
            case "DECIDED" -> List.of("BEGIN_REVIEW", "REGISTER", "BEGIN_CLARIFICATION", "BEGIN_ASSESSMENT", "TO_PLENARY",
                    "DECIDE");
            case "REFERRED" -> List.of("BEGIN_REVIEW", "REGISTER", "BEGIN_CLARIFICATION", "BEGIN_ASSESSMENT", "TO_PLENARY",
                    "DECIDE", "REFER");
            default -> throw new IllegalArgumentException(stage);
        };
    }

    /** A valid body of each action. */
    static Map<String, Object> valid(String action) {
        return switch (action) {
            case "REQUEST_COMPLETION" -> body("action", action, "missing", List.of("EVIDENCE"));
            case "REGISTER" -> body("action", action, "checklist", FULL_CHECKLIST);
            case "DECLINE" -> body("action", action, "reason", "Tidak memenuhi syarat materiil");
            case "RECORD_CLARIFICATION" -> body("action", action, "heard", List.of("Pelapor"),
                    "heardAt", OffsetDateTime.now(WITA).minusHours(1).toString());
            case "EXTEND" -> body("action", action, "reason", "Perlu keterangan tambahan");
            case "DECIDE" -> body("action", action, "outcome", "ADMINISTRATIVE");
            case "REFER" -> body("action", action, "letterNumber", "020/PP.01/K.SR-01/2026",
                    "date", LocalDate.now(WITA).toString());
            case "DELEGATE" -> body("action", action, "toRegionCode", "76");
            default -> body("action", action);
        };
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}, tracked as {3}")
    @CsvSource({
            "RECEIVED, BEGIN_REVIEW, PRELIMINARY_REVIEW, UNDER_REVIEW",
            "RECEIVED, DELEGATE, RECEIVED, RECEIVED",
            "PRELIMINARY_REVIEW, REQUEST_COMPLETION, AWAITING_COMPLETION, COMPLETION_REQUESTED",
            "PRELIMINARY_REVIEW, REGISTER, REGISTERED, REGISTERED",
            "PRELIMINARY_REVIEW, DECLINE, NOT_REGISTERED, NOT_REGISTERED",
            "PRELIMINARY_REVIEW, DELEGATE, PRELIMINARY_REVIEW, UNDER_REVIEW",
            "AWAITING_COMPLETION, COMPLETED, PRELIMINARY_REVIEW, UNDER_REVIEW",
            "AWAITING_COMPLETION, DECLINE, NOT_REGISTERED, NOT_REGISTERED",
            "AWAITING_COMPLETION, DELEGATE, AWAITING_COMPLETION, COMPLETION_REQUESTED",
            "NOT_REGISTERED, CLOSE, CLOSED, CLOSED",
            "REGISTERED, BEGIN_CLARIFICATION, CLARIFICATION, UNDER_INVESTIGATION",
            "REGISTERED, EXTEND, REGISTERED, REGISTERED",
            "REGISTERED, DELEGATE, REGISTERED, REGISTERED",
            "CLARIFICATION, RECORD_CLARIFICATION, CLARIFICATION, UNDER_INVESTIGATION",
            "CLARIFICATION, BEGIN_ASSESSMENT, REVIEW, UNDER_INVESTIGATION",
            "CLARIFICATION, EXTEND, CLARIFICATION, UNDER_INVESTIGATION",
            "CLARIFICATION, DELEGATE, CLARIFICATION, UNDER_INVESTIGATION",
            "REVIEW, TO_PLENARY, PLENARY, UNDER_INVESTIGATION",
            "REVIEW, EXTEND, REVIEW, UNDER_INVESTIGATION",
            "REVIEW, DELEGATE, REVIEW, UNDER_INVESTIGATION",
            "PLENARY, DECIDE, DECIDED, DECIDED",
            "PLENARY, EXTEND, PLENARY, UNDER_INVESTIGATION",
            "PLENARY, DELEGATE, PLENARY, UNDER_INVESTIGATION",
            "DECIDED, REFER, REFERRED, REFERRED",
            "DECIDED, CLOSE, CLOSED, CLOSED",
            "DECIDED, DELEGATE, DECIDED, DECIDED",
            "REFERRED, CLOSE, CLOSED, CLOSED"})
    void everyTransitionPeopleMayTake(String from, String action, String to, String tracked) {
        JsonNode report = CaseFixtures.identified(port, VILLAGE);
        String id = caseId(staff, report);
        for (String step : pathTo(from)) {
            Http.Response response = act(staff, id, valid(step));
            assertThat(response.status()).as(step + ": " + response).isEqualTo(200);
        }
        JsonNode before = CaseFixtures.detail(staff, id);
        assertThat(before.get("stage").asString()).isEqualTo(from);
        assertThat(CaseFixtures.strings(before.get("allowedActions"))).contains(action);

        Http.Response response = act(staff, id, valid(action));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode after = response.json();
        assertThat(after.get("stage").asString()).isEqualTo(to);
        JsonNode step = lastStep(after);
        assertThat(step.get("action").asString()).isEqualTo(action);
        assertThat(step.get("fromStage").asString()).isEqualTo(from);
        assertThat(step.get("toStage").asString()).isEqualTo(to);
        assertThat(step.get("actor").asString()).isEqualTo(staffAccount.username());
        assertThat(after.get("history").size()).isEqualTo(before.get("history").size() + 1);
        assertThat(after.get("office").get("code").asString()).isEqualTo(action.equals("DELEGATE") ? "76" : "76.01");
        assertThat(CaseFixtures.track(port, report.get("trackingCode").asString()).get("status").asString()).isEqualTo(tracked);
    }
}
