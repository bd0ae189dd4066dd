package id.pantau.network;

import java.util.List;
import java.util.Map;

import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The activity pages over HTTP, as a browser without JavaScript uses them (Kabupaten Pelalawan, 14.05). */
@IntegrationTest
class ActivityPagesTest {

    static final String PELALAWAN = "14.05";

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theListShowsActivitiesWithIndonesianDatesAndSpeaksEnglishOnRequest() {
        var accounts = new Accounts(Http.api(port));
        var staff = accounts.create("activity-page-list", List.of("STAFF"), PELALAWAN);
        String title = Accounts.uniqueName("Sosialisasi netralitas kepala desa");
        Map<String, Object> body = ActivityApiTest.socialisation(title);
        body.put("regionCode", PELALAWAN);
        body.put("topics", List.of("NEUTRALITY_VILLAGE_HEAD"));
        Http.Response created = Http.api(port).bearer(staff.token()).post("/api/v1/activities", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Http browser = Http.signedIn(port, staff.username());

        Http.Response list = browser.get("/network/activities?lang=id");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("<html lang=\"id\">", "<h1>Kegiatan</h1>", "Catat kegiatan", title, "5 Maret 2026",
                "Netralitas kepala desa", "Sosialisasi", "0 / 40");
        Http.Response english = browser.get("/network/activities?lang=en");
        assertThat(english.body()).contains("<html lang=\"en\">", "<h1>Activities</h1>", "Record an activity", title,
                "5 March 2026", "Neutrality of village heads").doesNotContain("5 Maret 2026");
        Http.Response filtered = browser.get("/network/activities?lang=id&type=WEBINAR&region=" + PELALAWAN);
        assertThat(filtered.body()).doesNotContain(title);
    }

    @Test
    void theFormShowsEveryMistakeAtItsFieldThenSavesAndTheDetailTakesAttendance() {
        var staff = new Accounts(Http.api(port)).create("activity-page-form", List.of("COORDINATOR"), PELALAWAN);
        long partner = ActivityApiTest.partner(jdbc, "Universitas Pelalawan", PELALAWAN);
        Http browser = Http.signedIn(port, staff.username());
        Http.Response form = browser.get("/network/activities/new?lang=id");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Catat kegiatan", "value=\"" + PELALAWAN + "\"", "Universitas Pelalawan", "Politik uang");

        // no title, no place although not online, a negative count: all three come back at their fields
        Http.Response mistakes = browser.postForm("/network/activities", "_csrf", form.csrfToken(),
                "type", "SARASEHAN", "title", "", "date", "2026-03-05", "regionCode", PELALAWAN, "place", "",
                "participantCount", "-3", "topics", "MONEY_POLITICS", "speakerName", "Tokoh Adat Pelalawan", "speakerRole", "Datuk");
        assertThat(mistakes.status()).isEqualTo(400);
        assertThat(mistakes.body()).contains("id=\"form-errors\"", "Nama kegiatan: Wajib diisi", "id=\"title-error\"",
                "id=\"place-error\"", "Wajib diisi kecuali kegiatan daring", "id=\"participantCount-error\"",
                "Tidak boleh kurang dari 0", "value=\"Tokoh Adat Pelalawan\"", "value=\"-3\"");
        assertThat(mistakes.body()).containsPattern("value=\"MONEY_POLITICS\"\\s+checked");

        String title = Accounts.uniqueName("Sarasehan politik uang");
        Http.Response saved = browser.postForm("/network/activities", "_csrf", mistakes.csrfToken(),
                "type", "SARASEHAN", "title", title, "date", "2026-03-05", "startTime", "09:00", "regionCode", PELALAWAN,
                "place", "Balai Adat Pangkalan Kerinci", "participantCount", "30", "topics", "MONEY_POLITICS",
                "topics", "HOAX_SARA", "organiserPartnerIds", String.valueOf(partner),
                "speakerName", "Tokoh Adat Pelalawan", "speakerRole", "Datuk", "speakerName", "", "speakerRole", "");
        assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
        assertThat(saved.header("Location")).matches(".*/network/activities/\\d+");
        String path = saved.header("Location").replaceAll("^https?://[^/]+", "");

        Http.Response detail = browser.get(path);
        assertThat(detail.body()).contains("id=\"saved\"", "Kegiatan tersimpan.", title, "5 Maret 2026", "09.00",
                "Politik uang", "Hoaks dan SARA", "Universitas Pelalawan", "Tokoh Adat Pelalawan", "0 hadir dari 30 direncanakan");
        assertThat(browser.get(path).body()).as("the notice shows once").doesNotContain("Kegiatan tersimpan.");

        Http.Response attended = browser.postForm(path + "/attendance", "_csrf", detail.csrfToken(),
                "attendeeName", "Siti Rahmah", "attendeeOrigin", "Kelurahan Pangkalan Kerinci Kota",
                "attendeeName", "Ahmad Fauzi", "attendeeOrigin", "", "attendeeName", "", "attendeeOrigin", "");
        assertThat(attended.status()).isEqualTo(302);
        Http.Response afterAttendance = browser.get(path);
        assertThat(afterAttendance.body()).contains("id=\"attendance-saved\"", "Siti Rahmah", "Ahmad Fauzi",
                "2 hadir dari 30 direncanakan");

        Http.Response noName = browser.postForm(path + "/attendance", "_csrf", detail.csrfToken(),
                "attendeeName", "", "attendeeOrigin", "Desa Tanpa Nama");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.body()).contains("id=\"form-errors\"", "Peserta yang hadir: Wajib diisi", "value=\"Desa Tanpa Nama\"");

        assertThat(browser.postForm(path + "/attendance", "attendeeName", "Tanpa Token").status())
                .as("a form post without the CSRF token is refused").isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from activity_attendee where name = 'Tanpa Token'").query(Long.class).single()).isZero();
    }

    @Test
    void theEditFormCorrectsAnActivity() {
        var staff = new Accounts(Http.api(port)).create("activity-page-edit", List.of("STAFF"), PELALAWAN);
        Map<String, Object> body = ActivityApiTest.socialisation(Accounts.uniqueName("Webinar tanpa judul"));
        body.put("regionCode", PELALAWAN);
        long id = Http.api(port).bearer(staff.token()).post("/api/v1/activities", body).json().get("id").asLong();
        Http browser = Http.signedIn(port, staff.username());

        Http.Response edit = browser.get("/network/activities/" + id + "/edit?lang=en");
        assertThat(edit.body()).contains("Edit activity", "value=\"2026-03-05\"", "Aula Kantor Camat Ujung Batu");

        String title = Accounts.uniqueName("Webinar netralitas Polri");
        Http.Response saved = browser.postForm("/network/activities/" + id, "_csrf", edit.csrfToken(),
                "type", "WEBINAR", "title", title, "date", "2026-04-01", "regionCode", PELALAWAN, "online", "true",
                "onlineLink", "https://meet.example.id/abc", "topics", "NEUTRALITY_POLRI");
        assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
        Http.Response detail = browser.get("/network/activities/" + id + "?lang=en");
        assertThat(detail.body()).contains("Changes to the activity saved.", title, "1 April 2026", "Online",
                "https://meet.example.id/abc", "Neutrality of the police (Polri)");
    }

    @Test
    void analystsReadThePagesButCannotRecordNorSeeTheAttendanceList() {
        var accounts = new Accounts(Http.api(port));
        var staff = accounts.create("activity-page-writer", List.of("STAFF"), PELALAWAN);
        Map<String, Object> body = ActivityApiTest.socialisation(Accounts.uniqueName("Sosialisasi pemilih disabilitas"));
        body.put("regionCode", PELALAWAN);
        long id = Http.api(port).bearer(staff.token()).post("/api/v1/activities", body).json().get("id").asLong();
        var analyst = accounts.create("activity-page-analyst", List.of("ANALYST"), PELALAWAN);
        Http browser = Http.signedIn(port, analyst.username());

        Http.Response detail = browser.get("/network/activities/" + id);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains("0 hadir dari 40 direncanakan").doesNotContain("id=\"attendance-form\"", "id=\"edit-activity\"");
        assertThat(browser.get("/network/activities/new").status()).isEqualTo(403);
        assertThat(Http.browser(port).get("/network/activities").status()).as("anonymous visitors are sent to sign in")
                .isEqualTo(302);
    }
}
