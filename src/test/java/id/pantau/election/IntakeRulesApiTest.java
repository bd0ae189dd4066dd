package id.pantau.election;

import id.pantau.report.Reports;
import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake keeps the rule sets and elections it reads on every report for up to a minute, but a
 * change made through the API applies to the very next report on the node that made it.
 */
@IntegrationTest
class IntakeRulesApiTest {

    @Value("${local.server.port}")
    int port;

    @Test
    void aChangedReportingWindowAppliesToTheNextReport() {
        Http admin = Http.api(port).bearer(new Accounts(Http.api(port)).adminToken());
        JsonNode original = Http.api(port).get("/api/v1/rule-sets/PEMILU").json();
        int days = original.get("reportingWindowDays").asInt();
        assertThat(windowDays()).isEqualTo(days); // read (and kept) before the change

        Http.Response changed = admin.put("/api/v1/rule-sets/PEMILU", RuleSetBodies.of(original, "reportingWindowDays", days + 3));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        try {
            assertThat(windowDays()).isEqualTo(days + 3);
        } finally {
            Http.Response restored = admin.put("/api/v1/rule-sets/PEMILU", RuleSetBodies.of(original));
            assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        }
        assertThat(windowDays()).isEqualTo(days);
    }

    /** The reporting window of a new anonymous report in a place no election covers (Pemilu rules). */
    private int windowDays() {
        JsonNode receipt = Reports.submit(port, Reports.with(Reports.moneyPoliticsInJember(), "regionCode", "92.02.03.2001"));
        return receipt.get("reportingWindow").get("days").asInt();
    }
}
