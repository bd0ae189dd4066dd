package id.pantau.region;

import java.util.Map;

import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The public region API over HTTP, against the official data set loaded by the migration. */
@IntegrationTest
class RegionApiTest {

    @Value("${local.server.port}")
    int port;
    Http api;

    @BeforeEach
    void client() {
        api = Http.api(port);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"province, 38", "regency, 514", "district, 7285", "village, 83762"})
    void everyOfficialRegionIsLoaded(String level, int count) {
        Http.Response response = api.get("/api/v1/regions?level=" + level + "&size=1");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("total").asInt()).isEqualTo(count);
    }

    @Test
    void aVillageLeadsUpToItsProvince() {
        JsonNode village = api.get("/api/v1/regions/35.09.01.2001").json();
        assertThat(village.get("name").asString()).isEqualTo("Padomasan");
        assertThat(village.get("level").asString()).isEqualTo("village");
        assertThat(village.get("timeZone").asString()).isEqualTo("Asia/Jakarta");

        String code = "35.09.01.2001";
        StringBuilder chain = new StringBuilder(code);
        while (true) {
            JsonNode region = api.get("/api/v1/regions/" + code).json();
            if (region.get("parentCode").isNull()) {
                break;
            }
            code = region.get("parentCode").asString();
            chain.append(" -> ").append(code);
        }
        assertThat(chain).hasToString("35.09.01.2001 -> 35.09.01 -> 35.09 -> 35");
    }

    @Test
    void jemberHasThirtyOneDistricts() {
        JsonNode page = api.get("/api/v1/regions?parent=35.09&size=100").json();

        assertThat(page.get("total").asInt()).isEqualTo(31);
        assertThat(page.get("items")).hasSize(31);
        assertThat(page.get("items").get(0).get("parentCode").asString()).isEqualTo("35.09");
        assertThat(page.get("items").get(0).get("level").asString()).isEqualTo("district");
    }

    @Test
    void listsPageThroughResults() {
        JsonNode first = api.get("/api/v1/regions?parent=35.09&size=10&page=0").json();
        JsonNode last = api.get("/api/v1/regions?parent=35.09&size=10&page=3").json();

        assertThat(first.get("items")).hasSize(10);
        assertThat(last.get("items")).hasSize(1);
        assertThat(last.get("total").asInt()).isEqualTo(31);
        assertThat(last.get("page").asInt()).isEqualTo(3);
    }

    @Test
    void aParentWithALevelListsDescendantsAtThatLevel() {
        JsonNode villagesOfJember = api.get("/api/v1/regions?parent=35.09&level=village&size=1").json();

        assertThat(villagesOfJember.get("total").asInt()).isEqualTo(248);
    }

    @ParameterizedTest(name = "time zone of {0} is {1}")
    @CsvSource({"35.09, Asia/Jakarta", "51.71, Asia/Makassar", "91.03, Asia/Jayapura", "64, Asia/Makassar", "61, Asia/Jakarta"})
    void everyRegionKeepsItsProvincesTimeZone(String code, String zone) {
        assertThat(api.get("/api/v1/regions/" + code).json().get("timeZone").asString()).isEqualTo(zone);
    }

    @Test
    void searchFindsJemberIgnoringCaseAndAccents() {
        for (String query : new String[]{"jember", "JEMBER", "Jémber", "  jember "}) {
            JsonNode result = api.get("/api/v1/regions/search?" + Http.query(Map.of("q", query, "level", "regency"))).json();

            assertThat(result.get("total").asInt()).as(query).isEqualTo(1);
            assertThat(result.get("items").get(0).get("code").asString()).isEqualTo("35.09");
        }
    }

    @Test
    void searchRanksExactNamesAndHigherLevelsFirstAndMatchesPrefixes() {
        JsonNode result = api.get("/api/v1/regions/search?q=jemb").json();

        assertThat(result.get("items").get(0).get("code").asString()).isEqualTo("35.09");
    }

    @Test
    void searchIgnoresApostrophes() {
        JsonNode result = api.get("/api/v1/regions/search?" + Http.query(Map.of("q", "regapu'u"))).json();

        assertThat(result.get("items").get(0).get("name").asString()).isEqualTo("Regapu’u");
    }

    @Test
    void locateFindsTheRegionsContainingAPoint() {
        JsonNode found = api.get("/api/v1/regions/locate?lat=-8.17&lon=113.70").json();

        assertThat(found.get("province").get("code").asString()).isEqualTo("35");
        assertThat(found.get("regency").get("code").asString()).isEqualTo("35.09");
        assertThat(found.get("district").get("code").asString()).startsWith("35.09.");
    }

    @Test
    void aPointOutsideIndonesiaIsNotFound() {
        Http.Response response = api.get("/api/v1/regions/locate?lat=51.5&lon=-0.12");

        assertProblem(response, 404);
    }

    @Test
    void anUnknownCodeIsNotFound() {
        Http.Response response = api.get("/api/v1/regions/35.99");

        assertProblem(response, 404);
        assertThat(response.json().get("detail").asString()).contains("35.99");
    }

    @ParameterizedTest
    @CsvSource({"3", "35.9", "35.09.1", "35.09.01.201", "ab", "35..09"})
    void aMalformedCodeIsABadRequestNamingTheField(String code) {
        Http.Response response = api.get("/api/v1/regions/" + code);

        assertProblem(response, 400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
    }

    @Test
    void badQueryParametersNameTheirField() {
        assertThat(fieldOf(api.get("/api/v1/regions?size=0"))).isEqualTo("size");
        assertThat(fieldOf(api.get("/api/v1/regions?size=5000"))).isEqualTo("size");
        assertThat(fieldOf(api.get("/api/v1/regions?page=-1"))).isEqualTo("page");
        assertThat(fieldOf(api.get("/api/v1/regions?level=city"))).isEqualTo("level");
        assertThat(fieldOf(api.get("/api/v1/regions?parent=35.x"))).isEqualTo("parent");
        assertThat(fieldOf(api.get("/api/v1/regions?parent=35.09.01.2001"))).isEqualTo("parent");
        assertThat(fieldOf(api.get("/api/v1/regions?parent=35.09&level=province"))).isEqualTo("level");
        assertThat(fieldOf(api.get("/api/v1/regions/search?q=j"))).isEqualTo("q");
        assertThat(fieldOf(api.get("/api/v1/regions/search"))).isEqualTo("q");
        assertThat(fieldOf(api.get("/api/v1/regions/locate?lat=-95&lon=113"))).isEqualTo("lat");
        assertThat(fieldOf(api.get("/api/v1/regions/locate?lat=x&lon=113"))).isEqualTo("lat");
    }

    @Test
    void aRegencyServesTheOutlinesOfItsDistricts() {
        Http.Response response = api.get("/api/v1/regions/35.09/children.geojson");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/geo+json");
        JsonNode collection = response.json();
        assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(collection.get("features")).hasSize(31);
        JsonNode first = collection.get("features").get(0);
        assertThat(first.get("properties").get("code").asString()).startsWith("35.09.");
        assertThat(first.get("geometry").get("type").asString()).isIn("Polygon", "MultiPolygon");
    }

    @Test
    void theNationalMapHasEveryProvinceAndRegency() {
        assertThat(api.get("/api/v1/regions/boundaries.geojson").json().get("features")).hasSize(38);
        assertThat(api.get("/api/v1/regions/boundaries.geojson?level=regency").json().get("features")).hasSize(514);
        assertProblem(api.get("/api/v1/regions/boundaries.geojson?level=village"), 400);
    }

    @Test
    void aRegionServesItsOwnOutline() {
        JsonNode feature = api.get("/api/v1/regions/35.09/boundary.geojson").json();

        assertThat(feature.get("type").asString()).isEqualTo("Feature");
        assertThat(feature.get("id").asString()).isEqualTo("35.09");
        assertProblem(api.get("/api/v1/regions/35.09.01.2001/boundary.geojson"), 404);
        assertProblem(api.get("/api/v1/regions/35.09.01/children.geojson"), 404);
    }

    @Test
    void boundariesAreCacheableAndCompressed() {
        Http.Response first = api.header("Accept-Encoding", "gzip").get("/api/v1/regions/35/children.geojson");

        assertThat(first.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(first.header("Cache-Control")).contains("max-age");
        Http.Response again = api.header("If-None-Match", first.header("ETag")).get("/api/v1/regions/35/children.geojson");
        assertThat(again.status()).isEqualTo(304);
    }

    private static String fieldOf(Http.Response response) {
        assertProblem(response, 400);
        return response.json().get("errors").get(0).get("field").asString();
    }

    static void assertProblem(Http.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("title").asString()).isNotBlank();
    }
}
