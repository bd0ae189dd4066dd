package id.pantau.network;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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

/** Cadre cohorts: sessions, attendance, completion and the public certificate check. */
@IntegrationTest
class CohortApiTest {

    /** Kabupaten Kotawaringin Timur and Kabupaten Kapuas, Kalimantan Tengah. */
    static final String KOTIM = "62.02";
    static final String KAPUAS = "62.03";

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    private Accounts accounts() {
        return new Accounts(Http.api(port));
    }

    @Test
    void aCadreCompletesACohortAndAnyoneCanVerifyTheCertificate() {
        Accounts.Created staff = accounts().create("staf", List.of("STAFF"), KOTIM);
        Http api = Http.api(port).bearer(staff.token());
        String name = "Angkatan I " + Accounts.uniqueName("c");

        Http.Response created = api.post("/api/v1/cohorts", Map.of("name", name, "programme", "SKPP 2021",
                "regionCode", KOTIM, "startsOn", "2021-08-02"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long cohort = created.json().get("id").asLong();
        assertThat(api.post("/api/v1/cohorts", Map.of("name", name, "programme", "SKPP 2021", "regionCode", KOTIM,
                "startsOn", "2021-08-02")).status()).isEqualTo(409);

        long siti = VolunteerFixtures.approved(port, staff.token(), "Siti Nurhaliza", KOTIM + ".01").get("volunteer").get("id").asLong();
        long rudi = VolunteerFixtures.approved(port, staff.token(), "Rudi Hartono", KOTIM + ".02").get("volunteer").get("id").asLong();
        String base = "/api/v1/cohorts/" + cohort;
        assertThat(api.post(base + "/members", Map.of("volunteerId", siti)).status()).isEqualTo(201);
        assertThat(api.post(base + "/members", Map.of("volunteerId", rudi)).status()).isEqualTo(201);
        assertThat(api.post(base + "/members", Map.of("volunteerId", rudi)).status()).as("twice").isEqualTo(409);
        long session1 = api.post(base + "/sessions", Map.of("title", "Pengantar pengawasan partisipatif", "heldOn", "2021-08-02"))
                .json().get("id").asLong();
        long session2 = api.post(base + "/sessions", Map.of("title", "Netralitas ASN", "heldOn", "2021-08-09")).json().get("id").asLong();
        Http.Response early = api.post(base + "/sessions", Map.of("title", "Sebelum mulai", "heldOn", "2021-07-01"));
        assertThat(VolunteerFixtures.fields(early)).containsExactly("heldOn");
        assertThat(api.post(base + "/sessions/" + session1 + "/attendance", Map.of("volunteerIds", List.of(siti, rudi))).status())
                .isEqualTo(200);
        assertThat(api.post(base + "/sessions/" + session2 + "/attendance", Map.of("volunteerIds", List.of(siti))).status())
                .isEqualTo(200);
        Http.Response stranger = api.post(base + "/sessions/" + session2 + "/attendance", Map.of("volunteerIds", List.of(987654321)));
        assertThat(VolunteerFixtures.fields(stranger)).containsExactly("volunteerIds[0]");
        assertThat(api.post(base + "/sessions/987654321/attendance", Map.of("volunteerIds", List.of(siti))).status()).isEqualTo(404);

        Http.Response future = api.post(base + "/members/" + siti + "/completion", Map.of("completedOn", LocalDate.now().plusDays(30).toString()));
        assertThat(VolunteerFixtures.fields(future)).containsExactly("completedOn");
        Http.Response completed = api.post(base + "/members/" + siti + "/completion", Map.of("completedOn", "2021-09-01"));
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        String code = completed.json().get("certificateCode").asString();
        assertThat(code).matches("SERT-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]");
        assertThat(api.post(base + "/members/" + siti + "/completion", Map.of("completedOn", "2021-09-02")).status())
                .as("completed once").isEqualTo(409);
        assertThat(api.post(base + "/members/987654321/completion", Map.of("completedOn", "2021-09-02")).status()).isEqualTo(404);

        JsonNode view = api.get(base).json();
        assertThat(view.get("sessions")).extracting(s -> s.get("attendance").asInt()).containsExactly(2, 1);
        assertThat(view.get("members")).extracting(m -> m.get("name").asString() + " " + m.get("sessionsAttended").asInt()
                        + " " + (m.get("certificateCode").isNull() ? "" : m.get("certificateCode").asString()))
                .containsExactly("Rudi Hartono 1 ", "Siti Nurhaliza 2 " + code);

        // anyone verifies: the holder's masked name, the cohort, the programme and the date
        Http.Response verified = Clients.fresh(port).get("/api/v1/certificates/" + code.toLowerCase());
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().get("holder").asString()).isEqualTo("S*** N***");
        assertThat(verified.json().get("cohort").asString()).isEqualTo(name);
        assertThat(verified.json().get("programme").asString()).isEqualTo("SKPP 2021");
        assertThat(verified.json().get("completedOn").asString()).isEqualTo("2021-09-01");
        assertThat(verified.body()).doesNotContain("Siti", "Nurhaliza", "0813");
        // a typo (one symbol changed) and an unknown but well-formed code are both 404
        char last = code.charAt(code.length() - 1);
        String typo = code.substring(0, code.length() - 1) + (last == '2' ? '3' : '2');
        assertThat(Clients.fresh(port).get("/api/v1/certificates/" + typo).status()).isEqualTo(404);
        assertThat(Clients.fresh(port).get("/api/v1/certificates/SERT-2222-2222-2222-2").status()).isEqualTo(404);
        assertThat(Clients.fresh(port).get("/sertifikat?kode=" + code).body()).contains("S*** N***", name);
        assertThat(jdbc.sql("select count(*) from audit_event where subject = ? and action like 'COHORT_%'")
                .param("cohort:" + cohort).query(Long.class).single()).isEqualTo(8);
    }

    @Test
    void cohortsAreValidatedScopedAndFound() {
        Accounts.Created kotim = accounts().create("koord", List.of("COORDINATOR"), KOTIM);
        Accounts.Created kapuas = accounts().create("koord", List.of("COORDINATOR"), KAPUAS);
        Accounts.Created analyst = accounts().create("analis", List.of("ANALYST"), KOTIM);
        String name = "Angkatan II " + Accounts.uniqueName("c");

        Http.Response invalid = Http.api(port).bearer(kotim.token()).post("/api/v1/cohorts", Map.of("name", "", "regionCode", "6"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(VolunteerFixtures.fields(invalid)).containsExactlyInAnyOrder("name", "programme", "regionCode", "startsOn");
        Map<String, Object> body = Map.of("name", name, "programme", "SKPP 2022", "regionCode", KOTIM, "startsOn", "2022-03-01");
        assertThat(Http.api(port).bearer(kapuas.token()).post("/api/v1/cohorts", body).status()).isEqualTo(403);
        assertThat(Http.api(port).bearer(analyst.token()).post("/api/v1/cohorts", body).status()).isEqualTo(403);
        assertThat(Http.api(port).post("/api/v1/cohorts", body).status()).isEqualTo(401);
        long cohort = Http.api(port).bearer(kotim.token()).post("/api/v1/cohorts", body).json().get("id").asLong();

        assertThat(Http.api(port).bearer(analyst.token()).get("/api/v1/cohorts/" + cohort).status()).isEqualTo(200);
        assertThat(Http.api(port).bearer(kapuas.token()).get("/api/v1/cohorts/" + cohort).status()).isEqualTo(403);
        assertThat(Http.api(port).get("/api/v1/cohorts/" + cohort).status()).isEqualTo(401);
        assertThat(Http.api(port).bearer(analyst.token()).get("/api/v1/cohorts/987654321").status()).isEqualTo(404);
        String q = "?programme=SKPP%202022&q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Http.api(port).bearer(analyst.token()).get("/api/v1/cohorts" + q).json().get("total").asLong()).isEqualTo(1);
        assertThat(Http.api(port).bearer(kapuas.token()).get("/api/v1/cohorts" + q).json().get("total").asLong()).isZero();

        Http.Response renamed = VolunteerFixtures.put(port, kotim.token(), "/api/v1/cohorts/" + cohort,
                Map.of("name", name + " B", "programme", "SKPP 2022", "regionCode", KOTIM, "startsOn", "2022-03-02"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().get("startsOn").asString()).isEqualTo("2022-03-02");
        assertThat(VolunteerFixtures.put(port, kapuas.token(), "/api/v1/cohorts/" + cohort, body).status()).isEqualTo(403);
        assertThat(VolunteerFixtures.fields(VolunteerFixtures.put(port, kotim.token(), "/api/v1/cohorts/" + cohort,
                Map.of("name", name, "programme", "SKPP 2022", "regionCode", KOTIM)))).containsExactly("startsOn");
        assertThat(VolunteerFixtures.put(port, kotim.token(), "/api/v1/cohorts/987654321", body).status()).isEqualTo(404);

        // only approved volunteers of the region are enrolled
        long pending = VolunteerFixtures.signUp(port, VolunteerFixtures.signup("Calon Kader", KOTIM + ".01")).get("id").asLong();
        assertThat(VolunteerFixtures.fields(Http.api(port).bearer(kotim.token()).post("/api/v1/cohorts/" + cohort + "/members",
                Map.of("volunteerId", pending)))).containsExactly("volunteerId");
        long elsewhere = VolunteerFixtures.approved(port, kapuas.token(), "Kader Kapuas", KAPUAS + ".01").get("volunteer").get("id").asLong();
        assertThat(Http.api(port).bearer(kotim.token()).post("/api/v1/cohorts/" + cohort + "/members",
                Map.of("volunteerId", elsewhere)).status()).isEqualTo(403);
        assertThat(Http.api(port).bearer(kotim.token()).get("/network/cohorts/" + cohort).status())
                .as("pages need a session, not a token").isIn(302, 401);
    }

    @Test
    void sessionsAndCadresAreListedFoundAndCorrected() {
        Accounts.Created kotim = accounts().create("koord", List.of("COORDINATOR"), KOTIM);
        Accounts.Created kapuas = accounts().create("koord", List.of("COORDINATOR"), KAPUAS);
        Accounts.Created analyst = accounts().create("analis", List.of("ANALYST"), KOTIM);
        Http api = Http.api(port).bearer(kotim.token());
        Http outsider = Http.api(port).bearer(kapuas.token());
        long cohort = api.post("/api/v1/cohorts", Map.of("name", "Angkatan III " + Accounts.uniqueName("c"),
                "programme", "SKPP 2024", "regionCode", KOTIM, "startsOn", "2024-05-06")).json().get("id").asLong();
        String base = "/api/v1/cohorts/" + cohort;

        Http.Response unknown = api.post(base + "/members", Map.of("volunteerId", 987654321));
        assertThat(unknown.status()).as("an unknown volunteer is a mistake in the body").isEqualTo(400);
        assertThat(VolunteerFixtures.fields(unknown)).containsExactly("volunteerId");
        long ani = VolunteerFixtures.approved(port, kotim.token(), "Ani Lestari", KOTIM + ".01").get("volunteer").get("id").asLong();
        long budi = VolunteerFixtures.approved(port, kotim.token(), "Budi Utomo", KOTIM + ".01").get("volunteer").get("id").asLong();
        long citra = VolunteerFixtures.approved(port, kotim.token(), "Citra Dewi", KOTIM + ".02").get("volunteer").get("id").asLong();
        for (long cadre : List.of(ani, budi, citra)) {
            Http.Response enrolled = api.post(base + "/members", Map.of("volunteerId", cadre));
            assertThat(enrolled.status()).isEqualTo(201);
            assertThat(enrolled.header("Location")).endsWith(base + "/members/" + cadre);
        }
        Http.Response first = api.post(base + "/sessions", Map.of("title", "Pengawasan kampanye", "heldOn", "2024-05-06"));
        long session = first.json().get("id").asLong();
        assertThat(first.header("Location")).endsWith(base + "/sessions/" + session);
        api.post(base + "/sessions", Map.of("title", "Politik uang", "heldOn", "2024-05-13"));
        api.post(base + "/sessions/" + session + "/attendance", Map.of("volunteerIds", List.of(ani, budi)));
        String aniCode = api.post(base + "/members/" + ani + "/completion", Map.of("completedOn", "2024-06-01"))
                .json().get("certificateCode").asString();

        // sessions: listed by date, found, corrected (the attendance stays)
        JsonNode sessions = api.get(base + "/sessions").json();
        assertThat(sessions.get("total").asLong()).isEqualTo(2);
        assertThat(sessions.get("items")).extracting(x -> x.get("title").asString()).containsExactly("Pengawasan kampanye", "Politik uang");
        assertThat(api.get(base + "/sessions?size=1&page=1").json().get("items")).singleElement()
                .satisfies(x -> assertThat(x.get("title").asString()).isEqualTo("Politik uang"));
        assertThat(api.get(base + "/sessions/" + session).json().get("attendance").asInt()).isEqualTo(2);
        Http.Response early = api.put(base + "/sessions/" + session, Map.of("title", "", "heldOn", "2024-01-01"));
        assertThat(early.status()).isEqualTo(400);
        assertThat(VolunteerFixtures.fields(early)).containsExactlyInAnyOrder("title", "heldOn");
        Http.Response moved = api.put(base + "/sessions/" + session, Map.of("title", "Pengawasan kampanye dan APK", "heldOn", "2024-05-07"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().get("heldOn").asString()).isEqualTo("2024-05-07");
        assertThat(moved.json().get("attendance").asInt()).isEqualTo(2);
        assertThat(api.get(base + "/sessions/987654321").status()).isEqualTo(404);
        assertThat(api.put(base + "/sessions/987654321", Map.of("title", "X y", "heldOn", "2024-05-07")).status()).isEqualTo(404);

        // cadres: filtered by completion and name, paged, found
        assertThat(api.get(base + "/members").json().get("items")).extracting(m -> m.get("name").asString())
                .containsExactly("Ani Lestari", "Budi Utomo", "Citra Dewi");
        assertThat(api.get(base + "/members?completed=true").json().get("items")).extracting(m -> m.get("volunteerId").asLong())
                .containsExactly(ani);
        assertThat(api.get(base + "/members?completed=false").json().get("items")).extracting(m -> m.get("volunteerId").asLong())
                .containsExactly(budi, citra);
        assertThat(api.get(base + "/members?q=citra").json().get("items")).extracting(m -> m.get("volunteerId").asLong())
                .containsExactly(citra);
        JsonNode paged = api.get(base + "/members?size=2&page=1").json();
        assertThat(paged.get("total").asLong()).isEqualTo(3);
        assertThat(paged.get("items")).hasSize(1);
        JsonNode budiView = Http.api(port).bearer(analyst.token()).get(base + "/members/" + budi).json();
        assertThat(budiView.get("sessionsAttended").asInt()).isEqualTo(1);
        assertThat(budiView.get("certificateCode").isNull()).isTrue();
        assertThat(api.get(base + "/members/987654321").status()).isEqualTo(404);
        assertThat(api.get(base + "/members?completed=maybe").status()).isEqualTo(400);

        // a completion date typed wrongly is corrected; the certificate keeps its code
        Http.Response notCompleted = api.put(base + "/members/" + budi, Map.of("completedOn", "2024-06-01"));
        assertThat(notCompleted.status()).isEqualTo(409);
        assertThat(VolunteerFixtures.put(port, kotim.token(), base + "/members/" + ani, Map.of()).status()).isEqualTo(400);
        assertThat(VolunteerFixtures.fields(api.put(base + "/members/" + ani, Map.of("completedOn", "2024-01-01"))))
                .containsExactly("completedOn");
        Http.Response corrected = api.put(base + "/members/" + ani, Map.of("completedOn", "2024-06-03"));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(corrected.json().get("completedOn").asString()).isEqualTo("2024-06-03");
        assertThat(corrected.json().get("certificateCode").asString()).isEqualTo(aniCode);
        assertThat(Clients.fresh(port).get("/api/v1/certificates/" + aniCode).json().get("completedOn").asString())
                .isEqualTo("2024-06-03");

        // scope, roles and credentials
        for (String path : List.of(base + "/sessions", base + "/sessions/" + session, base + "/members", base + "/members/" + ani)) {
            assertThat(outsider.get(path).status()).as(path).isEqualTo(403);
            assertThat(Http.api(port).get(path).status()).as(path).isEqualTo(401);
        }
        assertThat(outsider.put(base + "/members/" + ani, Map.of("completedOn", "2024-06-04")).status()).isEqualTo(403);
        assertThat(Http.api(port).bearer(analyst.token()).put(base + "/sessions/" + session,
                Map.of("title", "Analis mengubah", "heldOn", "2024-05-08")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/cohorts/987654321/members").status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_event where subject = ? and action in ('COHORT_SESSION_UPDATED', 'COHORT_MEMBER_UPDATED')")
                .param("cohort:" + cohort).query(Long.class).single()).isEqualTo(2);
    }
}
