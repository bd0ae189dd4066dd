package id.pantau.insight;

import java.util.List;

import id.pantau.casework.CaseFixtures;
import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/stats/cases}: cases by stage and region, and how many kept their deadlines. */
@IntegrationTest
class CaseStatisticsApiTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void casesAreCountedByStageAndRegionWithTheirDeadlineCompliance() {
        Http staff = Http.api(port).bearer(new Accounts(Http.api(port)).create("case-stats", List.of("STAFF"), "82.05").token());
        String late = CaseFixtures.caseId(staff, CaseFixtures.anonymous(port, "82.05.01.2001"));
        CaseFixtures.caseId(staff, CaseFixtures.anonymous(port, "82.05.01.2006"));
        // the deadline job found the first case's preliminary review overdue, and recorded it as it does
        jdbc.sql("insert into case_warning (case_id, deadline, due_at, raised_at) values (?::uuid, 'PRELIMINARY_REVIEW', now(), now())")
                .param(late).update();
        jdbc.sql("update legal_case set warnings = warnings + 1 where id = ?::uuid").param(late).update();

        JsonNode byStage = staff.get("/api/v1/stats/cases?groupBy=stage").json();
        assertThat(byStage.get("total").asLong()).isEqualTo(2);
        assertThat(byStage.get("items").get(0).get("count").asLong()).isEqualTo(2);
        JsonNode compliance = byStage.get("compliance");
        assertThat(compliance.get("cases").asLong()).isEqualTo(2);
        assertThat(compliance.get("onTime").asLong()).isEqualTo(1);
        assertThat(compliance.get("missed").asLong()).isEqualTo(1);
        assertThat(compliance.get("missedDeadlines").asLong()).isEqualTo(1);
        assertThat(compliance.get("onTimeRate").asDouble()).isEqualTo(0.5);

        JsonNode byRegion = staff.get("/api/v1/stats/cases?groupBy=region").json();
        assertThat(byRegion.get("items").get(0).get("key").asString()).isEqualTo("82.05.01");
        assertThat(byRegion.get("items").get(0).get("count").asLong()).isEqualTo(2);

        assertThat(staff.get("/api/v1/stats/cases?parent=82").status()).isEqualTo(403);
        assertThat(staff.get("/api/v1/stats/cases?groupBy=category").status()).isEqualTo(400);
    }
}
