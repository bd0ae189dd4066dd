package id.pantau.network;

import java.nio.charset.StandardCharsets;
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
import static org.assertj.core.api.Assertions.tuple;

/** The CSV import of team members: valid rows in, invalid rows listed, nothing half-written. */
@IntegrationTest
class MemberImportApiTest {

    /** Kabupaten Kotawaringin Barat, Kalimantan Tengah, and two of its villages. */
    static final String KOBAR = "62.01";
    static final String VILLAGE = "62.01.01.1011";

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    private Accounts.Created coordinator() {
        return new Accounts(Http.api(port)).create("koord", List.of("COORDINATOR"), KOBAR);
    }

    private long team(Accounts.Created coordinator) {
        Http.Response team = Http.api(port).bearer(coordinator.token()).post("/api/v1/teams",
                Map.of("name", "Tim Kobar " + Accounts.uniqueName("t"), "regionCode", KOBAR));
        assertThat(team.status()).as(team.toString()).isEqualTo(201);
        return team.json().get("id").asLong();
    }

    private Http.Response upload(Accounts.Created coordinator, long team, String filename, String contentType, byte[] content) {
        return Http.api(port).bearer(coordinator.token()).postMultipart("/api/v1/teams/" + team + "/members/import", Map.of(),
                List.of(new Http.Part("file", filename, contentType, content)));
    }

    private long volunteersNamed(String prefix) {
        return jdbc.sql("select count(*) from volunteer where name like ?").param(prefix + "%").query(Long.class).single();
    }

    @Test
    void validRowsAreImportedAndEveryInvalidRowIsListedAndWritesNothing() {
        Accounts.Created coordinator = coordinator();
        long team = team(coordinator);
        String tag = "Imp" + Accounts.uniqueName("").replace("-", "");
        String good1 = VolunteerFixtures.phone();
        String good2 = VolunteerFixtures.phone();
        String csv = """
                name,phone,regionCode,role,origin,tps
                %1$s Ani,%2$s,%4$s,COORDINATOR,OPD,4
                %1$s Budi,0812,62.01.01,MEMBER,COMMUNITY,
                %1$s Citra,%3$s,62.01.02,operator,activist,
                %1$s Dodi,%5$s,63.01,MEMBER,COMMUNITY,
                %1$s Eka,%6$s,62.01.01,CHIEF,COMMUNITY,
                %1$s Fajar,%2$s,62.01.01,MEMBER,COMMUNITY,
                %1$s Gita,%7$s,62.01.01,COORDINATOR,PARTNER,
                ,%8$s,62.01.01,MEMBER,ALIEN,9
                """.formatted(tag, good1, good2, VILLAGE, VolunteerFixtures.phone(), VolunteerFixtures.phone(),
                VolunteerFixtures.phone(), VolunteerFixtures.phone());

        Http.Response result = upload(coordinator, team, "anggota.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        assertThat(result.json().get("imported").asInt()).isEqualTo(2);
        JsonNode rejected = result.json().get("rejected");
        assertThat(rejected).extracting(r -> r.get("row").asInt(), r -> r.get("field").asString()).containsExactly(
                tuple(3, "phone"),                 // too short
                tuple(5, "regionCode"),            // outside the team's region
                tuple(6, "role"),                  // CHIEF
                tuple(7, "phone"),                 // the same number as row 2
                tuple(8, "role"),                  // a second coordinator
                tuple(9, "name"), tuple(9, "origin"), tuple(9, "tps")); // no name, ALIEN, TPS without a village
        assertThat(rejected.get(0).get("message").asString()).contains("Indonesian phone number");

        // the good rows are approved volunteers without accounts, and members with their assignments
        List<String> imported = jdbc.sql("""
                        select v.name || ' ' || v.status || ' ' || v.source || ' ' || coalesce(v.account_id::text, '-') || ' '
                               || m.role || ' ' || m.origin || ' ' || coalesce(m.area_code, '-') || ' ' || coalesce(m.tps::text, '-')
                        from volunteer v join team_member m on m.volunteer_id = v.id where m.team_id = ? order by v.name""")
                .param(team).query(String.class).list();
        assertThat(imported).containsExactly(
                tag + " Ani APPROVED IMPORT - COORDINATOR OPD " + VILLAGE + " 4",
                tag + " Citra APPROVED IMPORT - OPERATOR ACTIVIST 62.01.02 -");
        assertThat(volunteersNamed(tag)).as("nothing of the bad rows").isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from volunteer where phone_masked = ?").param(good1.substring(0, 4) + "*****"
                + good1.substring(9)).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select details ->> 'imported' from audit_event where action = 'TEAM_MEMBERS_IMPORTED' and subject = ?")
                .param("team:" + team).query(String.class).single()).isEqualTo("2");

        // the export has what was imported, in the import's columns
        Http.Response export = Http.api(port).bearer(coordinator.token()).get("/api/v1/teams/" + team + "/members.csv");
        assertThat(export.body().lines().skip(1).map(l -> l.split(",")[0])).containsExactly(tag + " Ani", tag + " Citra");
    }

    @Test
    void aSemicolonFileFromASpreadsheetIsReadToo() {
        Accounts.Created coordinator = coordinator();
        long team = team(coordinator);
        String tag = "Semi" + Accounts.uniqueName("").replace("-", "");
        String csv = "\uFEFFName;Phone;RegionCode;Role;Origin\r\n" + tag + " Hana;" + VolunteerFixtures.phone() + ";62.01.01;MEMBER;OPD\r\n";

        Http.Response result = upload(coordinator, team, "anggota.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        assertThat(result.json().get("imported").asInt()).isEqualTo(1);
        assertThat(result.json().get("rejected")).isEmpty();
        assertThat(volunteersNamed(tag)).isEqualTo(1);
    }

    @Test
    void aFileThatIsNotTheMemberCsvIsRefusedNamingTheFile() {
        Accounts.Created coordinator = coordinator();
        long team = team(coordinator);
        String tag = "Bad" + Accounts.uniqueName("").replace("-", "");

        Http.Response wrongHeader = upload(coordinator, team, "a.csv", "text/csv",
                ("nama,hp,wilayah\n" + tag + ",081234567890,62.01\n").getBytes(StandardCharsets.UTF_8));
        Http.Response missingColumn = upload(coordinator, team, "a.csv", "text/csv",
                ("name,phone,regionCode,role\n" + tag + ",081234567890,62.01,MEMBER\n").getBytes(StandardCharsets.UTF_8));
        Http.Response binary = upload(coordinator, team, "a.csv", "text/csv", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xff});
        Http.Response empty = upload(coordinator, team, "a.csv", "text/csv", new byte[0]);
        Http.Response noFile = Http.api(port).bearer(coordinator.token()).postMultipart("/api/v1/teams/" + team + "/members/import",
                Map.of("other", "x"), List.of());

        for (Http.Response response : List.of(wrongHeader, missingColumn, binary, empty, noFile)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(VolunteerFixtures.fields(response)).containsExactly("file");
        }
        assertThat(missingColumn.json().get("errors").get(0).get("message").asString()).contains("origin");
        assertThat(volunteersNamed(tag)).isZero();
    }

    @Test
    void tooManyRowsAreRefusedWhole() {
        Accounts.Created coordinator = coordinator();
        long team = team(coordinator);
        String tag = "Many" + Accounts.uniqueName("").replace("-", "");
        StringBuilder csv = new StringBuilder("name,phone,regionCode,role,origin\n");
        for (int i = 0; i < 5_001; i++) {
            csv.append(tag).append(" ").append(i).append(",0813").append(String.format("%08d", i)).append(",62.01,MEMBER,OPD\n");
        }

        Http.Response refused = upload(coordinator, team, "a.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("code").asString()).isEqualTo("file.tooManyRows");
        assertThat(volunteersNamed(tag)).isZero();
    }

    @Test
    void aDatabaseFailureHalfwayWritesNothing() {
        Accounts.Created coordinator = coordinator();
        long team = team(coordinator);
        String tag = "Fail" + Accounts.uniqueName("").replace("-", "");
        // the database refuses the third member of this team only, after two were written
        jdbc.sql("""
                create function pantau_test_refuse_third_%1$d() returns trigger language plpgsql as $$
                begin
                    if (select count(*) from team_member where team_id = %1$d) >= 2 then
                        raise exception 'refused by test';
                    end if;
                    return new;
                end $$""".formatted(team)).update();
        jdbc.sql("""
                create trigger pantau_test_refuse_third_%1$d before insert on team_member for each row
                when (new.team_id = %1$d) execute function pantau_test_refuse_third_%1$d()""".formatted(team)).update();
        try {
            String csv = "name,phone,regionCode,role,origin\n"
                    + tag + " A," + VolunteerFixtures.phone() + ",62.01.01,MEMBER,OPD\n"
                    + tag + " B," + VolunteerFixtures.phone() + ",62.01.01,MEMBER,OPD\n"
                    + tag + " C," + VolunteerFixtures.phone() + ",62.01.01,MEMBER,OPD\n";

            Http.Response failed = upload(coordinator, team, "a.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

            assertThat(failed.status()).isEqualTo(500);
            assertThat(volunteersNamed(tag)).isZero();
            assertThat(jdbc.sql("select count(*) from team_member where team_id = ?").param(team).query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from audit_event where action = 'TEAM_MEMBERS_IMPORTED' and subject = ?")
                    .param("team:" + team).query(Long.class).single()).isZero();
        } finally {
            jdbc.sql("drop trigger pantau_test_refuse_third_%1$d on team_member".formatted(team)).update();
            jdbc.sql("drop function pantau_test_refuse_third_%1$d()".formatted(team)).update();
        }
    }

    @Test
    void onlyTheTeamsManagersImport() {
        Accounts.Created coordinator = coordinator();
        long team = team(coordinator);
        Accounts.Created elsewhere = new Accounts(Http.api(port)).create("koord", List.of("COORDINATOR"), "62.02");
        Accounts.Created analyst = new Accounts(Http.api(port)).create("analis", List.of("ANALYST"), KOBAR);
        byte[] csv = ("name,phone,regionCode,role,origin\nX Y," + VolunteerFixtures.phone() + ",62.01,MEMBER,OPD\n")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(upload(elsewhere, team, "a.csv", "text/csv", csv).status()).isEqualTo(403);
        assertThat(upload(analyst, team, "a.csv", "text/csv", csv).status()).isEqualTo(403);
        assertThat(upload(coordinator, 987654321, "a.csv", "text/csv", csv).status()).isEqualTo(404);
        assertThat(Http.api(port).postMultipart("/api/v1/teams/" + team + "/members/import", Map.of(),
                List.of(new Http.Part("file", "a.csv", "text/csv", csv))).status()).isEqualTo(401);
        assertThat(Http.api(port).bearer(elsewhere.token()).get("/api/v1/teams/" + team + "/members.csv").status()).isEqualTo(403);
    }
}
