package id.pantau.election.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import id.pantau.election.DayCount;
import id.pantau.election.ElectionType;
import org.jspecify.annotations.Nullable;

/**
 * A rule set as the API and the admin page show it: one field per adjustable rule, the same
 * fields a {@code PUT} sends. The handling deadlines (preliminary review, completion, decision
 * and its extension) share one way of counting days; the extension shares the decision's basis.
 */
record RuleSetView(ElectionType electionType,
                   int reportingWindowDays, DayCount reportingWindowCounting, String reportingWindowBasis,
                   DayCount handlingCounting,
                   int preliminaryReviewDays, String preliminaryReviewBasis,
                   int completionDays, String completionBasis,
                   int decisionDays, int decisionExtensionDays, String decisionBasis,
                   int criminalReferralHours, String criminalReferralBasis,
                   String registerCode,
                   @Nullable Instant updatedAt) {

    /** The adjustable fields by name, for the audit trail's before and after. */
    Map<String, Object> rules() {
        var rules = new LinkedHashMap<String, Object>();
        rules.put("reportingWindowDays", reportingWindowDays);
        rules.put("reportingWindowCounting", reportingWindowCounting.name());
        rules.put("reportingWindowBasis", reportingWindowBasis);
        rules.put("handlingCounting", handlingCounting.name());
        rules.put("preliminaryReviewDays", preliminaryReviewDays);
        rules.put("preliminaryReviewBasis", preliminaryReviewBasis);
        rules.put("completionDays", completionDays);
        rules.put("completionBasis", completionBasis);
        rules.put("decisionDays", decisionDays);
        rules.put("decisionExtensionDays", decisionExtensionDays);
        rules.put("decisionBasis", decisionBasis);
        rules.put("criminalReferralHours", criminalReferralHours);
        rules.put("criminalReferralBasis", criminalReferralBasis);
        rules.put("registerCode", registerCode);
        return rules;
    }
}
