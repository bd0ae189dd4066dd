package id.pantau.election;

/**
 * The adjustable legal rules of one election type (PRODUCT.md §4): the reporting window, and the
 * deadlines of case handling with their legal basis. {@code decisionExtension} is added to
 * {@code decision} once, when more information is needed.
 */
public record RuleSet(ElectionType electionType, Period reportingWindow, Period preliminaryReview, Period completion,
                      Period decision, Period decisionExtension, int criminalReferralHours, String criminalReferralBasis,
                      String registerCode) {
}
