package id.pantau.election;

import java.util.List;
import java.util.Map;

import id.pantau.support.Accounts;
import id.pantau.support.Http;
import id.pantau.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** GET and PUT /api/v1/rule-sets: open data, adjusted by administrators only, every change audited. */
@IntegrationTest
class RuleSetApiTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    Elections elections;
    @Autowired
    JdbcClient jdbc;

    LegalRules rules;
    String admin;

    @BeforeEach
    void setUp() {
        rules = new LegalRules(port);
        admin = new Accounts(Http.api(port)).adminToken();
    }

    @Test
    void theRuleSetsAreOpenDataInTheShapeAPutSends() {
        Http.Response response = Http.api(port).get("/api/v1/rule-sets");

        assertThat(response.status()).isEqualTo(200);
        JsonNode pemilu = response.json().get(0);
        JsonNode pilkada = response.json().get(1);
        assertThat(pemilu.get("electionType").asString()).isEqualTo("PEMILU");
        assertThat(pemilu.get("reportingWindowDays").asInt()).isEqualTo(7);
        assertThat(pemilu.get("reportingWindowCounting").asString()).isEqualTo("WORKING_DAYS");
        assertThat(pemilu.get("reportingWindowBasis").asString()).contains("Pasal 454");
        assertThat(pemilu.get("handlingCounting").asString()).isEqualTo("WORKING_DAYS");
        assertThat(pemilu.get("decisionDays").asInt()).isEqualTo(7);
        assertThat(pemilu.get("decisionExtensionDays").asInt()).isEqualTo(7);
        assertThat(pemilu.get("registerCode").asString()).isEqualTo("PL");
        assertThat(pilkada.get("electionType").asString()).isEqualTo("PILKADA");
        assertThat(pilkada.get("handlingCounting").asString()).isEqualTo("CALENDAR_DAYS");
        assertThat(pilkada.get("decisionDays").asInt()).isEqualTo(3);
        assertThat(pilkada.get("decisionExtensionDays").asInt()).isEqualTo(2);
        assertThat(pilkada.get("criminalReferralHours").asInt()).isEqualTo(24);
        for (String field : LegalRules.FIELDS) {
            assertThat(pemilu.has(field)).as(field).isTrue();
        }
        assertThat(Http.api(port).get("/api/v1/rule-sets/PILKADA").json()).isEqualTo(pilkada);
    }

    @Test
    void anAdministratorAdjustsARuleSetAndTheDeadlinesUseIt() {
        JsonNode original = rules.current("PILKADA");
        try {
            Http.Response response = rules.put(admin, "/api/v1/rule-sets/PILKADA", LegalRules.body(original,
                    "decisionExtensionDays", 4, "completionBasis", "Perbawaslu 9/2024 Pasal 12 (dikonfirmasi)",
                    "registerCode", "PKD"));

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.json().get("decisionExtensionDays").asInt()).isEqualTo(4);
            assertThat(response.json().get("registerCode").asString()).isEqualTo("PKD");
            JsonNode shown = Http.api(port).get("/api/v1/rule-sets").json().get(1);
            assertThat(shown.get("decisionExtensionDays").asInt()).isEqualTo(4);
            assertThat(shown.get("completionBasis").asString()).isEqualTo("Perbawaslu 9/2024 Pasal 12 (dikonfirmasi)");
            assertThat(shown.get("decisionDays").asInt()).as("untouched").isEqualTo(3);

            RuleSet used = elections.ruleSet(ElectionType.PILKADA);
            assertThat(used.decisionExtension())
                    .isEqualTo(new Period(4, DayCount.CALENDAR_DAYS, original.get("decisionBasis").asString()));
            assertThat(used.registerCode()).isEqualTo("PKD");

            JsonNode audited = Http.JSON.readTree(jdbc.sql("""
                            select details::text from audit_event
                             where action = 'RULE_SET_UPDATED' and subject = 'rule-set:PILKADA' and actor = 'admin'
                             order by id desc limit 1""").query(String.class).single());
            assertThat(audited.get("changed")).extracting(JsonNode::asString)
                    .containsExactlyInAnyOrder("decisionExtensionDays", "completionBasis", "registerCode");
            assertThat(audited.get("before").get("decisionExtensionDays").asInt()).isEqualTo(2);
            assertThat(audited.get("after").get("decisionExtensionDays").asInt()).isEqualTo(4);
            assertThat(audited.get("before").get("registerCode").asString()).isEqualTo("PB");
        } finally {
            rules.restore(admin, original);
        }
        assertThat(elections.ruleSet(ElectionType.PILKADA).decisionExtension().days()).isEqualTo(2);
    }

    @Test
    void whatAGetAnswersCanBePutBackAsIs() {
        JsonNode original = rules.current("PEMILU");

        Http.Response response = rules.put(admin, "/api/v1/rule-sets/PEMILU", original);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(LegalRules.body(response.json())).isEqualTo(LegalRules.body(original));
    }

    @Test
    void everyInvalidValueIsNamedAtOnce() {
        JsonNode original = rules.current("PEMILU");

        Http.Response response = rules.put(admin, "/api/v1/rule-sets/PEMILU", LegalRules.body(original,
                "reportingWindowDays", 0, "reportingWindowCounting", "WEEKS", "preliminaryReviewDays", 61,
                "decisionExtensionDays", -1, "criminalReferralHours", 169, "registerCode", "pl",
                "decisionBasis", "x".repeat(501), "completionBasis", "  ", "handlingCounting", null));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors")).extracting(e -> e.get("field").asString() + " " + e.get("code").asString())
                .containsExactlyInAnyOrder("reportingWindowDays days.range", "reportingWindowCounting counting.unknown",
                        "preliminaryReviewDays days.range", "decisionExtensionDays extension.range",
                        "criminalReferralHours hours.range", "registerCode registerCode.format",
                        "decisionBasis basis.length", "completionBasis basis.length", "handlingCounting required");
        assertThat(LegalRules.body(rules.current("PEMILU"))).as("nothing changed").isEqualTo(LegalRules.body(original));
    }

    @Test
    void aPutReplacesTheWholeRuleSetSoEveryFieldIsRequired() {
        Http.Response response = rules.put(admin, "/api/v1/rule-sets/PEMILU", Map.of("reportingWindowDays", 7));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors")).extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrderElementsOf(LegalRules.FIELDS.stream()
                        .filter(f -> !f.equals("reportingWindowDays")).toList());
    }

    @Test
    void aNumberOfTheWrongTypeAndAnUnknownElectionTypeAreNamed() {
        JsonNode original = rules.current("PEMILU");

        Http.Response text = rules.put(admin, "/api/v1/rule-sets/PEMILU", LegalRules.body(original, "completionDays", "three"));
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.json().get("errors").get(0).get("field").asString()).isEqualTo("completionDays");

        Http.Response unknown = rules.put(admin, "/api/v1/rule-sets/PILPRES", LegalRules.body(original));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("electionType");
    }

    @Test
    void onlyAdministratorsMayAdjustARuleSet() {
        JsonNode original = rules.current("PEMILU");
        var staff = new Accounts(Http.api(port)).create("rules-staff", List.of("STAFF"), "");
        var change = LegalRules.body(original, "reportingWindowDays", 9);

        assertThat(rules.put(null, "/api/v1/rule-sets/PEMILU", change).status()).isEqualTo(401);
        Http.Response refused = rules.put(staff.token(), "/api/v1/rule-sets/PEMILU", change);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(rules.current("PEMILU").get("reportingWindowDays").asInt()).isEqualTo(7);
    }
}
