package id.pantau;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.pantau.shared.MissingSettingsException;
import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo data set: what a newcomer sees after {@code PANTAU_DEMO=true ./mvnw spring-boot:run}
 * (the dev profile on a fresh data directory, as they would run it), loaded once; and production
 * refusing the flag.
 */
class DemoDataTest {

    /** What the demo writes, table by table: a second start must leave every count as it was. */
    private static final List<String> TABLES = List.of("ikp_edition", "ikp_score", "partner", "agreement", "agreement_event",
            "volunteer", "team", "team_member", "cohort_member", "activity", "report", "incident", "legal_case", "case_event",
            "insight_report", "demo_data_part", "demo_record");

    @Test
    void productionRefusesTheDemoFlagWithOneMessage() {
        assertThatThrownBy(() -> start("--pantau.demo=true").close())
                .isInstanceOf(MissingSettingsException.class)
                .hasMessage("PANTAU_DEMO=true loads synthetic demo data, which is never for production")
                .satisfies(e -> assertThat(((MissingSettingsException) e).action())
                        .contains("Remove PANTAU_DEMO", "PANTAU_DEMO=true ./mvnw spring-boot:run"));
    }

    @Test
    void theDevProfileLoadsALivingDataSetOnce(@TempDir Path data) {
        String[] dev = {"--spring.profiles.active=dev", "--pantau.dev.data-dir=" + data, "--pantau.demo=true",
                "--pantau.bootstrap.admin.username=" + TestDatabaseInitializer.ADMIN_USERNAME,
                "--pantau.bootstrap.admin.password=" + TestDatabaseInitializer.ADMIN_PASSWORD};
        Map<String, Long> loaded;
        try (ConfigurableApplicationContext app = start(dev)) {
            Http anyone = Http.api(port(app));
            Http staff = anyone.bearer(new Accounts(anyone).adminToken());

            // the IKP map opens on the synthetic edition, which scores every province and regency/city
            JsonNode editions = anyone.get("/api/v1/vulnerability/editions").json().get("items");
            long demo = editions.valueStream().filter(e -> e.get("name").asString().contains("(sintetis)"))
                    .findFirst().orElseThrow().get("id").asLong();
            assertThat(anyone.get("/api/v1/vulnerability/editions/" + demo + "/scores?level=regency").json().get("total").asLong())
                    .isEqualTo(514);
            assertThat(anyone.get("/api/v1/vulnerability/editions/" + demo + "/scores?level=province").json().get("total").asLong())
                    .isEqualTo(38);
            assertThat(anyone.get("/ikp").body()).contains("value=\"" + demo + "\" selected");
            // the seeded, real editions got no synthetic scores
            editions.valueStream().filter(e -> e.get("id").asLong() != demo).forEach(e -> assertThat(
                    anyone.get("/api/v1/vulnerability/editions/" + e.get("id").asLong() + "/scores?level=regency")
                            .json().get("total").asLong()).isZero());

            // reports over two months, grouped into incidents, in the case queue at various stages
            JsonNode byDay = staff.get("/api/v1/stats/reports?groupBy=day&from=" + LocalDate.now(ZoneId.of("Asia/Jakarta")).minusDays(59)).json();
            assertThat(byDay.get("total").asLong()).isGreaterThan(1_500);
            assertThat(byDay.get("items").size()).isGreaterThan(50);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from incident").query(Long.class).single()).isGreaterThan(100);
            assertThat(jdbc.sql("select count(distinct stage) from legal_case").query(Long.class).single()).isGreaterThanOrEqualTo(8);
            assertThat(staff.get("/api/v1/cases").json().get("total").asLong()).isGreaterThan(100);
            assertThat(staff.get("/api/v1/reports?q=DEMO").json().get("total").asLong()).isGreaterThan(1_500);

            // early warning names the two regencies whose reports surge in the last week
            assertThat(staff.get("/api/v1/alerts").json().get("items").valueStream().map(a -> a.get("regionCode").asString()))
                    .contains("35.09", "73.71");

            // the live index of the demo edition reads the same incidents: the surging Jember is not low
            JsonNode live = staff.get("/api/v1/vulnerability/live?level=regency&parent=35").json();
            assertThat(live.get("editionId").asLong()).isEqualTo(demo);
            JsonNode jember = live.get("items").valueStream().filter(r -> r.get("regionCode").asString().equals("35.09"))
                    .findFirst().orElseThrow();
            assertThat(jember.get("incidents").asLong()).isGreaterThanOrEqualTo(20);
            assertThat(jember.get("category").asString()).isNotEqualTo("LOW");

            // the network: partners, agreements in every state with some about to expire, teams, volunteers
            assertThat(staff.get("/api/v1/partners").json().get("total").asLong()).isEqualTo(10);
            assertThat(staff.get("/api/v1/agreements").json().get("items").valueStream().map(a -> a.get("status").asString()))
                    .contains("EXPLORING", "DRAFTING", "SIGNED", "ACTIVE", "EXPIRED", "TERMINATED");
            assertThat(staff.get("/api/v1/agreements?expiring=30").json().get("total").asLong()).isEqualTo(2);
            assertThat(staff.get("/api/v1/volunteers?status=PENDING").json().get("total").asLong()).isPositive();
            assertThat(staff.get("/api/v1/volunteers?status=APPROVED").json().get("total").asLong()).isPositive();
            assertThat(staff.get("/api/v1/teams").json().get("items").valueStream().mapToLong(t -> t.get("memberCount").asLong()))
                    .allMatch(members -> members > 0).hasSize(2);
            assertThat(staff.get("/api/v1/cohorts").json().get("total").asLong()).isEqualTo(1);
            assertThat(staff.get("/api/v1/activities").json().get("total").asLong()).isEqualTo(4);

            // the pages a signed-in newcomer opens first
            Http browser = Http.browser(port(app));
            assertThat(browser.postForm("/login", "_csrf", browser.get("/login").csrfToken(),
                    "username", TestDatabaseInitializer.ADMIN_USERNAME, "password", TestDatabaseInitializer.ADMIN_PASSWORD).status())
                    .isEqualTo(302);
            Map.of("/reports", "[DEMO]", "/network/partners", "[DEMO] BPBD Kabupaten Jember", "/cases", "urgency-overdue",
                    "/dashboard", "Kabupaten Jember").forEach((page, shown) -> {
                Http.Response response = browser.get(page);
                assertThat(response.status()).as(page).isEqualTo(200);
                assertThat(response.body()).as(page).contains(shown);
            });

            // everything is labelled synthetic
            assertThat(jdbc.sql("select count(*) from report where title not like '[DEMO] %'").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from partner where name not like '[DEMO] %'").query(Long.class).single()).isZero();
            loaded = counts(jdbc);
        }

        try (ConfigurableApplicationContext again = start(dev)) {
            assertThat(counts(again.getBean(JdbcClient.class))).isEqualTo(loaded);
        }
    }

    private static Map<String, Long> counts(JdbcClient jdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.forEach(table -> counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single()));
        return counts;
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port", "0"));
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] web = java.util.Arrays.copyOf(args, args.length + 2);
        web[args.length] = "--server.port=0";
        web[args.length + 1] = "--server.tomcat.basedir=target/tomcat";
        return new SpringApplicationBuilder(PantauApplication.class).run(web);
    }
}
