package id.pantau.election;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.pantau.support.Http;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule sets and holidays for the election tests. The tests share one database, so a test that
 * adjusts a rule set puts the one it found back ({@link #restore}), and holidays are added in
 * 2031, far from every other test's deadlines.
 */
final class LegalRules {

    /** The adjustable fields, in the order the API and the form have them. */
    static final List<String> FIELDS = List.of("reportingWindowDays", "reportingWindowCounting", "reportingWindowBasis",
            "handlingCounting", "preliminaryReviewDays", "preliminaryReviewBasis", "completionDays", "completionBasis",
            "decisionDays", "decisionExtensionDays", "decisionBasis", "criminalReferralHours", "criminalReferralBasis",
            "registerCode");

    private final int port;

    LegalRules(int port) {
        this.port = port;
    }

    JsonNode current(String type) {
        Http.Response response = Http.api(port).get("/api/v1/rule-sets/" + type);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** A rule set's adjustable fields as a PUT body, with some of them replaced (name, value, ...). */
    static Map<String, Object> body(JsonNode rules, Object... replacements) {
        var body = new LinkedHashMap<String, Object>();
        for (String field : FIELDS) {
            JsonNode value = rules.get(field);
            body.put(field, value.isNumber() ? (Object) value.asInt() : value.asString());
        }
        for (int i = 0; i < replacements.length; i += 2) {
            body.put((String) replacements[i], replacements[i + 1]);
        }
        return body;
    }

    /** The same as form fields (name, value, ...), after the CSRF token. */
    static String[] form(String csrf, JsonNode rules, Object... replacements) {
        var fields = new ArrayList<String>(List.of("_csrf", csrf));
        body(rules, replacements).forEach((name, value) -> {
            fields.add(name);
            fields.add(String.valueOf(value));
        });
        return fields.toArray(String[]::new);
    }

    Http.Response put(@Nullable String token, String path, Object body) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : Http.JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return new Http.Response(HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Puts a rule set back as it was found. */
    void restore(String adminToken, JsonNode original) {
        Http.Response response = put(adminToken, "/api/v1/rule-sets/" + original.get("electionType").asString(),
                body(original));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /** Removes a holiday a test added, if it is still there. */
    void removeHoliday(String adminToken, String day) {
        Http.api(port).bearer(adminToken).delete("/api/v1/holidays/" + day);
    }
}
