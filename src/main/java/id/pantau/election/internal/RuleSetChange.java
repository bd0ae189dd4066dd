package id.pantau.election.internal;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PUT /api/v1/rule-sets/{electionType}}: every adjustable rule, all required
 * (a PUT replaces the rule set). Checked by {@link RuleSetRules}.
 */
record RuleSetChange(@Nullable Integer reportingWindowDays, @Nullable String reportingWindowCounting,
                     @Nullable String reportingWindowBasis,
                     @Nullable String handlingCounting,
                     @Nullable Integer preliminaryReviewDays, @Nullable String preliminaryReviewBasis,
                     @Nullable Integer completionDays, @Nullable String completionBasis,
                     @Nullable Integer decisionDays, @Nullable Integer decisionExtensionDays,
                     @Nullable String decisionBasis,
                     @Nullable Integer criminalReferralHours, @Nullable String criminalReferralBasis,
                     @Nullable String registerCode) {
}
