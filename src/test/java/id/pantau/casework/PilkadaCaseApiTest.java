package id.pantau.casework;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import id.pantau.election.WorkingDayCalendar;
import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;

import static id.pantau.casework.CaseFixtures.FULL_CHECKLIST;
import static id.pantau.casework.CaseFixtures.actOk;
import static id.pantau.casework.CaseFixtures.caseId;
import static id.pantau.casework.CaseFixtures.detail;
import static id.pantau.casework.CaseFixtures.ids;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report of a Pilkada is handled under the Pilkada rules (UU 1/2015 as amended, Pasal 134;
 * Perbawaslu 8/2020 jo. 9/2024): deadlines in calendar days, weekends and holidays included, a
 * decision within 3 days of registration plus 2 when more information is needed, and the
 * Pilkada code in the register number. The Pilkada is that of Konawe Selatan (74.05, WITA),
 * which no other test reports in.
 */
@IntegrationTest
class PilkadaCaseApiTest {

    static final String VILLAGE = "74.05.01.2003";
    static final ZoneId WITA = ZoneId.of("Asia/Makassar");

    @Value("${local.server.port}")
    int port;

    @Test
    void aPilkadaCaseCountsCalendarDaysAndIsRegisteredUnderThePilkadaCode() {
        Http admin = Http.api(port).bearer(new Accounts(Http.api(port)).adminToken());
        Http.Response created = admin.post("/api/v1/elections", Map.of(
                "name", "Pilkada Konawe Selatan " + UUID.randomUUID().toString().substring(0, 4), "type", "PILKADA",
                "votingDay", LocalDate.now(WITA).plusMonths(2).toString(), "regionCode", "74.05"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long election = created.json().get("id").asLong();
        Http staff = Http.api(port).bearer(new Accounts(Http.api(port)).create("pilkada-staff", List.of("STAFF"), "74.05").token());

        String id = caseId(staff, CaseFixtures.identified(port, VILLAGE));

        JsonNode received = detail(staff, id);
        assertThat(received.get("ruleSet").asString()).isEqualTo("PILKADA");
        assertThat(received.get("electionId").asLong()).isEqualTo(election);
        LocalDate receivedOn = OffsetDateTime.parse(received.get("receivedAt").asString()).toLocalDate();
        JsonNode review = CaseActionsApiTest.deadline(received, "PRELIMINARY_REVIEW");
        assertThat(OffsetDateTime.parse(review.get("dueAt").asString())).isEqualTo(endOfDay(receivedOn.plusDays(2)));
        assertThat(review.get("basis").asString()).contains("Perbawaslu 8/2020");
        assertThat(ids(staff.get("/api/v1/cases?election=" + election).json().get("items"))).containsExactly(id);
        assertThat(staff.get("/api/v1/cases?election=" + (election + 1000)).json().get("total").asLong()).isZero();

        JsonNode registered = CaseFixtures.register(staff, id, FULL_CHECKLIST);

        String number = registered.get("registerNumber").asString();
        OffsetDateTime registeredAt = OffsetDateTime.parse(registered.get("registeredAt").asString());
        assertThat(registeredAt.getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
        LocalDate registeredOn = registeredAt.toLocalDate();
        assertThat(number).isEqualTo("001/Reg/LP/PB/Kab/74.05/%s/%d".formatted(
                RegisterNumberConcurrencyTest.ROMAN[registeredOn.getMonthValue() - 1], registeredOn.getYear()));
        JsonNode decision = CaseActionsApiTest.deadline(registered, "DECISION");
        assertThat(decision.get("current").asBoolean()).isTrue();
        assertThat(OffsetDateTime.parse(decision.get("dueAt").asString())).isEqualTo(endOfDay(registeredOn.plusDays(3)));
        assertThat(decision.get("basis").asString()).contains("UU 1/2015", "Pasal 134");

        JsonNode extended = actOk(staff, id, "action", "EXTEND", "reason", "Keterangan tambahan dari pelapor");

        assertThat(OffsetDateTime.parse(CaseActionsApiTest.deadline(extended, "DECISION").get("dueAt").asString()))
                .isEqualTo(endOfDay(registeredOn.plusDays(5)));
    }

    static OffsetDateTime endOfDay(LocalDate day) {
        return ZonedDateTime.of(day, WorkingDayCalendar.END_OF_DAY, WITA).toOffsetDateTime();
    }
}
