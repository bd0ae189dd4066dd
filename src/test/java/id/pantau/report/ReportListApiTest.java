package id.pantau.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff list, GET /api/v1/reports: each filter, paging and the region scope. The reports are
 * in Blitar (35.05), where no other test reports, so the counts are exact.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportListApiTest {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    @Value("${local.server.port}")
    int port;
    @Autowired
    ReportStatuses statuses;

    Http admin;
    Http districtStaff;
    String moneyInJaten;
    String neutralityInSalam;
    String identifiedElsewhere;

    @BeforeAll
    void threeReportsInBlitar() {
        moneyInJaten = Reports.submit(port, Reports.with(Reports.moneyPoliticsInJember(), "regionCode", "35.05.01.2001",
                "title", "Amplop di Jaten")).get("id").asString();
        neutralityInSalam = Reports.submit(port, Reports.with(Reports.moneyPoliticsInJember(), "regionCode", "35.05.01.2002",
                "category", "NEUTRALITY", "subcategory", "NEUTRALITY_ASN", "title", "Camat berkampanye",
                "description", "Camat hadir berseragam dalam kampanye terbuka calon bupati di lapangan desa.")).get("id").asString();
        identifiedElsewhere = Reports.submit(port, Reports.identified(Reports.with(Reports.moneyPoliticsInJember(),
                "regionCode", "35.05.02.2001", "title", "Uang di pasar"))).get("id").asString();
        statuses.record(UUID.fromString(neutralityInSalam), ReportStatus.UNDER_REVIEW, null, Instant.now());

        var accounts = new Accounts(Http.api(port));
        admin = Http.api(port).bearer(accounts.adminToken());
        districtStaff = Http.api(port).bearer(accounts.create("blitar-district", List.of("STAFF"), "35.05.01").token());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "region=35.05                                  | 3",
            "region=35.05.01                               | 2",
            "region=35.05.01.2002                          | 1",
            "region=35.05&category=MONEY_POLITICS          | 2",
            "region=35.05&category=NEUTRALITY              | 1",
            "region=35.05&kind=LAPORAN                     | 1",
            "region=35.05&kind=INFORMASI_AWAL              | 2",
            "region=35.05&status=RECEIVED                  | 2",
            "region=35.05&status=UNDER_REVIEW              | 1",
            "region=35.05&status=CLOSED                    | 0",
            "region=35.05&category=MONEY_POLITICS&kind=LAPORAN&status=RECEIVED | 1"})
    void eachFilterNarrowsTheList(String query, int expected) {
        JsonNode page = list(admin, "/api/v1/reports?" + query);

        assertThat(page.get("total").asInt()).isEqualTo(expected);
        assertThat(page.get("items")).hasSize(expected);
    }

    @Test
    void datesAndDateTimesBoundTheTimeReceived() {
        LocalDate today = LocalDate.now(WIB);
        OffsetDateTime inAnHour = OffsetDateTime.now(WIB).plusHours(1);

        assertThat(total("region=35.05&from=" + today)).isEqualTo(3);
        assertThat(total("region=35.05&to=" + today)).as("a date as 'to' takes in that whole day").isEqualTo(3);
        assertThat(total("region=35.05&to=" + today.minusDays(1))).isZero();
        assertThat(total("region=35.05&from=" + today.minusDays(7) + "&to=" + today.minusDays(1))).isZero();
        assertThat(total("region=35.05&" + Http.query(Map.of("from", inAnHour.toString())))).isZero();
        assertThat(total("region=35.05&" + Http.query(Map.of("to", inAnHour.toString())))).isEqualTo(3);
    }

    @Test
    void emptyFiltersMeanAny() {
        assertThat(total("region=35.05&category=&status=&kind=&from=&to=&q=")).isEqualTo(3);
        assertThat(list(districtStaff, "/api/v1/reports?region=&category=MONEY_POLITICS&size=1000").get("items"))
                .allSatisfy(r -> assertThat(r.get("regionCode").asString()).startsWith("35.05.01."));
    }

    @Test
    void pagesComeNewestFirst() {
        JsonNode first = list(admin, "/api/v1/reports?region=35.05&size=2&page=0");
        JsonNode second = list(admin, "/api/v1/reports?region=35.05&size=2&page=1");

        assertThat(first.get("total").asInt()).isEqualTo(3);
        assertThat(first.get("items")).extracting(r -> r.get("id").asString())
                .containsExactly(identifiedElsewhere, neutralityInSalam);
        assertThat(second.get("items")).extracting(r -> r.get("id").asString()).containsExactly(moneyInJaten);
        assertThat(second.get("page").asInt()).isEqualTo(1);
    }

    @Test
    void staffSeeTheirSubtreeOnly() {
        JsonNode page = list(districtStaff, "/api/v1/reports?category=MONEY_POLITICS&size=1000");

        assertThat(page.get("items")).extracting(r -> r.get("id").asString())
                .contains(moneyInJaten).doesNotContain(identifiedElsewhere);
        assertThat(page.get("items")).allSatisfy(r -> assertThat(r.get("regionCode").asString()).startsWith("35.05.01."));
        assertThat(districtStaff.get("/api/v1/reports?region=35.05").status()).isEqualTo(403);
        assertThat(districtStaff.get("/api/v1/reports?region=35.05.02").status()).isEqualTo(403);
    }

    @ParameterizedTest(name = "{0} is refused, naming {1}")
    @CsvSource(delimiter = '|', value = {
            "status=LOST                          | status",
            "category=BRIBERY                     | category",
            "kind=GOSSIP                          | kind",
            "from=kemarin                         | from",
            "to=2026-13-01                        | to",
            "from=2026-11-27&to=2026-11-20        | to",
            "region=35.5                          | region",
            "size=0                               | size"})
    void badFiltersAreRefusedNamingTheField(String query, String field) {
        Http.Response response = admin.get("/api/v1/reports?" + query);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors")).extracting(e -> e.get("field").asString()).containsExactly(field);
    }

    private long total(String query) {
        return list(admin, "/api/v1/reports?" + query).get("total").asLong();
    }

    private static JsonNode list(Http client, String path) {
        Http.Response response = client.get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
