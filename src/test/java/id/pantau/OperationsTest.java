package id.pantau;

import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/** Health, metrics and API documentation: what operators and client developers rely on. */
@IntegrationTest
class OperationsTest {

    @Value("${local.server.port}")
    int port;
    Http api;

    @BeforeEach
    void client() {
        api = Http.api(port);
    }

    @Test
    void healthAndReadinessAreOpen() {
        assertThat(api.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(api.get("/actuator/info").status()).isEqualTo(200);
    }

    @Test
    void metricsNeedAnAdministratorsToken() {
        assertThat(api.get("/actuator/prometheus").status()).isEqualTo(401);

        Http.Response metrics = api.bearer(new Accounts(api).adminToken()).get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "hikaricp_connections");
    }

    @Test
    void onlyHealthInfoAndPrometheusAreExposed() {
        Http admin = api.bearer(new Accounts(api).adminToken());

        for (String endpoint : new String[]{"env", "beans", "configprops", "heapdump", "loggers", "mappings"}) {
            assertThat(admin.get("/actuator/" + endpoint).status()).as(endpoint).isEqualTo(404);
        }
    }

    @Test
    void theOpenApiDescriptionListsTheApi() {
        Http.Response docs = api.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/regions/{code}")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/users")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/auth/token")).isTrue();
    }

    @Test
    void anUnknownApiPathIsA404Problem() {
        Http.Response response = api.get("/api/v1/regions/35/nothing-here");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
