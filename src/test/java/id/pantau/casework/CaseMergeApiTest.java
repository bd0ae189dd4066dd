package id.pantau.casework;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import id.pantau.report.IncidentChanged;
import id.pantau.report.Reports;
import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import id.pantau.support.PublishedEvents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;

import static id.pantau.casework.CaseFixtures.act;
import static id.pantau.casework.CaseFixtures.actOk;
import static id.pantau.casework.CaseFixtures.caseId;
import static id.pantau.casework.CaseFixtures.count;
import static id.pantau.casework.CaseFixtures.detail;
import static id.pantau.casework.CaseFixtures.ids;
import static id.pantau.casework.CaseFixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cases follow incidents: reports that staff confirm as one incident are handled in one case,
 * a report split out of it gets a case of its own again. Every test has a village of its own in
 * Banyuwangi (35.10), which no other test class reports in.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseMergeApiTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    PublishedEvents events;
    @Autowired
    JdbcClient jdbc;

    Http staff;
    Http province;

    @BeforeAll
    void accounts() {
        var accounts = new Accounts(Http.api(port));
        staff = Http.api(port).bearer(accounts.create("merge-case-staff", List.of("STAFF"), "35.10").token());
        province = Http.api(port).bearer(accounts.create("merge-case-province", List.of("STAFF"), "35").token());
    }

    /** A report near-identical to the others of the same {@code incident} text: duplicate detection links them. */
    JsonNode witness(String village, String incident, String variant) {
        return Reports.submit(port, Reports.with(Reports.moneyPoliticsInJember(), "regionCode", village,
                "title", "Pembagian amplop " + incident,
                "description", "Tim sukses " + incident + " membagikan amplop berisi uang lima puluh ribu kepada warga "
                        + "di depan balai desa" + variant));
    }

    UUID suggestedIncident(JsonNode... reports) {
        List<UUID> ids = java.util.Arrays.stream(reports).map(r -> UUID.fromString(r.get("id").asString())).toList();
        IncidentChanged suggested = events.await(IncidentChanged.class,
                e -> e.change().equals("SUGGESTED") && e.reportIds().containsAll(ids));
        return suggested.incidentId();
    }

    JsonNode awaitStage(String caseId, String stage) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> detail(staff, caseId), c -> c.get("stage").asString().equals(stage));
    }

    static String id(JsonNode report) {
        return report.get("id").asString();
    }

    @Test
    void confirmingAnIncidentMergesItsCasesIntoTheOneFurthestAlong() {
        String village = "35.10.01.2001";
        String incidentText = UUID.randomUUID().toString().substring(0, 8);
        JsonNode first = witness(village, incidentText, ".");
        JsonNode second = witness(village, incidentText, " pagi ini.");
        UUID incident = suggestedIncident(first, second);
        String firstCase = caseId(staff, first);
        String secondCase = caseId(staff, second);
        assertThat(firstCase).isNotEqualTo(secondCase);
        // a suggestion alone merges nothing
        assertThat(ids(staff.get("/api/v1/cases?region=" + village).json().get("items")))
                .containsExactlyInAnyOrder(firstCase, secondCase);
        actOk(staff, secondCase, "action", "BEGIN_REVIEW");

        Http.Response confirmed = staff.post("/api/v1/incidents/" + incident + "/confirm", Map.of());
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);

        JsonNode merged = awaitStage(firstCase, "MERGED");
        assertThat(merged.get("mergedInto").asString()).isEqualTo(secondCase);
        assertThat(merged.get("reports")).isEmpty();
        assertThat(merged.get("deadlines")).isEmpty();
        assertThat(merged.get("allowedActions")).isEmpty();
        JsonNode mergeInto = CaseFixtures.lastStep(merged);
        assertThat(mergeInto.get("action").asString()).isEqualTo("MERGE_INTO");
        assertThat(mergeInto.get("actor").asString()).isEqualTo("system");
        assertThat(mergeInto.get("toStage").asString()).isEqualTo("MERGED");
        assertThat(mergeInto.get("details").get("caseId").asString()).isEqualTo(secondCase);

        JsonNode survivor = detail(staff, secondCase);
        assertThat(survivor.get("stage").asString()).isEqualTo("PRELIMINARY_REVIEW");
        assertThat(survivor.get("incidentId").asString()).isEqualTo(incident.toString());
        assertThat(survivor.get("reports")).extracting(r -> r.get("id").asString())
                .containsExactlyInAnyOrder(id(first), id(second));
        assertThat(survivor.get("history")).filteredOn(s -> s.get("action").asString().equals("MERGE"))
                .singleElement().satisfies(s -> assertThat(s.get("details").get("caseId").asString()).isEqualTo(firstCase));
        JsonNode queue = staff.get("/api/v1/cases?region=" + village).json();
        assertThat(ids(queue.get("items"))).containsExactly(secondCase);
        assertThat(queue.get("items").get(0).get("reportCount").asInt()).isEqualTo(2);
        assertThat(strings(queue.get("items").get(0).get("trackingCodes")))
                .containsExactly(first.get("trackingCode").asString(), second.get("trackingCode").asString());
        assertThat(ids(staff.get("/api/v1/cases?reportId=" + id(first)).json().get("items"))).containsExactly(secondCase);
        assertThat(ids(staff.get("/api/v1/cases?stage=MERGED&region=" + village).json().get("items"))).containsExactly(firstCase);

        Http.Response onMerged = act(staff, firstCase, Map.of("action", "BEGIN_REVIEW"));
        assertThat(onMerged.status()).isEqualTo(409);
        assertThat(onMerged.json().get("stage").asString()).isEqualTo("MERGED");
        assertThat(onMerged.json().get("allowedActions")).isEmpty();
        // the merged report now speaks through the surviving case
        assertThat(CaseFixtures.track(port, first.get("trackingCode").asString()).get("status").asString())
                .isEqualTo("UNDER_REVIEW");
        actOk(staff, secondCase, "action", "REGISTER", "checklist", CaseFixtures.FULL_CHECKLIST);
        assertThat(CaseFixtures.track(port, first.get("trackingCode").asString()).get("status").asString())
                .isEqualTo("REGISTERED");
        assertThat(CaseFixtures.track(port, second.get("trackingCode").asString()).get("status").asString())
                .isEqualTo("REGISTERED");
        // the merged case left the statistics' rollup without stage (pending or folded)
        assertThat(CaseRollupChecks.totalsUnlikeTheCases(jdbc)).isZero();
    }

    @Test
    void aReportSplitOutOfTheIncidentGetsItsOwnCaseAgain() {
        String village = "35.10.01.2002";
        String incidentText = UUID.randomUUID().toString().substring(0, 8);
        JsonNode first = witness(village, incidentText, ".");
        JsonNode second = witness(village, incidentText, " sore tadi.");
        UUID incident = suggestedIncident(first, second);
        String firstCase = caseId(staff, first);
        String secondCase = caseId(staff, second);
        staff.post("/api/v1/incidents/" + incident + "/confirm", Map.of());
        // both just received: the one received first survives
        awaitStage(secondCase, "MERGED");
        assertThat(ids(staff.get("/api/v1/cases?reportId=" + id(second)).json().get("items"))).containsExactly(firstCase);

        Http.Response split = staff.post("/api/v1/incidents/" + incident + "/split", Map.of("reportIds", List.of(id(second))));
        assertThat(split.status()).as(split.toString()).isEqualTo(204);

        JsonNode own = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> staff.get("/api/v1/cases?reportId=" + id(second)).json().get("items"),
                        items -> items.size() == 1 && !items.get(0).get("id").asString().equals(firstCase)).get(0);
        String ownCase = own.get("id").asString();
        assertThat(ownCase).isNotEqualTo(secondCase);
        assertThat(own.get("stage").asString()).isEqualTo("RECEIVED");
        assertThat(own.get("reportCount").asInt()).isEqualTo(1);
        JsonNode kept = detail(staff, firstCase);
        assertThat(kept.get("reports")).extracting(r -> r.get("id").asString()).containsExactly(id(first));
        assertThat(kept.get("incidentId").isNull()).isTrue();
        assertThat(CaseFixtures.actions(kept)).containsSubsequence("MERGE", "SPLIT_OUT", "INCIDENT_DISSOLVED");
        assertThat(kept.get("history")).filteredOn(s -> s.get("action").asString().equals("SPLIT_OUT")).singleElement()
                .satisfies(s -> assertThat(s.get("details").get("caseId").asString()).isEqualTo(ownCase));
        assertThat(CaseFixtures.actions(detail(staff, ownCase))).containsExactly("OPEN");
        assertThat(detail(staff, secondCase).get("stage").asString()).isEqualTo("MERGED");
        assertThat(ids(staff.get("/api/v1/cases?region=" + village).json().get("items")))
                .containsExactlyInAnyOrder(firstCase, ownCase);
    }

    @Test
    void aFurtherWitnessJoinsTheMergedCaseAndCanBeSplitOutAgain() {
        String village = "35.10.01.2004";
        String incidentText = UUID.randomUUID().toString().substring(0, 8);
        JsonNode first = witness(village, incidentText, ".");
        JsonNode second = witness(village, incidentText, " kemarin.");
        UUID incident = suggestedIncident(first, second);
        String firstCase = caseId(staff, first);
        caseId(staff, second);
        staff.post("/api/v1/incidents/" + incident + "/confirm", Map.of());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> detail(staff, firstCase).get("reports").size() == 2);

        JsonNode third = witness(village, incidentText, " malam.");

        JsonNode joined = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> staff.get("/api/v1/cases?reportId=" + id(third)).json().get("items"), items -> items.size() == 1)
                .get(0);
        assertThat(joined.get("id").asString()).isEqualTo(firstCase);
        assertThat(joined.get("reportCount").asInt()).isEqualTo(3);
        assertThat(detail(staff, firstCase).get("history")).filteredOn(s -> s.get("action").asString().equals("JOIN"))
                .singleElement().satisfies(s -> assertThat(s.get("details").get("reportId").asString()).isEqualTo(id(third)));
        assertThat(ids(staff.get("/api/v1/cases?region=" + village).json().get("items"))).containsExactly(firstCase);

        Http.Response split = staff.post("/api/v1/incidents/" + incident + "/split", Map.of("reportIds", List.of(id(third))));
        assertThat(split.status()).as(split.toString()).isEqualTo(200);

        String ownCase = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> ids(staff.get("/api/v1/cases?reportId=" + id(third)).json().get("items")),
                        items -> items.size() == 1 && !items.getFirst().equals(firstCase)).getFirst();
        JsonNode kept = detail(staff, firstCase);
        assertThat(kept.get("reports")).extracting(r -> r.get("id").asString())
                .containsExactlyInAnyOrder(id(first), id(second));
        assertThat(kept.get("incidentId").asString()).isEqualTo(incident.toString());
        assertThat(count(kept, "SPLIT_OUT")).isEqualTo(1);
        assertThat(count(kept, "INCIDENT_DISSOLVED")).isZero();
        assertThat(ids(staff.get("/api/v1/cases?region=" + village).json().get("items")))
                .containsExactlyInAnyOrder(firstCase, ownCase);
    }

    @Test
    void anIncidentAcrossTwoRegenciesIsHandledByTheProvinceOffice() {
        String village = "35.10.01.2009";
        String elsewhere = "35.11.05.2002";
        String incidentText = UUID.randomUUID().toString().substring(0, 8);
        JsonNode first = witness(village, incidentText, ".");
        JsonNode second = witness(village, incidentText, " tadi siang.");
        JsonNode across = witness(elsewhere, incidentText, " di kecamatan sebelah.");
        UUID incident = suggestedIncident(first, second);
        String firstCase = caseId(staff, first);
        caseId(staff, second);
        String acrossCase = caseId(province, across);

        Http.Response merged = province.post("/api/v1/incidents/" + incident + "/merge",
                Map.of("reportIds", List.of(id(across))));
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);

        JsonNode survivor = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> detail(province, firstCase), c -> c.get("reports").size() == 3);
        assertThat(survivor.get("regionCode").asString()).isEqualTo("35");
        assertThat(survivor.get("office").get("code").asString()).isEqualTo("35");
        assertThat(CaseFixtures.actions(survivor)).contains("REGION");
        assertThat(detail(province, acrossCase).get("stage").asString()).isEqualTo("MERGED");
        assertThat(staff.get("/api/v1/cases/" + firstCase).status()).isEqualTo(403);
        assertThat(ids(staff.get("/api/v1/cases?region=" + village).json().get("items"))).isEmpty();
        assertThat(ids(province.get("/api/v1/cases?reportId=" + id(across)).json().get("items"))).containsExactly(firstCase);
    }
}
