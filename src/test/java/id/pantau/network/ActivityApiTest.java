package id.pantau.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Activities over the API. The office of Kabupaten Rokan Hulu (14.06, Riau) records them with
 * its partners; Rejang Lebong (17.02, Bengkulu) is another office that must not see them.
 */
@IntegrationTest
class ActivityApiTest {

    static final String ROKAN_HULU = "14.06";
    static final String UJUNG_BATU = "14.06.01";
    static final String RIAU = "14";
    static final String REJANG_LEBONG = "17.02";

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    Accounts accounts;
    Accounts.Created staff;

    @BeforeEach
    void setUp() {
        accounts = new Accounts(Http.api(port));
        staff = accounts.create("activity-staff", List.of("STAFF"), ROKAN_HULU);
    }

    // ---- recording and reading

    @Test
    void staffRecordAnActivityWithPartnersTopicsAndSpeakersAndReadItBack() {
        long university = partner(jdbc, "Universitas Pasir Pengaraian", ROKAN_HULU);
        long provincialAgency = partner(jdbc, "Kesbangpol Provinsi Riau", RIAU);
        String title = unique("Sosialisasi netralitas ASN");
        Map<String, Object> body = socialisation(title, university);
        body.put("partnerIds", List.of(provincialAgency));
        body.put("endDate", "2026-03-06");
        body.put("startTime", "09:00");
        body.put("endTime", "12:30");
        body.put("speakers", List.of(Map.of("name", "Ketua Bawaslu Rokan Hulu", "role", "Narasumber"),
                Map.of("name", "Dr. Andi Saputra, S.H., M.H.")));
        body.put("seriesName", "Forum Warga Ujung Batu");
        body.put("recurrence", "MONTHLY");

        Http.Response created = api(staff).post("/api/v1/activities", body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode activity = created.json();
        long id = activity.get("id").asLong();
        assertThat(created.header("Location")).endsWith("/api/v1/activities/" + id);
        assertThat(activity.get("type").asString()).isEqualTo("SOCIALISATION");
        assertThat(activity.get("title").asString()).isEqualTo(title);
        assertThat(activity.get("date").asString()).isEqualTo("2026-03-05");
        assertThat(activity.get("endDate").asString()).isEqualTo("2026-03-06");
        assertThat(activity.get("startTime").asString()).startsWith("09:00");
        assertThat(activity.get("regionCode").asString()).isEqualTo(UJUNG_BATU);
        assertThat(activity.get("regionName").asString()).isEqualTo("Ujung Batu");
        assertThat(activity.get("online").asBoolean()).isFalse();
        assertThat(activity.get("place").asString()).isEqualTo("Aula Kantor Camat Ujung Batu");
        assertThat(longs(activity.get("organiserPartnerIds"))).containsExactly(university);
        assertThat(longs(activity.get("partnerIds"))).containsExactly(provincialAgency);
        assertThat(activity.get("partners").toString()).contains("Universitas Pasir Pengaraian", "Kesbangpol Provinsi Riau");
        assertThat(strings(activity.get("topics"))).containsExactly("NEUTRALITY_ASN", "MONEY_POLITICS");
        assertThat(activity.get("speakers").get(1).get("name").asString()).isEqualTo("Dr. Andi Saputra, S.H., M.H.");
        assertThat(activity.get("participantCount").asInt()).isEqualTo(40);
        assertThat(activity.get("attendedCount").asLong()).isZero();
        assertThat(activity.get("recurrence").asString()).isEqualTo("MONTHLY");

        Http.Response read = api(staff).get("/api/v1/activities/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(activity);
        assertThat(auditCount("ACTIVITY_CREATED", id)).isEqualTo(1);
    }

    @Test
    void anOnlineActivityNeedsNoPlaceButItsLinkMustBeAWebAddress() {
        Map<String, Object> webinar = socialisation(unique("Webinar politik uang"));
        webinar.put("type", "WEBINAR");
        webinar.put("online", true);
        webinar.remove("place");
        webinar.put("onlineLink", "https://zoom.example.id/j/123");
        webinar.put("regionCode", ROKAN_HULU);

        Http.Response created = api(staff).post("/api/v1/activities", webinar);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("onlineLink").asString()).isEqualTo("https://zoom.example.id/j/123");

        webinar.put("onlineLink", "javascript:alert(1)");
        assertThat(fields(api(staff).post("/api/v1/activities", webinar))).containsExactly("onlineLink");
        webinar.put("online", false);
        webinar.put("onlineLink", "https://zoom.example.id/j/123");
        assertThat(fields(api(staff).post("/api/v1/activities", webinar))).containsExactlyInAnyOrder("place", "onlineLink");
    }

    // ---- validation

    @Test
    void anEmptyActivityNamesEveryMissingFieldAtOnce() {
        Http.Response refused = api(staff).post("/api/v1/activities", Map.of());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(fields(refused)).containsExactlyInAnyOrder("type", "title", "date", "regionCode", "place");
        assertThat(codes(refused)).contains("required", "place.required");
    }

    @Test
    void wrongValuesAreReportedTogetherWithTheFieldsTheyBelongTo() {
        long university = partner(jdbc, "Universitas Rokan Hulu", ROKAN_HULU);
        String title = unique("Sarasehan");
        Map<String, Object> body = socialisation(title, university, 987_654_321L);
        body.put("type", "PARTY");
        body.put("participantCount", -5);
        body.put("topics", List.of("MONEY_POLITICS", "ASTROLOGY"));
        body.put("endDate", "2026-03-01");
        body.put("regionCode", "99.99");
        body.put("recurrence", "MONTHLY");

        Http.Response refused = api(staff).post("/api/v1/activities", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused)).containsExactlyInAnyOrder("type", "participantCount", "topics[1]", "endDate", "regionCode",
                "organiserPartnerIds[1]", "seriesName");
        assertThat(codes(refused)).contains("type.unknown", "participantCount.negative", "topic.unknown", "endDate.beforeDate",
                "regionCode.unknown", "partner.unknown", "seriesName.required");
        assertThat(jdbc.sql("select count(*) from activity where title = ?").param(title).query(Long.class).single()).isZero();
    }

    @Test
    void aPartnerOfAnotherRegionIsAMistakeInThatFieldWhileAProvincialOneMayTakePart() {
        long elsewhere = partner(jdbc, "Universitas Bengkulu", REJANG_LEBONG);
        long provincial = partner(jdbc, "Universitas Riau", RIAU);
        Map<String, Object> body = socialisation(unique("Sosialisasi pemilih pemula"));
        body.put("partnerIds", List.of(provincial, elsewhere));

        Http.Response refused = api(staff).post("/api/v1/activities", body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("partnerIds[1]");
        assertThat(codes(refused)).containsExactly("partner.outOfScope");
        body.put("partnerIds", List.of(provincial));
        assertThat(api(staff).post("/api/v1/activities", body).status()).isEqualTo(201);
    }

    // ---- access

    @Test
    void withoutCredentialsEveryEndpointAnswers401() {
        long id = create(staff, socialisation(unique("Sosialisasi tertutup")));
        Http anonymous = Http.api(port);

        assertThat(anonymous.get("/api/v1/activities").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/activities/" + id).status()).isEqualTo(401);
        assertThat(anonymous.post("/api/v1/activities", socialisation("Tanpa akun")).status()).isEqualTo(401);
        assertThat(anonymous.post("/api/v1/activities/" + id + "/attendance",
                Map.of("attendees", List.of(Map.of("name", "Siti")))).status()).isEqualTo(401);
    }

    @Test
    void anotherRegionsOfficeGets403AndItsListLeavesTheActivityOut() {
        String title = unique("Rakor pengawasan");
        long id = create(staff, socialisation(title));
        var outsider = accounts.create("activity-outsider", List.of("STAFF"), REJANG_LEBONG);
        var provincialStaff = accounts.create("activity-province", List.of("COORDINATOR"), RIAU);

        assertThat(api(outsider).get("/api/v1/activities/" + id).status()).isEqualTo(403);
        assertThat(put(outsider, "/api/v1/activities/" + id, socialisation(title)).status()).isEqualTo(403);
        assertThat(api(outsider).post("/api/v1/activities", socialisation(unique("Di luar wilayah"))).status()).isEqualTo(403);
        assertThat(api(outsider).post("/api/v1/activities/" + id + "/attendance",
                Map.of("attendees", List.of(Map.of("name", "Siti")))).status()).isEqualTo(403);
        assertThat(api(outsider).get("/api/v1/activities?region=" + ROKAN_HULU).status()).isEqualTo(403);
        assertThat(titles(api(outsider).get("/api/v1/activities?size=1000"))).doesNotContain(title);
        assertThat(titles(api(staff).get("/api/v1/activities?size=1000"))).contains(title);
        assertThat(titles(api(provincialStaff).get("/api/v1/activities?region=" + ROKAN_HULU + "&size=1000"))).contains(title);
    }

    @Test
    void analystsReadButNeitherRecordNorSeeAttendeesAndVolunteersSeeNothing() {
        long id = create(staff, socialisation(unique("Bimtek saksi")));
        var analyst = accounts.create("activity-analyst", List.of("ANALYST"), RIAU);
        var volunteer = accounts.create("activity-volunteer", List.of("VOLUNTEER"), ROKAN_HULU);

        assertThat(api(analyst).get("/api/v1/activities/" + id).status()).isEqualTo(200);
        assertThat(api(analyst).post("/api/v1/activities", socialisation(unique("Analis"))).status()).isEqualTo(403);
        assertThat(api(analyst).get("/api/v1/activities/" + id + "/attendance").status()).isEqualTo(403);
        assertThat(api(volunteer).get("/api/v1/activities/" + id).status()).isEqualTo(403);
        assertThat(api(volunteer).get("/api/v1/activities").status()).isEqualTo(403);
    }

    @Test
    void unknownActivitiesAre404() {
        Map<String, Object> attendance = Map.of("attendees", List.of(Map.of("name", "Siti Aminah")));

        assertThat(api(staff).get("/api/v1/activities/987654321").status()).isEqualTo(404);
        assertThat(put(staff, "/api/v1/activities/987654321", socialisation("Tidak ada")).status()).isEqualTo(404);
        assertThat(api(staff).post("/api/v1/activities/987654321/attendance", attendance).status()).isEqualTo(404);
        assertThat(api(staff).get("/api/v1/activities/987654321/attendance").status()).isEqualTo(404);
        long id = create(staff, socialisation(unique("Hapus peserta")));
        assertThat(api(staff).delete("/api/v1/activities/" + id + "/attendance/987654321").status()).isEqualTo(404);
    }

    // ---- changes

    @Test
    void putReplacesTheActivityAndIsAudited() {
        long university = partner(jdbc, "Universitas Mahaputra", ROKAN_HULU);
        long agency = partner(jdbc, "Dinas Kominfo Rokan Hulu", ROKAN_HULU);
        Map<String, Object> body = socialisation(unique("Sosialisasi awal"), university);
        body.put("partnerIds", List.of(agency));
        long id = create(staff, body);

        String corrected = unique("Sarasehan tokoh adat");
        Map<String, Object> changed = socialisation(corrected, agency);
        changed.put("type", "SARASEHAN");
        changed.put("topics", List.of("HOAX_SARA"));
        changed.put("participantCount", 55);
        changed.put("regionCode", ROKAN_HULU);
        Http.Response updated = put(staff, "/api/v1/activities/" + id, changed);

        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        JsonNode read = api(staff).get("/api/v1/activities/" + id).json();
        assertThat(read.get("title").asString()).isEqualTo(corrected);
        assertThat(read.get("type").asString()).isEqualTo("SARASEHAN");
        assertThat(strings(read.get("topics"))).containsExactly("HOAX_SARA");
        assertThat(read.get("participantCount").asInt()).isEqualTo(55);
        assertThat(read.get("regionCode").asString()).isEqualTo(ROKAN_HULU);
        assertThat(longs(read.get("organiserPartnerIds"))).containsExactly(agency);
        assertThat(longs(read.get("partnerIds"))).isEmpty();
        String details = jdbc.sql("select details::text from audit_event where action = 'ACTIVITY_UPDATED' and subject = ?")
                .param("activity:" + id).query(String.class).single();
        assertThat(details).contains("Sosialisasi awal", corrected);

        Map<String, Object> invalid = new HashMap<>(changed);
        invalid.put("title", "");
        assertThat(fields(put(staff, "/api/v1/activities/" + id, invalid))).containsExactly("title");
        changed.put("regionCode", REJANG_LEBONG);
        assertThat(put(staff, "/api/v1/activities/" + id, changed).status()).isEqualTo(403);
        assertThat(api(staff).get("/api/v1/activities/" + id).json().get("regionCode").asString()).isEqualTo(ROKAN_HULU);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyRecordsTheActivityOnce() {
        String title = unique("Webinar hoaks");
        Map<String, Object> body = socialisation(title);
        String key = UUID.randomUUID().toString();

        Http.Response first = api(staff).header("Idempotency-Key", key).post("/api/v1/activities", body);
        Http.Response retry = api(staff).header("Idempotency-Key", key).post("/api/v1/activities", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(jdbc.sql("select count(*) from activity where title = ?").param(title).query(Long.class).single()).isEqualTo(1);
        body.put("participantCount", 41);
        assertThat(api(staff).header("Idempotency-Key", key).post("/api/v1/activities", body).status()).isEqualTo(422);
    }

    // ---- attendance

    @Test
    void attendanceIsCountedOncePerPersonNextToThePlannedCount() {
        long id = create(staff, socialisation(unique("Sosialisasi di pasar")));
        long dewi = VolunteerFixtures.approved(port, staff.token(), "Dewi Lestari", UJUNG_BATU).get("volunteer").get("id").asLong();
        var attendees = List.of(Map.of("name", "Siti Aminah", "origin", "Desa Ujung Batu"),
                Map.of("name", "Rahmat Hidayat", "origin", "SMAN 1 Ujung Batu"),
                Map.<String, Object>of("name", "Dewi Lestari", "volunteerId", dewi));

        Http.Response recorded = api(staff).post("/api/v1/activities/" + id + "/attendance", Map.of("attendees", attendees));

        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        assertThat(recorded.json().get("added").asInt()).isEqualTo(3);
        assertThat(recorded.json().get("attendedCount").asLong()).isEqualTo(3);
        assertThat(recorded.json().get("participantCount").asInt()).isEqualTo(40);

        // the same sheet typed in again, with one more name: only the new one counts
        Http.Response again = api(staff).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/activities/" + id + "/attendance", Map.of("attendees", List.of(
                        Map.of("name", "siti aminah ", "origin", "desa ujung batu"),
                        Map.of("name", "Yusuf Maulana", "origin", "Karang Taruna"))));
        assertThat(again.json().get("added").asInt()).isEqualTo(1);
        assertThat(again.json().get("alreadyRecorded").asInt()).isEqualTo(1);

        JsonNode activity = api(staff).get("/api/v1/activities/" + id).json();
        assertThat(activity.get("attendedCount").asLong()).isEqualTo(4);
        assertThat(activity.get("participantCount").asInt()).isEqualTo(40);

        JsonNode list = api(staff).get("/api/v1/activities/" + id + "/attendance").json();
        assertThat(list.get("attendees").findValuesAsString("name"))
                .containsExactly("Dewi Lestari", "Rahmat Hidayat", "Siti Aminah", "Yusuf Maulana");
        assertThat(list.get("attendees").get(0).get("volunteerId").asLong()).isEqualTo(dewi);
        long rahmat = list.get("attendees").get(1).get("id").asLong();

        Http.Response removed = api(staff).delete("/api/v1/activities/" + id + "/attendance/" + rahmat);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("attendedCount").asLong()).isEqualTo(3);
        assertThat(auditCount("ACTIVITY_ATTENDANCE_RECORDED", id)).isEqualTo(2);
        assertThat(auditCount("ACTIVITY_ATTENDEE_REMOVED", id)).isEqualTo(1);
        assertThat(jdbc.sql("select string_agg(details::text, ' ') from audit_event where subject = ?").param("activity:" + id)
                .query(String.class).single()).doesNotContain("Siti", "Rahmat");
    }

    @Test
    void attendeesArePagedFoundAndCorrectedOneByOne() {
        long id = create(staff, socialisation(unique("Sarasehan tokoh adat")));
        String base = "/api/v1/activities/" + id;
        api(staff).post(base + "/attendance", Map.of("attendees", List.of(Map.of("name", "Andi Saputra", "origin", "Desa Suka Damai"),
                Map.of("name", "Budi Santoso", "origin", "Karang Taruna"), Map.of("name", "Cici Paramida", "origin", "Desa Suka Damai"))));
        long dewi = VolunteerFixtures.approved(port, staff.token(), "Dewi Anggraini", UJUNG_BATU).get("volunteer").get("id").asLong();

        JsonNode page = api(staff).get(base + "/attendees?size=2").json();
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("items").findValuesAsString("name")).containsExactly("Andi Saputra", "Budi Santoso");
        assertThat(api(staff).get(base + "/attendees?size=2&page=1").json().get("items").findValuesAsString("name"))
                .containsExactly("Cici Paramida");
        assertThat(api(staff).get(base + "/attendees?q=suka+damai").json().get("items").findValuesAsString("name"))
                .containsExactly("Andi Saputra", "Cici Paramida");
        long budi = page.get("items").get(1).get("id").asLong();
        assertThat(api(staff).get(base + "/attendees/" + budi).json().get("origin").asString()).isEqualTo("Karang Taruna");

        // a name typed wrongly, and the volunteer number forgotten
        Http.Response corrected = api(staff).put(base + "/attendees/" + budi,
                Map.of("name", "Budi Santosa", "origin", "Karang Taruna", "volunteerId", dewi));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(corrected.json().get("name").asString()).isEqualTo("Budi Santosa");
        assertThat(corrected.json().get("volunteerId").asLong()).isEqualTo(dewi);
        Http.Response wrong = api(staff).put(base + "/attendees/" + budi, Map.of("name", "B", "volunteerId", 987654321L));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(fields(wrong)).containsExactlyInAnyOrder("name", "volunteerId");
        Http.Response twice = api(staff).put(base + "/attendees/" + budi, Map.of("name", "andi saputra", "origin", "desa suka damai"));
        assertThat(twice.status()).as("the same person twice").isEqualTo(409);
        assertThat(api(staff).get(base).json().get("attendedCount").asLong()).isEqualTo(3);

        var analyst = accounts.create("activity-analyst", List.of("ANALYST"), ROKAN_HULU);
        var elsewhere = accounts.create("activity-staff", List.of("STAFF"), REJANG_LEBONG);
        assertThat(api(analyst).get(base + "/attendees").status()).as("names are for those who record them").isEqualTo(403);
        assertThat(api(elsewhere).get(base + "/attendees/" + budi).status()).isEqualTo(403);
        assertThat(api(elsewhere).put(base + "/attendees/" + budi, Map.of("name", "Budi")).status()).isEqualTo(403);
        assertThat(Http.api(port).get(base + "/attendees").status()).isEqualTo(401);
        assertThat(api(staff).get(base + "/attendees/987654321").status()).isEqualTo(404);
        assertThat(api(staff).put("/api/v1/activities/987654321/attendees/" + budi, Map.of("name", "Budi")).status()).isEqualTo(404);
        assertThat(auditCount("ACTIVITY_ATTENDEE_CORRECTED", id)).isEqualTo(1);
        assertThat(jdbc.sql("select details::text from audit_event where action = 'ACTIVITY_ATTENDEE_CORRECTED' and subject = ?")
                .param("activity:" + id).query(String.class).single()).doesNotContain("Budi");
    }

    @Test
    void attendeesNeedANameAndAnEmptyListIsRefused() {
        long id = create(staff, socialisation(unique("Forum lintas agama")));

        Http.Response refused = api(staff).post("/api/v1/activities/" + id + "/attendance", Map.of("attendees", List.of(
                Map.of("name", "Budi"), Map.of("origin", "Desa Tanpa Nama"), Map.of("name", "X"))));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("attendees[1].name", "attendees[2].name");
        assertThat(fields(api(staff).post("/api/v1/activities/" + id + "/attendance", Map.of("attendees", List.of()))))
                .containsExactly("attendees");
        // a volunteer number must be one of the region's volunteers: a typo would credit someone else's partner
        var elsewhere = accounts.create("activity-koord", List.of("COORDINATOR"), REJANG_LEBONG);
        long outsider = VolunteerFixtures.approved(port, elsewhere.token(), "Relawan Rejang Lebong", REJANG_LEBONG)
                .get("volunteer").get("id").asLong();
        Http.Response numbers = api(staff).post("/api/v1/activities/" + id + "/attendance", Map.of("attendees", List.of(
                Map.of("name", "Nomor Salah", "volunteerId", 987654321L), Map.of("name", "Relawan Tetangga", "volunteerId", outsider))));
        assertThat(numbers.status()).isEqualTo(400);
        assertThat(numbers.json().get("errors")).extracting(e -> e.get("field").asString() + " " + e.get("code").asString())
                .containsExactly("attendees[0].volunteerId volunteer.unknown", "attendees[1].volunteerId volunteer.outOfScope");
        assertThat(api(staff).get("/api/v1/activities/" + id).json().get("attendedCount").asLong()).isZero();
    }

    // ---- lists

    @Test
    void theListFiltersByTypeTopicPeriodPartnerAndRegionAndPages() {
        long partner = partner(jdbc, "Pramuka Saka Adhyasta Rokan Hulu", ROKAN_HULU);
        Map<String, Object> training = socialisation(unique("Bimtek kader"), partner);
        training.put("type", "TRAINING");
        training.put("date", "2025-01-30");
        training.put("endDate", "2025-02-01");
        training.put("topics", List.of("PARTICIPATORY_SUPERVISION"));
        long trainingId = create(staff, training);
        Map<String, Object> forum = socialisation(unique("Forum warga"));
        forum.put("type", "FORUM");
        forum.put("date", "2025-03-10");
        forum.put("partnerIds", List.of(partner));
        forum.put("regionCode", ROKAN_HULU);
        long forumId = create(staff, forum);
        create(staff, socialisation(unique("Tanpa mitra")));

        String byPartner = "/api/v1/activities?partnerId=" + partner;
        assertThat(ids(api(staff).get(byPartner))).containsExactly(forumId, trainingId);
        assertThat(ids(api(staff).get(byPartner + "&type=TRAINING"))).containsExactly(trainingId);
        assertThat(ids(api(staff).get(byPartner + "&topic=PARTICIPATORY_SUPERVISION"))).containsExactly(trainingId);
        assertThat(ids(api(staff).get(byPartner + "&from=2025-02-01&to=2025-02-28"))).containsExactly(trainingId);
        assertThat(ids(api(staff).get(byPartner + "&from=2025-02-02&to=2025-03-31"))).containsExactly(forumId);
        assertThat(ids(api(staff).get(byPartner + "&region=" + UJUNG_BATU))).containsExactly(trainingId);
        Http.Response firstPage = api(staff).get(byPartner + "&size=1");
        assertThat(firstPage.json().get("total").asLong()).isEqualTo(2);
        assertThat(ids(firstPage)).containsExactly(forumId);
        assertThat(ids(api(staff).get(byPartner + "&size=1&page=1"))).containsExactly(trainingId);
        assertThat(fields(api(staff).get(byPartner + "&type=PARTY"))).containsExactly("type");
        assertThat(fields(api(staff).get(byPartner + "&from=2025-03-01&to=2025-02-01"))).containsExactly("to");
    }

    // ---- helpers

    Http api(Accounts.Created account) {
        return Http.api(port).bearer(account.token());
    }

    /** PUT as an API client sends it (the test client speaks GET, POST, PATCH and DELETE). */
    Http.Response put(Accounts.Created account, String path, Object body) {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + account.token()).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(body))).build();
        try (var client = java.net.http.HttpClient.newHttpClient()) {
            return new Http.Response(client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()));
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    long create(Accounts.Created account, Map<String, Object> body) {
        Http.Response created = api(account).post("/api/v1/activities", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /** A socialisation in Ujung Batu on 5 March 2026 for 40 people; the partners organised it. */
    static Map<String, Object> socialisation(String title, long... organisers) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "SOCIALISATION");
        body.put("title", title);
        body.put("date", "2026-03-05");
        body.put("regionCode", UJUNG_BATU);
        body.put("online", false);
        body.put("place", "Aula Kantor Camat Ujung Batu");
        List<Long> ids = new ArrayList<>();
        for (long organiser : organisers) {
            ids.add(organiser);
        }
        body.put("organiserPartnerIds", ids);
        body.put("topics", List.of("NEUTRALITY_ASN", "MONEY_POLITICS"));
        body.put("participantCount", 40);
        return body;
    }

    /** A partner row as the partner API would store it (V14), with a unique name. */
    static long partner(JdbcClient jdbc, String name, String region) {
        return jdbc.sql("""
                        insert into partner (name, type, region_code, created_at, created_by, updated_at)
                        values (?, 'UNIVERSITY', ?, now(), 'activity-test', now()) returning id""")
                .params(unique(name), region).query(Long.class).single();
    }

    static String unique(String prefix) {
        return Accounts.uniqueName(prefix);
    }

    long auditCount(String action, long id) {
        return jdbc.sql("select count(*) from audit_event where action = ? and subject = ?").params(action, "activity:" + id)
                .query(Long.class).single();
    }

    static List<String> fields(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response.json().get("errors").findValuesAsString("field");
    }

    static List<String> codes(Http.Response response) {
        return response.json().get("errors").findValuesAsString("code");
    }

    static List<String> titles(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("items").findValuesAsString("title");
    }

    static List<Long> ids(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        response.json().get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asLong()));
        return values;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
