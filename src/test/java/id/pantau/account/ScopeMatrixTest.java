package id.pantau.account;

import java.util.List;
import java.util.Map;

import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may touch what, over HTTP: a national administrator, staff of the province 35 (Jawa Timur),
 * staff of the regency 35.09 (Jember) and staff of 33.01 (Cilacap, another province), against
 * accounts and regions inside and outside their subtrees.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeMatrixTest {

    @Value("${local.server.port}")
    int port;
    Http api;
    Map<String, String> tokens;
    Map<String, Long> targets;

    @BeforeAll
    void actorsAndTargets() {
        api = Http.api(port);
        var accounts = new Accounts(api);
        tokens = Map.of(
                "national-admin", accounts.adminToken(),
                "staff-35", accounts.create("staff-35", List.of("STAFF"), "35").token(),
                "staff-35.09", accounts.create("staff-3509", List.of("STAFF"), "35.09").token(),
                "staff-33.01", accounts.create("staff-3301", List.of("STAFF"), "33.01").token());
        targets = Map.of(
                "35.09.01", accounts.create("target", List.of("VOLUNTEER"), "35.09.01").id(),
                "35.10", accounts.create("target", List.of("VOLUNTEER"), "35.10").id(),
                "35", accounts.create("target", List.of("STAFF"), "35").id(),
                "33.01.01", accounts.create("target", List.of("VOLUNTEER"), "33.01.01").id());
    }

    @ParameterizedTest(name = "{0} reads the account in {1}: {2}")
    @CsvSource({
            "national-admin, 35.09.01, 200", "national-admin, 35.10, 200", "national-admin, 35, 200", "national-admin, 33.01.01, 200",
            "staff-35,       35.09.01, 200", "staff-35,       35.10, 200", "staff-35,       35, 200", "staff-35,       33.01.01, 403",
            "staff-35.09,    35.09.01, 200", "staff-35.09,    35.10, 403", "staff-35.09,    35, 403", "staff-35.09,    33.01.01, 403",
            "staff-33.01,    35.09.01, 403", "staff-33.01,    35.10, 403", "staff-33.01,    35, 403", "staff-33.01,    33.01.01, 200"})
    void readingAnAccount(String actor, String targetRegion, int status) {
        Http.Response response = api.bearer(tokens.get(actor)).get("/api/v1/users/" + targets.get(targetRegion));

        assertThat(response.status()).as(response.toString()).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} creates an account in {1}: {2}")
    @CsvSource({
            "national-admin, 35.09.01, 201", "national-admin, national, 201",
            "staff-35,       35.09.01, 201", "staff-35,       36, 403", "staff-35, national, 403",
            "staff-35.09,    35.09.01, 201", "staff-35.09,    35.10, 403", "staff-35.09, 35, 403",
            "staff-33.01,    33.01.05, 201", "staff-33.01,    35.09.01, 403"})
    void creatingAnAccount(String actor, String region, int status) {
        Http.Response response = api.bearer(tokens.get(actor)).post("/api/v1/users", Map.of(
                "username", Accounts.uniqueName("made-by-" + actor.replace('.', '-')), "password", Accounts.PASSWORD,
                "roles", List.of("VOLUNTEER"), "regionCode", region.equals("national") ? "" : region));

        assertThat(response.status()).as(response.toString()).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} changes the account in {1}: {2}")
    @CsvSource({
            "national-admin, 35.10, 200",
            "staff-35,       35.10, 200",
            "staff-35.09,    35.10, 403",
            "staff-33.01,    35.10, 403",
            "staff-35.09,    35.09.01, 200"})
    void changingAnAccount(String actor, String targetRegion, int status) {
        Http.Response response = api.bearer(tokens.get(actor)).patch("/api/v1/users/" + targets.get(targetRegion),
                Map.of("displayName", "Renamed by " + actor));

        assertThat(response.status()).as(response.toString()).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} moves an account of 35.09.01 to {1}: {2}")
    @CsvSource({"staff-35.09, 35.10, 403", "staff-35.09, 35.09.02, 200", "staff-35, 35.10.01, 200"})
    void movingAnAccountOutOfTheSubtreeIsForbidden(String actor, String newRegion, int status) {
        long id = new Accounts(api).create("movable", List.of("VOLUNTEER"), "35.09.01").id();

        Http.Response response = api.bearer(tokens.get(actor)).patch("/api/v1/users/" + id, Map.of("regionCode", newRegion));

        assertThat(response.status()).as(response.toString()).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} lists accounts in {1}: {2}")
    @CsvSource({
            "national-admin, 35.09, 200", "staff-35, 35.09, 200", "staff-35.09, 35.09, 200",
            "staff-35.09, 35, 403", "staff-33.01, 35.09, 403"})
    void listingARegionsAccounts(String actor, String region, int status) {
        Http.Response response = api.bearer(tokens.get(actor)).get("/api/v1/users?region=" + region);

        assertThat(response.status()).as(response.toString()).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} sees only its subtree")
    @CsvSource({"staff-35, 35", "staff-35.09, 35.09", "staff-33.01, 33.01"})
    void anUnfilteredListStaysInsideTheSubtree(String actor, String home) {
        var items = api.bearer(tokens.get(actor)).get("/api/v1/users?size=1000").json().get("items");

        assertThat(items).isNotEmpty().allSatisfy(account -> {
            String region = account.get("regionCode").asString();
            assertThat(region.equals(home) || region.startsWith(home + ".")).as(region).isTrue();
        });
    }
}
