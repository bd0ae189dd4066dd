package id.pantau.network;

import java.util.List;
import java.util.Map;

import id.pantau.report.Reports;
import id.pantau.support.Accounts;
import id.pantau.support.Clients;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Volunteers over HTTP: the public sign-up, approval into a VOLUNTEER account that can report, scoping. */
@IntegrationTest
class VolunteerApiTest {

    /** Kabupaten Bulungan and Kabupaten Malinau, Kalimantan Utara. */
    static final String BULUNGAN = "65.01";
    static final String MALINAU = "65.02";

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    private Accounts accounts() {
        return new Accounts(Http.api(port));
    }

    private static List<String> fields(Http.Response response) {
        return VolunteerFixtures.fields(response);
    }

    @Test
    void aSignUpWithoutConsentIsRefusedNamingConsent() {
        Map<String, Object> body = VolunteerFixtures.signup("Rina Wulandari", BULUNGAN + ".01");
        body.put("consent", false);

        Http.Response refused = Clients.fresh(port).post("/api/v1/volunteers/signup", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(fields(refused)).containsExactly("consent");
        body.remove("consent");
        assertThat(fields(Clients.fresh(port).post("/api/v1/volunteers/signup", body))).containsExactly("consent");
        assertThat(jdbc.sql("select count(*) from volunteer where name = 'Rina Wulandari'").query(Long.class).single()).isZero();
    }

    @Test
    void aSignUpNamesEveryWrongField() {
        Http.Response refused = Clients.fresh(port).post("/api/v1/volunteers/signup", Map.of(
                "name", "X", "phone", "12345", "regionCode", "65", "consent", true, "affiliationPartnerId", 987654321));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused)).containsExactlyInAnyOrder("name", "phone", "regionCode", "affiliationPartnerId");
        assertThat(fields(Clients.fresh(port).post("/api/v1/volunteers/signup", Map.of("regionCode", "99.99", "consent", true))))
                .containsExactlyInAnyOrder("name", "phone", "regionCode");
        // a partner of another regency is not one a volunteer of Bulungan can join
        long malinauPartner = Http.api(port).bearer(accounts().create("staf", List.of("STAFF"), MALINAU).token())
                .post("/api/v1/partners", Map.of("name", Accounts.uniqueName("Karang Taruna Malinau"), "type", "COMMUNITY",
                        "regionCode", MALINAU)).json().get("id").asLong();
        Map<String, Object> elsewhere = VolunteerFixtures.signup("Lukas Bilung", BULUNGAN + ".01");
        elsewhere.put("affiliationPartnerId", malinauPartner);
        Http.Response unrelated = Clients.fresh(port).post("/api/v1/volunteers/signup", elsewhere);
        assertThat(fields(unrelated)).containsExactly("affiliationPartnerId");
        assertThat(unrelated.json().get("errors").get(0).get("code").asString()).isEqualTo("partner.elsewhere");
    }

    @Test
    void aSignUpIsPendingWithTheNumberSealedAndMasked() {
        Map<String, Object> body = VolunteerFixtures.signup("Agus Salim " + Accounts.uniqueName("v"), BULUNGAN + ".01");
        body.put("phone", "+62 812-3456-7890");

        JsonNode receipt = VolunteerFixtures.signUp(port, body);

        assertThat(receipt.get("status").asString()).isEqualTo("PENDING");
        assertThat(receipt.get("phone").asString()).isEqualTo("0812*****890");
        long id = receipt.get("id").asLong();
        byte[] sealed = jdbc.sql("select phone from volunteer where id = ?").param(id).query(byte[].class).single();
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("81234567890");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'VOLUNTEER_SIGNED_UP' and subject = ?")
                .param("volunteer:" + id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void approvalMakesAVolunteerAccountWhoseReportsAreAttributedToIt() {
        Accounts.Created coordinator = accounts().create("koord", List.of("COORDINATOR"), BULUNGAN);
        String name = "Dewi Kartika " + Accounts.uniqueName("v");
        long id = VolunteerFixtures.signUp(port, VolunteerFixtures.signup(name, BULUNGAN + ".01.1001")).get("id").asLong();

        Http.Response approval = Http.api(port).bearer(coordinator.token()).post("/api/v1/volunteers/" + id + "/approve", "");

        assertThat(approval.status()).as(approval.toString()).isEqualTo(200);
        assertThat(approval.header("Cache-Control")).contains("no-store");
        JsonNode account = approval.json().get("account");
        assertThat(approval.json().get("volunteer").get("status").asString()).isEqualTo("APPROVED");
        assertThat(approval.json().get("volunteer").get("accountId").asLong()).isEqualTo(account.get("accountId").asLong());
        assertThat(account.get("username").asString()).isEqualTo("relawan-" + id);
        String password = account.get("initialPassword").asString();
        assertThat(password).hasSize(16);
        assertThat(jdbc.sql("select roles::text || ' ' || region_code || ' ' || (password_hash <> ?) from account where id = ?")
                .params(password, account.get("accountId").asLong()).query(String.class).single())
                .isEqualTo("{VOLUNTEER} 65.01.01.1001 true");

        // the volunteer signs in and reports; the report carries the volunteer's account
        String token = accounts().token(account.get("username").asString(), password);
        Http.Response report = Http.api(port).bearer(token).post("/api/v1/reports",
                Reports.with(Reports.moneyPoliticsInJember(), "regionCode", BULUNGAN + ".01.1001"));
        assertThat(report.status()).as(report.toString()).isEqualTo(201);
        String reportId = report.json().get("id").asString();
        Http.Response seen = Http.api(port).bearer(accounts().adminToken()).get("/api/v1/reports/" + reportId);
        assertThat(seen.json().get("submittedBy").asLong()).isEqualTo(account.get("accountId").asLong());
        assertThat(seen.json().get("affiliation").get("volunteerId").asLong()).as("the report carries the volunteer").isEqualTo(id);
        assertThat(seen.json().get("affiliation").get("partner").isNull()).isTrue();
        assertThat(seen.json().get("affiliation").get("teams")).isEmpty();
        assertThat(jdbc.sql("""
                        select v.id from report r join volunteer v on v.account_id = r.submitted_by where r.id = ?::uuid""")
                .param(reportId).query(Long.class).single()).isEqualTo(id);

        // approved once: a second approval is a conflict and makes no second account
        assertThat(Http.api(port).bearer(coordinator.token()).post("/api/v1/volunteers/" + id + "/approve", "").status())
                .isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from account where display_name = ?").param(name)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'VOLUNTEER_APPROVED' and subject = ?")
                .param("volunteer:" + id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void coordinatorsActOnlyInTheirRegionAndAnonymousCallersAreTurnedAway() {
        Accounts.Created malinau = accounts().create("koord", List.of("COORDINATOR"), MALINAU);
        Accounts.Created analyst = accounts().create("analis", List.of("ANALYST"), BULUNGAN);
        Accounts.Created volunteerAccount = accounts().create("relawan", List.of("VOLUNTEER"), BULUNGAN);
        String name = "Yohanes Lake " + Accounts.uniqueName("v");
        long id = VolunteerFixtures.signUp(port, VolunteerFixtures.signup(name, BULUNGAN + ".02")).get("id").asLong();

        assertThat(Http.api(port).bearer(malinau.token()).post("/api/v1/volunteers/" + id + "/approve", "").status()).isEqualTo(403);
        assertThat(Http.api(port).bearer(malinau.token()).get("/api/v1/volunteers/" + id).status()).isEqualTo(403);
        assertThat(Http.api(port).bearer(analyst.token()).post("/api/v1/volunteers/" + id + "/approve", "").status()).isEqualTo(403);
        assertThat(Http.api(port).bearer(volunteerAccount.token()).get("/api/v1/volunteers/" + id).status()).isEqualTo(403);
        assertThat(Http.api(port).get("/api/v1/volunteers/" + id).status()).isEqualTo(401);
        assertThat(Http.api(port).get("/api/v1/volunteers").status()).isEqualTo(401);
        assertThat(Http.api(port).post("/api/v1/volunteers/" + id + "/approve", "").status()).isEqualTo(401);
        assertThat(Http.api(port).bearer(analyst.token()).get("/api/v1/volunteers/987654321").status()).isEqualTo(404);
        assertThat(Http.api(port).bearer(analyst.token()).post("/api/v1/volunteers/987654321/approve", "").status()).isEqualTo(403);
        Accounts.Created staff = accounts().create("staf", List.of("STAFF"), BULUNGAN);
        assertThat(Http.api(port).bearer(staff.token()).post("/api/v1/volunteers/987654321/approve", "").status()).isEqualTo(404);

        // lists: the analyst of Bulungan sees the sign-up, the coordinator of Malinau does not
        String q = "?status=PENDING&q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8);
        JsonNode mine = Http.api(port).bearer(analyst.token()).get("/api/v1/volunteers" + q).json();
        assertThat(mine.get("total").asLong()).isEqualTo(1);
        assertThat(mine.get("items").get(0).get("id").asLong()).isEqualTo(id);
        assertThat(mine.get("items").get(0).get("phone").asString()).matches("0813\\*+\\d{3}");
        assertThat(Http.api(port).bearer(malinau.token()).get("/api/v1/volunteers" + q).json().get("total").asLong()).isZero();
        assertThat(Http.api(port).bearer(analyst.token()).get("/api/v1/volunteers?status=MAYBE").status()).isEqualTo(400);
        assertThat(Http.api(port).bearer(analyst.token()).get("/api/v1/volunteers?size=0").status()).isEqualTo(400);
    }

    @Test
    void aCoordinatorCorrectsAVolunteerWithinTheRegionAndEveryChangeIsAudited() {
        Accounts.Created coordinator = accounts().create("koord", List.of("COORDINATOR"), BULUNGAN);
        String name = "Markus Tan " + Accounts.uniqueName("v");
        long id = VolunteerFixtures.signUp(port, VolunteerFixtures.signup(name, BULUNGAN + ".02")).get("id").asLong();
        String token = coordinator.token();

        Http.Response invalid = VolunteerFixtures.put(port, token, "/api/v1/volunteers/" + id, Map.of("name", "", "regionCode", "65.01.99", "phone", "abc"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(fields(invalid)).containsExactlyInAnyOrder("name", "regionCode", "phone");

        Http.Response moved = VolunteerFixtures.put(port, token, "/api/v1/volunteers/" + id, Map.of("name", name, "regionCode", MALINAU));
        assertThat(moved.status()).as("moving out of the coordinator's region").isEqualTo(403);

        Http.Response updated = VolunteerFixtures.put(port, token, "/api/v1/volunteers/" + id, Map.of("name", name + " Jr", "regionCode", BULUNGAN + ".03",
                "phone", "085299998888"));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("name").asString()).isEqualTo(name + " Jr");
        assertThat(updated.json().get("regionCode").asString()).isEqualTo(BULUNGAN + ".03");
        assertThat(updated.json().get("phone").asString()).isEqualTo("0852*****888");
        assertThat(VolunteerFixtures.put(port, token, "/api/v1/volunteers/987654321", Map.of("name", name, "regionCode", BULUNGAN)).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'VOLUNTEER_UPDATED' and subject = ?")
                .param("volunteer:" + id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theFullNumberIsReadOnlyByTheRegionsManagersAndEveryReadIsAudited() {
        Accounts.Created coordinator = accounts().create("koord", List.of("COORDINATOR"), BULUNGAN);
        Accounts.Created analyst = accounts().create("analis", List.of("ANALYST"), BULUNGAN);
        Accounts.Created malinau = accounts().create("koord", List.of("COORDINATOR"), MALINAU);
        Map<String, Object> signup = VolunteerFixtures.signup("Paulus Ngau " + Accounts.uniqueName("v"), BULUNGAN + ".01");
        long id = VolunteerFixtures.signUp(port, signup).get("id").asLong();
        String contact = "/api/v1/volunteers/" + id + "/contact";

        Http.Response read = Http.api(port).bearer(coordinator.token()).get(contact);

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.header("Cache-Control")).contains("no-store");
        assertThat(read.json().get("phone").asString()).isEqualTo(signup.get("phone"));
        assertThat(jdbc.sql("select actor || ' ' || (details ->> 'what') from audit_event where action = 'PERSONAL_DATA_READ' and subject = ?")
                .param("volunteer:" + id).query(String.class).list()).containsExactly(coordinator.username() + " phone");
        assertThat(Http.api(port).bearer(analyst.token()).get(contact).status()).as("analysts see masked numbers only").isEqualTo(403);
        assertThat(Http.api(port).bearer(malinau.token()).get(contact).status()).isEqualTo(403);
        assertThat(Http.api(port).get(contact).status()).isEqualTo(401);
        assertThat(Http.api(port).bearer(coordinator.token()).get("/api/v1/volunteers/987654321/contact").status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'PERSONAL_DATA_READ' and subject = ?")
                .param("volunteer:" + id).query(Long.class).single()).as("refused reads are not reads").isEqualTo(1);
        // the masked views never carry the number
        assertThat(Http.api(port).bearer(analyst.token()).get("/api/v1/volunteers/" + id).body())
                .doesNotContain(((String) signup.get("phone")).substring(4));
    }

    @Test
    void aCoordinatorRejectsASignUpOnceAndARejectedVolunteerJoinsNothing() {
        Accounts.Created coordinator = accounts().create("koord", List.of("COORDINATOR"), BULUNGAN);
        Accounts.Created analyst = accounts().create("analis", List.of("ANALYST"), BULUNGAN);
        Accounts.Created malinau = accounts().create("koord", List.of("COORDINATOR"), MALINAU);
        long id = VolunteerFixtures.signUp(port, VolunteerFixtures.signup("Bukan Warga " + Accounts.uniqueName("v"), BULUNGAN))
                .get("id").asLong();
        String reject = "/api/v1/volunteers/" + id + "/reject";

        assertThat(Http.api(port).post(reject, "").status()).isEqualTo(401);
        assertThat(Http.api(port).bearer(analyst.token()).post(reject, "").status()).isEqualTo(403);
        assertThat(Http.api(port).bearer(malinau.token()).post(reject, "").status()).isEqualTo(403);
        assertThat(Http.api(port).bearer(coordinator.token()).post("/api/v1/volunteers/987654321/reject", "").status()).isEqualTo(404);
        Http.Response rejected = Http.api(port).bearer(coordinator.token()).post(reject, "");

        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("decidedBy").asString()).isEqualTo(coordinator.username());
        assertThat(rejected.json().get("accountId").isNull()).as("no account for a rejected sign-up").isTrue();
        assertThat(Http.api(port).bearer(coordinator.token()).post(reject, "").status()).isEqualTo(409);
        assertThat(Http.api(port).bearer(coordinator.token()).post("/api/v1/volunteers/" + id + "/approve", "").status())
                .isEqualTo(409);
        long team = Http.api(port).bearer(coordinator.token()).post("/api/v1/teams", Map.of("name", Accounts.uniqueName("Tim Tanjung Selor"),
                "regionCode", BULUNGAN)).json().get("id").asLong();
        Http.Response member = Http.api(port).bearer(coordinator.token()).post("/api/v1/teams/" + team + "/members",
                Map.of("volunteerId", id, "role", "MEMBER", "origin", "COMMUNITY"));
        assertThat(member.status()).isEqualTo(400);
        assertThat(member.json().get("errors").get(0).get("code").asString()).isEqualTo("volunteer.notApproved");
        assertThat(Http.api(port).bearer(analyst.token()).get("/api/v1/volunteers?status=REJECTED&q=Bukan+Warga").json()
                .get("items")).extracting(v -> v.get("id").asLong()).contains(id);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'VOLUNTEER_REJECTED' and subject = ?")
                .param("volunteer:" + id).query(Long.class).single()).isEqualTo(1);
    }
}
