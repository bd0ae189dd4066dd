package id.pantau.election;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * An administrator changed what the law's deadlines are counted with: a rule set
 * ({@code electionType}) or a day of the holiday table ({@code day}). Deadlines already running
 * follow the new rules, so modules that store a deadline recompute it. Published after the
 * change commits; exactly one of the two fields is set.
 */
public record LegalRulesChanged(@Nullable ElectionType electionType, @Nullable LocalDate day) {

    public static LegalRulesChanged ruleSet(ElectionType type) {
        return new LegalRulesChanged(type, null);
    }

    public static LegalRulesChanged holiday(LocalDate day) {
        return new LegalRulesChanged(null, day);
    }
}
