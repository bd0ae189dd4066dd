package id.pantau.election;

/** The adjustable legal rules of one election type (PRODUCT.md §4). */
public record RuleSet(ElectionType electionType, int reportingWindowDays, DayCount reportingWindowCounting,
                      String reportingWindowBasis) {
}
