package id.pantau.election.internal;

import java.util.Locale;
import java.util.regex.Pattern;

import id.pantau.election.DayCount;
import id.pantau.election.ElectionType;
import id.pantau.shared.Violations;
import org.jspecify.annotations.Nullable;

/**
 * What an administrator may set a rule set to: periods long enough to be a deadline and short
 * enough to be a typing mistake if longer, a known way of counting days, a register code that
 * fits into a register number, and a legal basis for every deadline.
 */
final class RuleSetRules {

    static final int MAX_DAYS = 60;
    static final int MAX_EXTENSION_DAYS = 30;
    static final int MAX_HOURS = 168;
    static final int MAX_BASIS = 500;
    private static final Pattern REGISTER_CODE = Pattern.compile("[A-Z]{1,5}");

    private RuleSetRules() {
    }

    /**
     * The rule set the change asks for, or null with every violation recorded. Fields that
     * already have a violation (a form's unreadable number) are not judged again.
     */
    static @Nullable RuleSetView check(ElectionType type, RuleSetChange change, Violations violations) {
        var rules = new RuleSetView(type,
                days(change.reportingWindowDays(), "reportingWindowDays", violations),
                counting(change.reportingWindowCounting(), "reportingWindowCounting", violations),
                basis(change.reportingWindowBasis(), "reportingWindowBasis", violations),
                counting(change.handlingCounting(), "handlingCounting", violations),
                days(change.preliminaryReviewDays(), "preliminaryReviewDays", violations),
                basis(change.preliminaryReviewBasis(), "preliminaryReviewBasis", violations),
                days(change.completionDays(), "completionDays", violations),
                basis(change.completionBasis(), "completionBasis", violations),
                days(change.decisionDays(), "decisionDays", violations),
                number(change.decisionExtensionDays(), "decisionExtensionDays", 0, MAX_EXTENSION_DAYS, "extension.range",
                        "must be a whole number of days from 0 to " + MAX_EXTENSION_DAYS, violations),
                basis(change.decisionBasis(), "decisionBasis", violations),
                number(change.criminalReferralHours(), "criminalReferralHours", 1, MAX_HOURS, "hours.range",
                        "must be a whole number of hours from 1 to " + MAX_HOURS, violations),
                basis(change.criminalReferralBasis(), "criminalReferralBasis", violations),
                registerCode(change.registerCode(), violations),
                null);
        return violations.isEmpty() ? rules : null;
    }

    private static int days(@Nullable Integer value, String field, Violations violations) {
        return number(value, field, 1, MAX_DAYS, "days.range", "must be a whole number of days from 1 to " + MAX_DAYS,
                violations);
    }

    private static int number(@Nullable Integer value, String field, int min, int max, String code, String message,
                              Violations violations) {
        if (violations.has(field)) {
            return 0;
        }
        if (value == null) {
            violations.add(field, "required", "is required");
            return 0;
        }
        violations.check(value >= min && value <= max, field, code, message);
        return value;
    }

    private static DayCount counting(@Nullable String value, String field, Violations violations) {
        if (violations.has(field)) {
            return DayCount.WORKING_DAYS;
        }
        if (value == null || value.isBlank()) {
            violations.add(field, "required", "is required");
            return DayCount.WORKING_DAYS;
        }
        try {
            return DayCount.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(field, "counting.unknown", "must be WORKING_DAYS or CALENDAR_DAYS");
            return DayCount.WORKING_DAYS;
        }
    }

    private static String basis(@Nullable String value, String field, Violations violations) {
        String basis = value == null ? "" : value.strip();
        if (!violations.has(field)) {
            violations.check(!basis.isEmpty() && basis.length() <= MAX_BASIS, field, "basis.length",
                    "is required, at most " + MAX_BASIS + " characters");
        }
        return basis;
    }

    private static String registerCode(@Nullable String value, Violations violations) {
        String code = value == null ? "" : value.strip();
        if (!violations.has("registerCode")) {
            violations.check(REGISTER_CODE.matcher(code).matches(), "registerCode", "registerCode.format",
                    "must be 1 to 5 capital letters, e.g. PL");
        }
        return code;
    }
}
