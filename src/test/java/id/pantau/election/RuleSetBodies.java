package id.pantau.election;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Rule sets as PUT /api/v1/rule-sets bodies, for tests. */
public final class RuleSetBodies {

    private RuleSetBodies() {
    }

    /** The adjustable fields of a rule set as a PUT body, some of them replaced (name, value, ...). */
    public static Map<String, Object> of(JsonNode rules, Object... replacements) {
        var body = new LinkedHashMap<String, Object>();
        for (String field : List.of("reportingWindowDays", "reportingWindowCounting", "reportingWindowBasis",
                "handlingCounting", "preliminaryReviewDays", "preliminaryReviewBasis", "completionDays", "completionBasis",
                "decisionDays", "decisionExtensionDays", "decisionBasis", "criminalReferralHours", "criminalReferralBasis",
                "registerCode")) {
            JsonNode value = rules.get(field);
            body.put(field, value.isNumber() ? (Object) value.asInt() : value.asString());
        }
        for (int i = 0; i < replacements.length; i += 2) {
            body.put((String) replacements[i], replacements[i + 1]);
        }
        return body;
    }
}
