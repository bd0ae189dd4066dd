package id.pantau.network;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Monitoring teams and their members over HTTP. */
@IntegrationTest
class TeamApiTest {

    /** Kabupaten Nunukan and Kabupaten Tana Tidung, Kalimantan Utara. */
    static final String NUNUKAN = "65.03";
    static final String TANA_TIDUNG = "65.04";
    static final String NUNUKAN_VILLAGE = "65.03.01.2001";

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

    private static Map<String, Object> member(long volunteerId, String role, String origin, String area, Integer tps) {
        Map<String, Object> body = new HashMap<>();
        body.put("volunteerId", volunteerId);
        body.put("role", role);
        body.put("origin", origin);
        body.put("areaCode", area);
        body.put("tps", tps);
        return body;
    }

    @Test
    void aCoordinatorFormsATeamAndAssignsMembersToAreasAndPollingStations() {
        Accounts.Created coordinator = accounts().create("koord", List.of("COORDINATOR"), NUNUKAN);
        Http api = Http.api(port).bearer(coordinator.token());
        String name = "Tim Pemantau Nunukan " + Accounts.uniqueName("t");

        Http.Response created = api.post("/api/v1/teams", Map.of("name", name, "regionCode", NUNUKAN));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long team = created.json().get("id").asLong();
        assertThat(created.header("Location")).endsWith("/api/v1/teams/" + team);
        assertThat(created.json().get("regionName").asString()).isEqualTo("Kabupaten Nunukan");
        assertThat(api.post("/api/v1/teams", Map.of("name", name, "regionCode", NUNUKAN)).status()).as("same name twice").isEqualTo(409);

        long lead = VolunteerFixtures.approved(port, coordinator.token(), "Sri Rahayu", NUNUKAN_VILLAGE).get("volunteer").get("id").asLong();
        long operator = VolunteerFixtures.approved(port, coordinator.token(), "Hendra Gunawan", NUNUKAN + ".02").get("volunteer").get("id").asLong();
        long pending = VolunteerFixtures.signUp(port, VolunteerFixtures.signup("Belum Disetujui", NUNUKAN + ".01")).get("id").asLong();
        String members = "/api/v1/teams/" + team + "/members";

        Http.Response coordinatorMember = api.post(members, member(lead, "COORDINATOR", "OPD", NUNUKAN_VILLAGE, 7));
        assertThat(coordinatorMember.status()).as(coordinatorMember.toString()).isEqualTo(201);
        assertThat(coordinatorMember.json().get("tps").asInt()).isEqualTo(7);
        assertThat(coordinatorMember.json().get("areaCode").asString()).isEqualTo(NUNUKAN_VILLAGE);
        assertThat(coordinatorMember.json().get("phone").asString()).contains("*");
        assertThat(api.post(members, member(operator, "COORDINATOR", "ACTIVIST", null, null)).status())
                .as("a second coordinator").isEqualTo(409);
        Http.Response operatorMember = api.post(members, member(operator, "operator", "activist", NUNUKAN + ".02", null));
        assertThat(operatorMember.status()).as(operatorMember.toString()).isEqualTo(201);
        assertThat(api.post(members, member(operator, "MEMBER", "COMMUNITY", null, null)).status()).as("twice").isEqualTo(409);

        Http.Response notApproved = api.post(members, member(pending, "MEMBER", "COMMUNITY", null, null));
        assertThat(notApproved.status()).isEqualTo(400);
        assertThat(fields(notApproved)).containsExactly("volunteerId");
        Http.Response wrong = api.post(members, member(operator, "BOSS", "ALIEN", TANA_TIDUNG + ".01", 3));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(fields(wrong)).containsExactlyInAnyOrder("role", "origin", "areaCode");
        Http.Response tpsWithoutVillage = api.post(members, member(operator, "MEMBER", "OPD", NUNUKAN + ".01", 3));
        assertThat(fields(tpsWithoutVillage)).containsExactly("tps");
        assertThat(fields(api.post(members, Map.of("role", "MEMBER", "origin", "OPD")))).containsExactly("volunteerId");
        Http.Response unknown = api.post(members, member(987654321, "MEMBER", "OPD", null, null));
        assertThat(unknown.status()).as("an unknown volunteer is a mistake in the body, not a missing team").isEqualTo(400);
        assertThat(fields(unknown)).containsExactly("volunteerId");
        assertThat(api.post("/api/v1/teams/987654321/members", member(lead, "MEMBER", "OPD", null, null)).status()).isEqualTo(404);

        JsonNode list = api.get(members).json();
        assertThat(list.get("total").asLong()).isEqualTo(2);
        assertThat(list.get("items").get(0).get("role").asString()).isEqualTo("COORDINATOR");
        assertThat(api.get(members + "?role=OPERATOR").json().get("items").get(0).get("volunteerId").asLong()).isEqualTo(operator);
        assertThat(api.get("/api/v1/teams/" + team).json().get("memberCount").asLong()).isEqualTo(2);

        // a member's assignment changes; the change is audited
        long operatorId = operatorMember.json().get("id").asLong();
        Http.Response moved = VolunteerFixtures.put(port, coordinator.token(), members + "/" + operatorId,
                member(operator, "MEMBER", "ACTIVIST", NUNUKAN_VILLAGE, 12));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(api.get(members + "/" + operatorId).json().get("tps").asInt()).isEqualTo(12);
        assertThat(VolunteerFixtures.put(port, coordinator.token(), members + "/" + operatorId,
                member(operator, "COORDINATOR", "ACTIVIST", null, null)).status()).as("coordinator taken").isEqualTo(409);
        assertThat(api.get(members + "/987654321").status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_event where subject = ? and action like 'TEAM_%'")
                .param("team:" + team).query(Long.class).single()).isEqualTo(4);

        // the export lists both, masked
        Http.Response csv = api.get("/api/v1/teams/" + team + "/members.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().lines()).hasSize(3).first().isEqualTo("name,phone,regionCode,role,origin,tps,volunteerId");
        assertThat(csv.body()).contains("Sri Rahayu,0813", NUNUKAN_VILLAGE + ",COORDINATOR,OPD,7," + lead)
                .doesNotContainPattern("0813\\d{8}");
    }

    @Test
    void teamsAreValidatedScopedAndFound() {
        Accounts.Created nunukan = accounts().create("koord", List.of("COORDINATOR"), NUNUKAN);
        Accounts.Created tanaTidung = accounts().create("koord", List.of("COORDINATOR"), TANA_TIDUNG);
        Accounts.Created analyst = accounts().create("analis", List.of("ANALYST"), NUNUKAN);
        String name = "Tim Sebatik " + Accounts.uniqueName("t");

        Http.Response invalid = Http.api(port).bearer(nunukan.token()).post("/api/v1/teams",
                Map.of("name", "T", "regionCode", "65.03.99", "formedByPartnerId", 987654321));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(fields(invalid)).containsExactlyInAnyOrder("name", "regionCode", "formedByPartnerId");
        assertThat(fields(Http.api(port).bearer(nunukan.token()).post("/api/v1/teams", Map.of()))).containsExactlyInAnyOrder("name", "regionCode");
        assertThat(Http.api(port).bearer(nunukan.token()).post("/api/v1/teams", Map.of("name", name, "regionCode", TANA_TIDUNG)).status())
                .isEqualTo(403);
        assertThat(Http.api(port).bearer(analyst.token()).post("/api/v1/teams", Map.of("name", name, "regionCode", NUNUKAN)).status())
                .as("analysts read only").isEqualTo(403);
        assertThat(Http.api(port).post("/api/v1/teams", Map.of("name", name, "regionCode", NUNUKAN)).status()).isEqualTo(401);

        long team = Http.api(port).bearer(nunukan.token()).post("/api/v1/teams", Map.of("name", name, "regionCode", NUNUKAN + ".01"))
                .json().get("id").asLong();
        assertThat(Http.api(port).bearer(analyst.token()).get("/api/v1/teams/" + team).status()).isEqualTo(200);
        assertThat(Http.api(port).bearer(tanaTidung.token()).get("/api/v1/teams/" + team).status()).isEqualTo(403);
        assertThat(Http.api(port).bearer(tanaTidung.token()).get("/api/v1/teams/" + team + "/members").status()).isEqualTo(403);
        assertThat(Http.api(port).get("/api/v1/teams/" + team).status()).isEqualTo(401);
        assertThat(Http.api(port).bearer(analyst.token()).get("/api/v1/teams/987654321").status()).isEqualTo(404);
        assertThat(Http.api(port).bearer(analyst.token()).get("/api/v1/teams/987654321/members").status()).isEqualTo(404);

        String q = "?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Http.api(port).bearer(analyst.token()).get("/api/v1/teams" + q).json().get("total").asLong()).isEqualTo(1);
        assertThat(Http.api(port).bearer(tanaTidung.token()).get("/api/v1/teams" + q).json().get("total").asLong()).isZero();
        assertThat(Http.api(port).bearer(analyst.token()).get("/api/v1/teams" + q + "&region=" + NUNUKAN + ".02").json()
                .get("total").asLong()).isZero();

        // the forming partner works above or within the team's region, not in another regency
        Http staffTanaTidung = Http.api(port).bearer(accounts().create("staf", List.of("STAFF"), TANA_TIDUNG).token());
        long neighbour = staffTanaTidung.post("/api/v1/partners", Map.of("name", Accounts.uniqueName("Kesbangpol Tana Tidung"),
                "type", "REGIONAL_AGENCY", "regionCode", TANA_TIDUNG)).json().get("id").asLong();
        Http staffProvince = Http.api(port).bearer(accounts().create("staf", List.of("STAFF"), "65").token());
        long provincial = staffProvince.post("/api/v1/partners", Map.of("name", Accounts.uniqueName("Universitas Borneo Tarakan"),
                "type", "UNIVERSITY", "regionCode", "65")).json().get("id").asLong();
        Http.Response unrelated = Http.api(port).bearer(nunukan.token()).post("/api/v1/teams",
                Map.of("name", name + " Lintas", "regionCode", NUNUKAN, "formedByPartnerId", neighbour));
        assertThat(unrelated.status()).isEqualTo(400);
        assertThat(unrelated.json().get("errors").get(0).get("code").asString()).isEqualTo("partner.elsewhere");
        assertThat(Http.api(port).bearer(nunukan.token()).post("/api/v1/teams",
                Map.of("name", name + " Kampus", "regionCode", NUNUKAN, "formedByPartnerId", provincial)).status()).isEqualTo(201);

        Http.Response renamed = VolunteerFixtures.put(port, nunukan.token(), "/api/v1/teams/" + team,
                Map.of("name", name + " Baru", "regionCode", NUNUKAN));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().get("name").asString()).isEqualTo(name + " Baru");
        assertThat(VolunteerFixtures.put(port, nunukan.token(), "/api/v1/teams/" + team, Map.of("name", name, "regionCode", TANA_TIDUNG))
                .status()).isEqualTo(403);
        assertThat(VolunteerFixtures.put(port, tanaTidung.token(), "/api/v1/teams/" + team, Map.of("name", name, "regionCode", TANA_TIDUNG))
                .status()).isEqualTo(403);
        assertThat(fields(VolunteerFixtures.put(port, nunukan.token(), "/api/v1/teams/" + team, Map.of("regionCode", NUNUKAN))))
                .containsExactly("name");
        assertThat(VolunteerFixtures.put(port, nunukan.token(), "/api/v1/teams/987654321", Map.of("name", name, "regionCode", NUNUKAN))
                .status()).isEqualTo(404);
    }
}
