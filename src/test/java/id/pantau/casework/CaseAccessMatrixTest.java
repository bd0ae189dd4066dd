package id.pantau.casework;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import id.pantau.support.TestDatabaseInitializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;

import static id.pantau.casework.CaseFixtures.act;
import static id.pantau.casework.CaseFixtures.actOk;
import static id.pantau.casework.CaseFixtures.assertInvalid;
import static id.pantau.casework.CaseFixtures.body;
import static id.pantau.casework.CaseFixtures.caseId;
import static id.pantau.casework.CaseFixtures.count;
import static id.pantau.casework.CaseFixtures.detail;
import static id.pantau.casework.CaseFixtures.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Who may see and act on a case of the Jember office (35.09), role by role and region by region,
 * and how a case moves between offices (pelimpahan). The rule: reading needs STAFF, ANALYST or
 * ADMIN, acting needs STAFF, and both need the case's office to lie in the account's home
 * region subtree (national accounts: everywhere, and alone on Bawaslu RI's cases).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseAccessMatrixTest {

    /** A village in the district 35.09.01: inside the district staff's region, but its office is the regency's. */
    static final String VILLAGE = "35.09.01.2005";
    /** The delegation tests' own village. */
    static final String DELEGATION_VILLAGE = "35.09.01.2006";

    enum Who {
        ADMIN_NATIONAL("ADMIN", ""),
        STAFF_NATIONAL("STAFF", ""),
        STAFF_PROVINCE("STAFF", "35"),
        STAFF_REGENCY("STAFF", "35.09"),
        STAFF_DISTRICT("STAFF", "35.09.01"),
        STAFF_OTHER_REGENCY("STAFF", "35.10"),
        STAFF_OTHER_PROVINCE("STAFF", "33"),
        ANALYST_REGENCY("ANALYST", "35.09"),
        COORDINATOR_REGENCY("COORDINATOR", "35.09"),
        VOLUNTEER_REGENCY("VOLUNTEER", "35.09"),
        ANONYMOUS(null, null);

        final String role;
        final String region;

        Who(String role, String region) {
            this.role = role;
            this.region = region;
        }
    }

    @Value("${local.server.port}")
    int port;

    private final Map<Who, Http> clients = new EnumMap<>(Who.class);
    private final Map<Who, String> usernames = new EnumMap<>(Who.class);
    /** One fresh case per row, so that each row's BEGIN_REVIEW starts from RECEIVED. */
    private final Map<Who, String> caseOfRow = new EnumMap<>(Who.class);
    private final Map<Who, String> reportOfRow = new EnumMap<>(Who.class);

    @BeforeAll
    void accountsAndCases() {
        var accounts = new Accounts(Http.api(port));
        for (Who who : Who.values()) {
            if (who == Who.ANONYMOUS) {
                clients.put(who, Http.api(port));
                continue;
            }
            if (who == Who.ADMIN_NATIONAL) {
                // the bootstrap administrator (national, ADMIN only): another enabled administrator in the shared
                // database would let AccountApiTest demote the bootstrap one, which it expects to be the last
                clients.put(who, Http.api(port).bearer(accounts.adminToken()));
                usernames.put(who, TestDatabaseInitializer.ADMIN_USERNAME);
                continue;
            }
            var account = accounts.create("matrix-" + who.name().toLowerCase().replace('_', '-'), List.of(who.role), who.region);
            clients.put(who, Http.api(port).bearer(account.token()));
            usernames.put(who, account.username());
        }
        JsonNode admin = as(Who.ADMIN_NATIONAL).get("/api/v1/me").json();
        assertThat(CaseFixtures.strings(admin.get("roles"))).containsExactly("ADMIN");
        assertThat(admin.get("regionCode").isNull()).isTrue();
        Map<Who, JsonNode> reports = new EnumMap<>(Who.class);
        for (Who who : Who.values()) {
            reports.put(who, CaseFixtures.identified(port, VILLAGE));
        }
        reports.forEach((who, report) -> {
            reportOfRow.put(who, report.get("id").asString());
            caseOfRow.put(who, caseId(regency(), report));
        });
    }

    Http as(Who who) {
        return clients.get(who);
    }

    Http regency() {
        return as(Who.STAFF_REGENCY);
    }

    /** Per account: the queue's answer and whether it lists the case, GET's answer, BEGIN_REVIEW's answer. */
    Stream<Arguments> matrix() {
        return Stream.of(
                arguments(Who.ADMIN_NATIONAL, 200, true, 200, 403),
                arguments(Who.STAFF_NATIONAL, 200, true, 200, 200),
                arguments(Who.STAFF_PROVINCE, 200, true, 200, 200),
                arguments(Who.STAFF_REGENCY, 200, true, 200, 200),
                // the case's region lies in the district, but its office (35.09) does not: out of scope
                arguments(Who.STAFF_DISTRICT, 200, false, 403, 403),
                arguments(Who.STAFF_OTHER_REGENCY, 200, false, 403, 403),
                arguments(Who.STAFF_OTHER_PROVINCE, 200, false, 403, 403),
                arguments(Who.ANALYST_REGENCY, 200, true, 200, 403),
                arguments(Who.COORDINATOR_REGENCY, 403, false, 403, 403),
                arguments(Who.VOLUNTEER_REGENCY, 403, false, 403, 403),
                arguments(Who.ANONYMOUS, 401, false, 401, 401));
    }

    @ParameterizedTest(name = "{0}: queue {1} listed={2}, GET {3}, BEGIN_REVIEW {4}")
    @MethodSource("matrix")
    void accessToACaseOfTheJemberOffice(Who who, int queueStatus, boolean listed, int getStatus, int actStatus) {
        String caseId = caseOfRow.get(who);
        String reportId = reportOfRow.get(who);

        Http.Response queue = as(who).get("/api/v1/cases?reportId=" + reportId);
        assertThat(queue.status()).as(queue.toString()).isEqualTo(queueStatus);
        if (queueStatus == 200) {
            assertThat(ids(queue.json().get("items"))).isEqualTo(listed ? List.of(caseId) : List.of());
            assertThat(queue.json().get("total").asLong()).isEqualTo(listed ? 1 : 0);
        } else {
            assertThat(queue.contentType()).startsWith("application/problem+json");
        }

        Http.Response get = as(who).get("/api/v1/cases/" + caseId);
        assertThat(get.status()).as(get.toString()).isEqualTo(getStatus);
        if (getStatus == 200) {
            assertThat(get.json().get("id").asString()).isEqualTo(caseId);
            assertThat(get.json().get("office").get("code").asString()).isEqualTo("35.09");
            assertThat(get.json().get("regionCode").asString()).isEqualTo(VILLAGE);
        } else {
            assertThat(get.contentType()).startsWith("application/problem+json");
            assertThat(get.body()).doesNotContain(reportId).doesNotContain(VILLAGE);
        }

        Http.Response begin = act(as(who), caseId, Map.of("action", "BEGIN_REVIEW"));
        assertThat(begin.status()).as(begin.toString()).isEqualTo(actStatus);
        JsonNode after = detail(regency(), caseId);
        if (actStatus == 200) {
            assertThat(begin.json().get("stage").asString()).isEqualTo("PRELIMINARY_REVIEW");
            assertThat(after.get("stage").asString()).isEqualTo("PRELIMINARY_REVIEW");
            assertThat(CaseFixtures.lastStep(after).get("actor").asString()).isEqualTo(usernames.get(who));
        } else {
            assertThat(after.get("stage").asString()).isEqualTo("RECEIVED");
            assertThat(count(after, "BEGIN_REVIEW")).isZero();
        }
    }

    // ---- pelimpahan: a case handed from one office to another

    @Test
    void regencyStaffHandTheirCaseUpToTheProvince() {
        String id = caseId(regency(), CaseFixtures.identified(port, DELEGATION_VILLAGE));
        actOk(regency(), id, "action", "BEGIN_REVIEW");

        Http.Response delegated = act(regency(), id, Map.of("action", "DELEGATE", "toRegionCode", "35"));

        // the regency hands the case over: it succeeds, although the regency may no longer read the case afterwards
        assertThat(delegated.status()).as(delegated.toString()).isBetween(200, 299);
        JsonNode atProvince = detail(as(Who.STAFF_PROVINCE), id);
        assertThat(atProvince.get("office").get("code").asString()).isEqualTo("35");
        assertThat(atProvince.get("stage").asString()).isEqualTo("PRELIMINARY_REVIEW");
        assertThat(regency().get("/api/v1/cases/" + id).status()).isEqualTo(403);
        String reportId = atProvince.get("reports").get(0).get("id").asString();
        assertThat(ids(regency().get("/api/v1/cases?reportId=" + reportId).json().get("items"))).isEmpty();
        assertThat(ids(as(Who.STAFF_PROVINCE).get("/api/v1/cases?reportId=" + reportId).json().get("items"))).containsExactly(id);
        assertThat(CaseFixtures.lastStep(atProvince).get("details").get("fromOffice").asString()).isEqualTo("35.09");
        assertThat(CaseFixtures.lastStep(atProvince).get("details").get("toOffice").asString()).isEqualTo("35");
    }

    @Test
    void theProvinceTakesACaseOverAndHandsItBackDownAndNationalStaffTakeItOver() {
        JsonNode report = CaseFixtures.identified(port, DELEGATION_VILLAGE);
        String reportId = report.get("id").asString();
        String id = caseId(regency(), report);
        Http province = as(Who.STAFF_PROVINCE);
        Http national = as(Who.STAFF_NATIONAL);
        actOk(regency(), id, "action", "BEGIN_REVIEW");

        JsonNode up = actOk(province, id, "action", "DELEGATE", "toRegionCode", "35", "note", "Ditangani provinsi");
        assertThat(up.get("office").get("code").asString()).isEqualTo("35");
        assertThat(up.get("stage").asString()).isEqualTo("PRELIMINARY_REVIEW");
        assertThat(regency().get("/api/v1/cases/" + id).status()).isEqualTo(403);
        assertThat(act(regency(), id, Map.of("action", "DECLINE", "reason", "x")).status()).isEqualTo(403);
        assertThat(ids(regency().get("/api/v1/cases?reportId=" + reportId).json().get("items"))).isEmpty();
        assertThat(ids(province.get("/api/v1/cases?reportId=" + reportId).json().get("items"))).containsExactly(id);
        assertThat(ids(province.get("/api/v1/cases?office=35&region=" + DELEGATION_VILLAGE).json().get("items"))).contains(id);

        JsonNode down = actOk(province, id, "action", "DELEGATE", "toRegionCode", "35.09");
        assertThat(down.get("office").get("code").asString()).isEqualTo("35.09");
        assertThat(ids(regency().get("/api/v1/cases?reportId=" + reportId).json().get("items"))).containsExactly(id);
        JsonNode history = detail(regency(), id).get("history");
        assertThat(history).filteredOn(step -> step.get("action").asString().equals("DELEGATE"))
                .extracting(step -> step.get("details").get("fromOffice").asString() + ">"
                        + step.get("details").get("toOffice").asString())
                .containsExactly("35.09>35", "35>35.09");
        assertThat(history).filteredOn(step -> step.get("action").asString().equals("DELEGATE"))
                .allSatisfy(step -> {
                    assertThat(step.get("fromStage").asString()).isEqualTo("PRELIMINARY_REVIEW");
                    assertThat(step.get("toStage").asString()).isEqualTo("PRELIMINARY_REVIEW");
                });
        assertThat(CaseFixtures.actions(detail(regency(), id))).containsSubsequence("OPEN", "BEGIN_REVIEW", "DELEGATE", "DELEGATE");

        JsonNode taken = actOk(national, id, "action", "DELEGATE", "toRegionCode", "RI");
        assertThat(taken.get("office").get("code").asString()).isEqualTo("RI");
        assertThat(taken.get("office").get("name").asString()).isEqualTo("Bawaslu RI");
        assertThat(CaseFixtures.lastStep(taken).get("details").get("fromOffice").asString()).isEqualTo("35.09");
        assertThat(CaseFixtures.lastStep(taken).get("details").get("toOffice").asString()).isEqualTo("RI");
        for (Who outside : List.of(Who.STAFF_REGENCY, Who.STAFF_PROVINCE, Who.ANALYST_REGENCY, Who.STAFF_DISTRICT)) {
            assertThat(as(outside).get("/api/v1/cases/" + id).status()).as(outside.name()).isEqualTo(403);
            assertThat(ids(as(outside).get("/api/v1/cases?reportId=" + reportId).json().get("items"))).as(outside.name()).isEmpty();
        }
        assertThat(act(province, id, Map.of("action", "DELEGATE", "toRegionCode", "35")).status()).isEqualTo(403);
        assertThat(detail(as(Who.ADMIN_NATIONAL), id).get("office").get("code").asString()).isEqualTo("RI");
        assertThat(ids(national.get("/api/v1/cases?office=RI&reportId=" + reportId).json().get("items"))).containsExactly(id);
        assertThat(ids(national.get("/api/v1/cases?office=35.09&reportId=" + reportId).json().get("items"))).isEmpty();
        assertThat(act(national, id, Map.of("action", "DELEGATE", "toRegionCode", "RI")).status()).isEqualTo(409);
    }

    @Test
    void aCaseHandedDownToTheDistrictOfficeIsTheDistrictStaffsToActOn() {
        String id = caseId(regency(), CaseFixtures.identified(port, DELEGATION_VILLAGE));
        Http district = as(Who.STAFF_DISTRICT);
        assertThat(district.get("/api/v1/cases/" + id).status()).isEqualTo(403);

        JsonNode down = actOk(regency(), id, "action", "DELEGATE", "toRegionCode", "35.09.01");

        assertThat(down.get("office").get("code").asString()).isEqualTo("35.09.01");
        JsonNode begun = actOk(district, id, "action", "BEGIN_REVIEW");
        assertThat(begun.get("stage").asString()).isEqualTo("PRELIMINARY_REVIEW");
        // the regency office's subtree still contains the district office
        assertThat(detail(regency(), id).get("stage").asString()).isEqualTo("PRELIMINARY_REVIEW");
        assertThat(as(Who.STAFF_OTHER_REGENCY).get("/api/v1/cases/" + id).status()).isEqualTo(403);
        JsonNode registered = actOk(district, id, "action", "REGISTER", "checklist", CaseFixtures.FULL_CHECKLIST);
        assertThat(registered.get("registerNumber").asString()).matches("\\d{3}/Reg/LP/PL/Kec/35\\.09\\.01/[IVX]+/\\d{4}");
    }

    @Test
    void delegationTargetsAreChecked() {
        String id = caseId(regency(), CaseFixtures.identified(port, DELEGATION_VILLAGE));
        int before = detail(regency(), id).get("history").size();

        assertInvalid(act(regency(), id, Map.of("action", "DELEGATE", "toRegionCode", "35.10")), "toRegionCode");
        assertInvalid(act(regency(), id, Map.of("action", "DELEGATE", "toRegionCode", "33")), "toRegionCode");
        assertInvalid(act(regency(), id, Map.of("action", "DELEGATE", "toRegionCode", DELEGATION_VILLAGE)), "toRegionCode");
        assertInvalid(act(regency(), id, Map.of("action", "DELEGATE", "toRegionCode", "35-09")), "toRegionCode");
        assertInvalid(act(regency(), id, Map.of("action", "DELEGATE", "toRegionCode", "35.98")), "toRegionCode");
        assertInvalid(act(regency(), id, Map.of("action", "DELEGATE")), "toRegionCode");
        assertInvalid(act(regency(), id, Map.of("action", "DELEGATE", "toRegionCode", " ")), "toRegionCode");
        Http.Response same = act(regency(), id, Map.of("action", "DELEGATE", "toRegionCode", "35.09"));
        assertThat(same.status()).as(same.toString()).isEqualTo(409);
        assertThat(same.contentType()).startsWith("application/problem+json");

        JsonNode unchanged = detail(regency(), id);
        assertThat(unchanged.get("office").get("code").asString()).isEqualTo("35.09");
        assertThat(unchanged.get("history").size()).isEqualTo(before);
        assertThat(count(unchanged, "DELEGATE")).isZero();
    }

    @Test
    void aFinishedCaseIsNotHandedOver() {
        String id = caseId(regency(), CaseFixtures.identified(port, DELEGATION_VILLAGE));
        actOk(regency(), id, "action", "BEGIN_REVIEW");
        actOk(regency(), id, "action", "DECLINE", "reason", "Bukan pelanggaran pemilu");

        Http.Response refused = act(regency(), id, body("action", "DELEGATE", "toRegionCode", "35"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("stage").asString()).isEqualTo("NOT_REGISTERED");
        assertThat(CaseFixtures.strings(refused.json().get("allowedActions"))).containsExactly("CLOSE");
    }
}
