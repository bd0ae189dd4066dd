package id.pantau.network;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import id.pantau.report.Reports;
import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner's and a team's contribution on a known data set in Kabupaten Kupang: who counts as a
 * member and as active, whose reports and which activities and agreements count in the period.
 */
@IntegrationTest
class ContributionApiTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));
    static final String KUPANG = "53.01";
    static final String VILLAGE = "53.01.04.2003";

    @Value("${local.server.port}")
    int port;

    @Test
    void thePartnersAndTheTeamsFiguresFollowTheirMembersActivitiesAndAgreements() {
        var staffAccount = new Accounts(Http.api(port)).create("kupang-staff", List.of("STAFF"), KUPANG);
        String staffToken = staffAccount.token();
        String staffName = staffAccount.username();
        Http staff = Http.api(port).bearer(staffToken);
        long partner = staff.post("/api/v1/partners", Map.of("name", Accounts.uniqueName("Universitas Nusa Cendana"),
                "type", "UNIVERSITY", "regionCode", KUPANG)).json().get("id").asLong();
        long otherPartner = staff.post("/api/v1/partners", Map.of("name", Accounts.uniqueName("Radio Kupang"),
                "type", "MEDIA", "regionCode", KUPANG)).json().get("id").asLong();

        // members: two approved sign-ups affiliated with the partner; a pending one and one of another partner do not count
        JsonNode reporter = approve(staffToken, affiliated("Maria Bria", partner));
        JsonNode quiet = approve(staffToken, affiliated("Yohanes Lake", partner));
        VolunteerFixtures.signUp(port, affiliated("Pending Pah", partner));
        approve(staffToken, affiliated("Other Nalle", otherPartner));

        // the reporter files two reports with the volunteer account
        String volunteerToken = new Accounts(Http.api(port)).token(reporter.get("account").get("username").asString(),
                reporter.get("account").get("initialPassword").asString());
        for (int i = 0; i < 2; i++) {
            Http.Response report = Http.api(port).bearer(volunteerToken).post("/api/v1/reports",
                    Reports.with(Reports.moneyPoliticsInJember(), "regionCode", VILLAGE,
                            "description", "Pembagian sembako oleh tim sukses di Semau, laporan relawan nomor " + i));
            assertThat(report.status()).as(report.toString()).isEqualTo(201);
        }

        // a team the partner formed, with an imported member who attends the partner's sarasehan
        long team = staff.post("/api/v1/teams", Map.of("name", Accounts.uniqueName("Tim Pemantau Undana"),
                "regionCode", KUPANG, "formedByPartnerId", partner)).json().get("id").asLong();
        Http.Response imported = staff.postMultipart("/api/v1/teams/" + team + "/members/import", Map.of(), List.of(
                new Http.Part("file", "members.csv", "text/csv", ("name,phone,regionCode,role,origin\n"
                        + "Agustinus Nope," + VolunteerFixtures.phone() + "," + KUPANG + ",MEMBER,ACTIVIST\n").getBytes())));
        assertThat(imported.json().get("imported").asInt()).as(imported.toString()).isEqualTo(1);
        long importedVolunteer = staff.get("/api/v1/teams/" + team + "/members").json().get("items").get(0)
                .get("volunteerId").asLong();
        assertThat(staff.post("/api/v1/teams/" + team + "/members", Map.of("volunteerId", quiet.get("volunteer").get("id").asLong(),
                "role", "MEMBER", "origin", "PARTNER")).status()).isEqualTo(201);

        long sarasehan = activity(staff, partner, TODAY.minusDays(5));
        activity(staff, partner, TODAY.minusYears(2)); // before the period
        assertThat(staff.post("/api/v1/activities/" + sarasehan + "/attendance", Map.of("attendees", List.of(
                Map.of("name", "Agustinus Nope", "origin", "Tim Pemantau Undana", "volunteerId", importedVolunteer),
                Map.of("name", "Tamu Umum", "origin", "Warga")))).status()).isEqualTo(200);

        // agreements: one in force; one still being explored and one that ended before the period do not count
        long inForce = agreement(staff, partner, TODAY.minusDays(100), TODAY.plusDays(200));
        for (String to : List.of("DRAFTING", "SIGNED", "ACTIVE")) {
            staff.post("/api/v1/agreements/" + inForce + "/transitions", Map.of("to", to));
        }
        agreement(staff, partner, null, null);
        long ended = agreement(staff, partner, TODAY.minusYears(3), TODAY.minusYears(2));
        for (String to : List.of("DRAFTING", "SIGNED", "ACTIVE")) {
            staff.post("/api/v1/agreements/" + ended + "/transitions", Map.of("to", to));
        }

        String period = "?from=" + TODAY.minusMonths(6) + "&to=" + TODAY;
        JsonNode figures = staff.get("/api/v1/partners/" + partner + "/contribution" + period).json();
        assertThat(figures.get("members").asLong()).isEqualTo(3);        // two sign-ups and the imported team member
        assertThat(figures.get("activeMembers").asLong()).isEqualTo(2);  // the reporter and the attendee
        assertThat(figures.get("reports").asLong()).isEqualTo(2);
        assertThat(figures.get("activities").asLong()).isEqualTo(1);
        assertThat(figures.get("agreementsInForce").asLong()).isEqualTo(1);

        JsonNode teamFigures = staff.get("/api/v1/teams/" + team + "/contribution" + period).json();
        assertThat(teamFigures.get("members").asLong()).isEqualTo(2);
        assertThat(teamFigures.get("activeMembers").asLong()).isEqualTo(1);
        assertThat(teamFigures.get("reports").asLong()).isZero();
        assertThat(teamFigures.get("activities").asLong()).isEqualTo(1);
        assertThat(teamFigures.get("agreementsInForce").asLong()).isEqualTo(1);

        JsonNode longAgo = staff.get("/api/v1/partners/" + partner + "/contribution?from=" + TODAY.minusYears(3)
                + "&to=" + TODAY.minusYears(2).plusDays(1)).json();
        assertThat(longAgo.get("reports").asLong()).isZero();
        assertThat(longAgo.get("activities").asLong()).isEqualTo(1);
        assertThat(longAgo.get("agreementsInForce").asLong()).isEqualTo(1);

        JsonNode region = staff.get("/api/v1/contributions?region=" + KUPANG + "&from=" + TODAY.minusMonths(6)).json();
        assertThat(region.get("items")).filteredOn(c -> c.get("id").asLong() == partner)
                .singleElement().satisfies(c -> assertThat(c.get("reports").asLong()).isEqualTo(2));
        JsonNode regionTeams = staff.get("/api/v1/contributions?subject=TEAM&region=" + KUPANG + "&from=" + TODAY.minusMonths(6)
                + "&size=100").json();
        assertThat(regionTeams.get("items")).filteredOn(c -> c.get("id").asLong() == team).singleElement().satisfies(c -> {
            assertThat(c.get("subject").asString()).isEqualTo("TEAM");
            assertThat(c.get("members").asLong()).isEqualTo(2);
            assertThat(c.get("activities").asLong()).isEqualTo(1);
        });
        assertThat(staff.get("/api/v1/contributions?subject=VILLAGE").json().get("errors").get(0).get("field").asString())
                .isEqualTo("subject");
        assertThat(staff.get("/api/v1/contributions?region=53.04").status()).as("a region outside the caller's").isEqualTo(403);

        Http browser = Http.browser(port);
        String csrf = browser.get("/login").csrfToken();
        browser.postForm("/login", "_csrf", csrf, "username", staffName, "password", Accounts.PASSWORD);
        Http.Response fragment = browser.get("/network/partners/" + partner + "/contribution?from=" + TODAY.minusMonths(6));
        assertThat(fragment.body()).contains("id=\"contribution-reports\">2<", "id=\"contribution-members\">3<");
        assertThat(browser.get("/network/teams/" + team + "/contribution?from=" + TODAY.minusMonths(6)).body())
                .contains("id=\"contribution-members\">2<", "id=\"contribution-active\">1<");
        assertThat(browser.get("/network/teams/" + team).body()).contains("id=\"contribution-figures\"");
        Http.Response overview = browser.get("/network/contributions?region=" + KUPANG + "&from=" + TODAY.minusMonths(6));
        assertThat(overview.status()).isEqualTo(200);
        String partnerRow = overview.body().replaceAll("(?s).*(<tr id=\"partners-" + partner + "\">.*?</tr>).*", "$1");
        assertThat(partnerRow.replaceAll("\\s+", " ")).contains("<td>3</td> <td>2</td> <td>2</td> <td>1</td> <td>1</td>");
        assertThat(overview.body()).contains("id=\"teams-" + team + "\"");
        assertThat(browser.get("/network/contributions?from=" + TODAY + "&to=" + TODAY.minusDays(1)).body())
                .contains("id=\"errors\"", "tidak boleh setelah tanggal akhir");

        assertThat(staff.get("/api/v1/partners/" + partner + "/contribution?from=" + TODAY + "&to=" + TODAY.minusDays(1))
                .json().get("errors").get(0).get("field").asString()).isEqualTo("from");
        String outsider = new Accounts(Http.api(port)).create("belu-staff", List.of("STAFF"), "53.04").token();
        assertThat(Http.api(port).bearer(outsider).get("/api/v1/partners/" + partner + "/contribution").status()).isEqualTo(403);
        assertThat(Http.api(port).get("/api/v1/partners/" + partner + "/contribution").status()).isEqualTo(401);
    }

    @Test
    void aReportStaysWithThePartnerAndTeamItWasFiledForWhenTheVolunteerMoves() {
        var staffAccount = new Accounts(Http.api(port)).create("kupang-staff", List.of("STAFF"), KUPANG);
        Http staff = Http.api(port).bearer(staffAccount.token());
        String firstName = Accounts.uniqueName("Yayasan Sumba Lestari");
        long first = staff.post("/api/v1/partners", Map.of("name", firstName, "type", "CSO", "regionCode", KUPANG))
                .json().get("id").asLong();
        long second = staff.post("/api/v1/partners", Map.of("name", Accounts.uniqueName("GMIT Klasis Kupang"),
                "type", "RELIGIOUS_GROUP", "regionCode", KUPANG)).json().get("id").asLong();
        String teamName = Accounts.uniqueName("Tim Pemantau Semau");
        long team = staff.post("/api/v1/teams", Map.of("name", teamName, "regionCode", KUPANG, "formedByPartnerId", first))
                .json().get("id").asLong();

        // a volunteer of the first partner reports, then moves to the second partner and reports again
        JsonNode mover = approve(staffAccount.token(), affiliated("Ferdinand Tefa", first));
        long moverId = mover.get("volunteer").get("id").asLong();
        String moverToken = tokenOf(mover);
        String before = report(moverToken, "sebelum pindah");
        assertThat(staff.put("/api/v1/volunteers/" + moverId, Map.of("name", "Ferdinand Tefa", "regionCode", KUPANG,
                "affiliationPartnerId", second)).status()).isEqualTo(200);
        report(moverToken, "sesudah pindah");

        // a team member without a partner of their own reports for the team and the partner that formed it
        JsonNode member = approve(staffAccount.token(), VolunteerFixtures.signup("Yuliana Nenobais", KUPANG));
        assertThat(staff.post("/api/v1/teams/" + team + "/members", Map.of("volunteerId", member.get("volunteer").get("id").asLong(),
                "role", "COORDINATOR", "origin", "COMMUNITY")).status()).isEqualTo(201);
        String forTeam = report(tokenOf(member), "anggota tim");

        JsonNode carried = staff.get("/api/v1/reports/" + before).json().get("affiliation");
        assertThat(carried.get("volunteerId").asLong()).isEqualTo(moverId);
        assertThat(carried.get("partner").get("id").asLong()).isEqualTo(first);
        assertThat(carried.get("partner").get("name").asString()).isEqualTo(firstName);
        JsonNode teamReport = staff.get("/api/v1/reports/" + forTeam).json().get("affiliation");
        assertThat(teamReport.get("partner").isNull()).isTrue();
        assertThat(teamReport.get("teams")).singleElement().satisfies(t -> {
            assertThat(t.get("id").asLong()).isEqualTo(team);
            assertThat(t.get("formedByPartnerId").asLong()).isEqualTo(first);
        });

        String period = "?from=" + TODAY.minusDays(1) + "&to=" + TODAY;
        JsonNode firstFigures = staff.get("/api/v1/partners/" + first + "/contribution" + period).json();
        assertThat(firstFigures.get("reports").asLong()).as("the report before the move and the team's").isEqualTo(2);
        assertThat(firstFigures.get("members").asLong()).as("the team member; the mover has left").isEqualTo(1);
        assertThat(firstFigures.get("activeMembers").asLong()).isEqualTo(1);
        JsonNode secondFigures = staff.get("/api/v1/partners/" + second + "/contribution" + period).json();
        assertThat(secondFigures.get("reports").asLong()).as("only the report after the move").isEqualTo(1);
        assertThat(secondFigures.get("members").asLong()).isEqualTo(1);
        assertThat(secondFigures.get("activeMembers").asLong()).isEqualTo(1);
        JsonNode teamFigures = staff.get("/api/v1/teams/" + team + "/contribution" + period).json();
        assertThat(teamFigures.get("reports").asLong()).isEqualTo(1);
        assertThat(teamFigures.get("activeMembers").asLong()).isEqualTo(1);

        // staff see it on the report's page; a report by anyone else carries no affiliation
        Http browser = Http.browser(port);
        String csrf = browser.get("/login").csrfToken();
        browser.postForm("/login", "_csrf", csrf, "username", staffAccount.username(), "password", Accounts.PASSWORD);
        assertThat(browser.get("/reports/" + before).body()).contains("Dilaporkan oleh relawan", "Relawan nomor " + moverId,
                firstName);
        Http.Response anonymous = Http.api(port).post("/api/v1/reports", Reports.with(Reports.moneyPoliticsInJember(),
                "regionCode", VILLAGE));
        assertThat(staff.get("/api/v1/reports/" + anonymous.json().get("id").asString()).json().get("affiliation").isNull()).isTrue();
    }

    private String tokenOf(JsonNode approval) {
        return new Accounts(Http.api(port)).token(approval.get("account").get("username").asString(),
                approval.get("account").get("initialPassword").asString());
    }

    private String report(String volunteerToken, String what) {
        Http.Response report = Http.api(port).bearer(volunteerToken).post("/api/v1/reports",
                Reports.with(Reports.moneyPoliticsInJember(), "regionCode", VILLAGE,
                        "description", "Pembagian uang oleh tim sukses di Semau, laporan relawan " + what));
        assertThat(report.status()).as(report.toString()).isEqualTo(201);
        return report.json().get("id").asString();
    }

    Map<String, Object> affiliated(String name, long partner) {
        Map<String, Object> body = VolunteerFixtures.signup(name, KUPANG);
        body.put("affiliationPartnerId", partner);
        return body;
    }

    JsonNode approve(String token, Map<String, Object> signup) {
        long id = VolunteerFixtures.signUp(port, signup).get("id").asLong();
        Http.Response approval = Http.api(port).bearer(token).post("/api/v1/volunteers/" + id + "/approve", "");
        assertThat(approval.status()).as(approval.toString()).isEqualTo(200);
        return approval.json();
    }

    long activity(Http staff, long partner, LocalDate date) {
        Http.Response created = staff.post("/api/v1/activities", Map.of("type", "SARASEHAN",
                "title", "Sarasehan netralitas ASN", "date", date.toString(), "regionCode", KUPANG, "online", false,
                "place", "Aula Undana", "organiserPartnerIds", List.of(partner), "topics", List.of("NEUTRALITY_ASN"),
                "participantCount", 40));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    long agreement(Http staff, long partner, LocalDate signedOn, LocalDate validUntil) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "MoU " + Accounts.uniqueName("Undana"));
        body.put("regionCode", KUPANG);
        body.put("partnerIds", List.of(partner));
        body.put("cooperationPoints", List.of("SUPERVISOR_INVOLVEMENT"));
        body.put("signedOn", signedOn == null ? null : signedOn.toString());
        body.put("validUntil", validUntil == null ? null : validUntil.toString());
        Http.Response created = staff.post("/api/v1/agreements", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }
}
