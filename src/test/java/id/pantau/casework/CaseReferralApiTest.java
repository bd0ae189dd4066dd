package id.pantau.casework;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import id.pantau.report.Reports;
import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;

import static id.pantau.casework.CaseFixtures.FULL_CHECKLIST;
import static id.pantau.casework.CaseFixtures.act;
import static id.pantau.casework.CaseFixtures.actOk;
import static id.pantau.casework.CaseFixtures.assertInvalid;
import static id.pantau.casework.CaseFixtures.body;
import static id.pantau.casework.CaseFixtures.caseId;
import static id.pantau.casework.CaseFixtures.detail;
import static id.pantau.casework.CaseFixtures.lastStep;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plenary's outcome and where the case goes next (UU 7/2017 Pasal 455; PRODUCT.md §4):
 * administrative violations to the KPU, election crimes to Sentra Gakkumdu within 1×24 hours
 * (Pasal 476 ayat (1)), ethics of KPU and Bawaslu members to the DKPP, ethics of ad-hoc
 * supervisors to the regency Bawaslu, ASN neutrality to the BKN, other laws to the competent
 * agency. The subject is what the plenary names, or else what the report's subcategory says.
 * The cases lie in Banggai (72.01, WITA), which no other test reports in.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseReferralApiTest {

    static final String VILLAGE = "72.01.01.1006";
    static final ZoneId WITA = ZoneId.of("Asia/Makassar");

    @Value("${local.server.port}")
    int port;

    Http staff;

    @BeforeAll
    void account() {
        staff = Http.api(port).bearer(new Accounts(Http.api(port)).create("referral-staff", List.of("STAFF"), "72.01").token());
    }

    /** A case of the report, taken through registration, clarification and review to the plenary. */
    String atPlenary(Map<String, Object> report) {
        String id = caseId(staff, Reports.submit(port, Reports.identified(report)));
        CaseFixtures.register(staff, id, FULL_CHECKLIST);
        actOk(staff, id, "action", "BEGIN_CLARIFICATION");
        actOk(staff, id, "action", "BEGIN_ASSESSMENT");
        actOk(staff, id, "action", "TO_PLENARY");
        return id;
    }

    Map<String, Object> moneyPolitics() {
        return CaseFixtures.uniqueReport(VILLAGE);
    }

    Map<String, Object> neutrality(String subcategory) {
        return Reports.with(CaseFixtures.uniqueReport(VILLAGE), "category", "NEUTRALITY", "subcategory", subcategory,
                "act", "ACT_PHOTO");
    }

    @ParameterizedTest(name = "{0} about {1} / subject {2}: default {3}")
    @CsvSource(nullValues = "-", value = {
            "ADMINISTRATIVE,  MONEY_CASH,         -,                    OTHER,                KPU",
            "CRIMINAL,        MONEY_CASH,         -,                    OTHER,                SENTRA_GAKKUMDU",
            "ETHICS,          MONEY_CASH,         ELECTION_BODY_MEMBER, ELECTION_BODY_MEMBER, DKPP",
            "ETHICS,          MONEY_CASH,         ADHOC_SUPERVISOR,     ADHOC_SUPERVISOR,     BAWASLU_REGENCY",
            "OTHER_LAW,       NEUTRALITY_ASN,     -,                    ASN,                  BKN",
            "OTHER_LAW,       NEUTRALITY_VILLAGE, -,                    VILLAGE_HEAD,         OTHER_AGENCY",
            "OTHER_LAW,       NEUTRALITY_TNI,     -,                    TNI,                  OTHER_AGENCY",
            // the plenary knows better than the report's form: an ASN reported as a village official
            "OTHER_LAW,       NEUTRALITY_VILLAGE, ASN,                  ASN,                  BKN"})
    void theDecisionProposesTheDefaultTargetAndAReferralWithoutOneUsesIt(String outcome, String subcategory,
                                                                         String subject, String expectedSubject,
                                                                         String target) {
        String id = atPlenary(subcategory.startsWith("NEUTRALITY") ? neutrality(subcategory) : moneyPolitics());

        JsonNode decided = actOk(staff, id, "action", "DECIDE", "outcome", outcome, "subject", subject);

        assertThat(decided.get("stage").asString()).isEqualTo("DECIDED");
        assertThat(decided.get("outcome").asString()).isEqualTo(outcome);
        assertThat(decided.get("subject").asString()).isEqualTo(expectedSubject);
        assertThat(decided.get("defaultReferralTarget").asString()).isEqualTo(target);
        assertThat(lastStep(decided).get("details").get("defaultTarget").asString()).isEqualTo(target);
        String today = LocalDate.now(WITA).toString();
        JsonNode referred = actOk(staff, id, "action", "REFER", "letterNumber", "010/PP.01/K.ST-01/2026", "date", today);
        assertThat(referred.get("stage").asString()).isEqualTo("REFERRED");
        assertThat(referred.get("referral").get("target").asString()).isEqualTo(target);
        assertThat(referred.get("referral").get("letterNumber").asString()).isEqualTo("010/PP.01/K.ST-01/2026");
        assertThat(referred.get("referral").get("date").asString()).isEqualTo(today);
        assertThat(lastStep(referred).get("details").get("target").asString()).isEqualTo(target);
    }

    @Test
    void staffMayReferElsewhereThanTheDefault() {
        String id = atPlenary(neutrality("NEUTRALITY_POLRI"));
        JsonNode decided = actOk(staff, id, "action", "DECIDE", "outcome", "OTHER_LAW");
        assertThat(decided.get("subject").asString()).isEqualTo("POLRI");
        assertThat(decided.get("defaultReferralTarget").asString()).isEqualTo("OTHER_AGENCY");

        JsonNode referred = actOk(staff, id, "action", "REFER", "target", "SENTRA_GAKKUMDU",
                "letterNumber", "011/PP.01/2026", "date", LocalDate.now(WITA).toString());

        assertThat(referred.get("referral").get("target").asString()).isEqualTo("SENTRA_GAKKUMDU");
    }

    @Test
    void aCriminalDecisionRunsTheOneDayClockToTheMinuteInTheOfficesTime() {
        String id = atPlenary(moneyPolitics());

        JsonNode decided = actOk(staff, id, "action", "DECIDE", "outcome", "CRIMINAL");

        OffsetDateTime decidedAt = OffsetDateTime.parse(lastStep(decided).get("at").asString());
        assertThat(decidedAt.getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
        JsonNode clock = null;
        for (JsonNode d : decided.get("deadlines")) {
            if (d.get("current").asBoolean()) {
                clock = d;
            }
        }
        assertThat(clock).isNotNull();
        assertThat(clock.get("name").asString()).isEqualTo("CRIMINAL_REFERRAL");
        assertThat(clock.get("basis").asString()).contains("Pasal 476", "1x24 jam");
        OffsetDateTime due = OffsetDateTime.parse(clock.get("dueAt").asString());
        assertThat(due.getOffset()).isEqualTo(decidedAt.getOffset());
        assertThat(Duration.between(decidedAt, due)).isEqualTo(Duration.ofHours(24));
        JsonNode item = staff.get("/api/v1/cases?reportId=" + decided.get("reports").get(0).get("id").asString())
                .json().get("items").get(0);
        assertThat(item.get("deadline").asString()).isEqualTo("CRIMINAL_REFERRAL");
        assertThat(OffsetDateTime.parse(item.get("dueAt").asString())).isEqualTo(due);
        assertThat(item.get("urgency").asString()).isIn("DUE_SOON", "DUE_TODAY");

        JsonNode referred = actOk(staff, id, "action", "REFER", "letterNumber", "012/PP.01/2026",
                "date", LocalDate.now(WITA).toString());

        assertThat(lastStep(referred).get("details").get("withinDeadline").asBoolean()).isTrue();
        assertThat(referred.get("deadlines")).noneSatisfy(d -> assertThat(d.get("current").asBoolean()).isTrue());
        assertThat(referred.get("urgency").asString()).isEqualTo("NONE");
    }

    @Test
    void unknownOutcomesSubjectsAndTargetsAre400NamingTheField() {
        String id = atPlenary(moneyPolitics());

        assertInvalid(act(staff, id, body("action", "DECIDE", "outcome", "CRIMINAL", "subject", "CANDIDATE")), "subject");
        assertInvalid(act(staff, id, body("action", "DECIDE", "outcome", "PIDANA")), "outcome");
        assertThat(detail(staff, id).get("stage").asString()).isEqualTo("PLENARY");
        actOk(staff, id, "action", "DECIDE", "outcome", "ADMINISTRATIVE");
        assertInvalid(act(staff, id, body("action", "REFER", "target", "POLICE", "letterNumber", "1/2026",
                "date", LocalDate.now(WITA).toString())), "target");
        assertThat(detail(staff, id).get("stage").asString()).isEqualTo("DECIDED");
    }
}
