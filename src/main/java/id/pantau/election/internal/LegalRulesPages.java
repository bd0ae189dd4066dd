package id.pantau.election.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import id.pantau.account.Actor;
import id.pantau.account.Role;
import id.pantau.election.ElectionType;
import id.pantau.shared.ConflictException;
import id.pantau.shared.FieldViolation;
import id.pantau.shared.InvalidInputException;
import id.pantau.shared.Violations;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rule sets and the holiday table, for administrators to adjust and staff to look up. A
 * refused form comes back with the input as typed and each message next to its field; a saved
 * one redirects with a notice.
 */
@Controller
@RequestMapping("/admin/rules")
class LegalRulesPages {

    static final String VIEW = "election/rules";
    /** Bawaslu RI's time zone: the year the holiday table opens on, the time of the last change. */
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final List<String> NUMBER_FIELDS = List.of("reportingWindowDays", "preliminaryReviewDays",
            "completionDays", "decisionDays", "decisionExtensionDays", "criminalReferralHours");
    private static final List<String> HOLIDAY_FIELDS = List.of("day", "kind", "name", "nameEn", "source");

    private final LegalRulesAdministration administration;
    private final Clock clock;

    LegalRulesPages(LegalRulesAdministration administration, Clock clock) {
        this.administration = administration;
        this.clock = clock;
    }

    /** One rule set's form: the values to show (as typed, after a refusal) and the messages by field. */
    record RuleSetForm(ElectionType type, Map<String, String> values, Map<String, FieldViolation> errors,
                       @Nullable ZonedDateTime updatedAt) {

        static RuleSetForm of(RuleSetView rules) {
            Instant updatedAt = rules.updatedAt();
            return new RuleSetForm(rules.electionType(), rules.rules().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue()))), Map.of(),
                    updatedAt == null ? null : updatedAt.atZone(JAKARTA));
        }
    }

    /** The new-holiday form: values and messages by field. */
    record HolidayForm(Map<String, String> values, Map<String, FieldViolation> errors) {
    }

    @GetMapping
    String show(Actor actor, @RequestParam(required = false) @Nullable Integer year, Model model) {
        return page(actor, year, List.of(), null, model);
    }

    @PostMapping("/rule-sets/{electionType}")
    String adjust(Actor actor, @PathVariable ElectionType electionType, @RequestParam Map<String, String> form,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        actor.requireRole(Role.ADMIN);
        var violations = new Violations();
        RuleSetChange change = change(form, violations);
        try {
            if (!violations.isEmpty()) {
                RuleSetRules.check(electionType, change, violations);
                violations.throwIfAny();
            }
            administration.adjust(actor, electionType, change);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            var typed = new LinkedHashMap<String, String>();
            RuleSetForm.of(administration.ruleSet(electionType)).values()
                    .forEach((field, value) -> typed.put(field, form.getOrDefault(field, value)));
            RuleSetForm refused = new RuleSetForm(electionType, typed, byField(e.violations()), null);
            return page(actor, null, List.of(refused), null, model);
        }
        redirect.addFlashAttribute("savedRuleSet", electionType.name());
        return "redirect:/admin/rules";
    }

    @PostMapping("/holidays")
    String addHoliday(Actor actor, @RequestParam Map<String, String> form, Model model, HttpServletResponse response,
                      RedirectAttributes redirect) {
        actor.requireRole(Role.ADMIN);
        var request = new NewHoliday(form.get("day"), form.get("name"), form.get("kind"), form.get("nameEn"),
                form.get("source"));
        try {
            Holiday added = administration.addHoliday(actor, request);
            redirect.addFlashAttribute("addedHoliday", added.day());
            return "redirect:/admin/rules?year=" + added.day().getYear() + "#holidays";
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(e instanceof ConflictException ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
            List<FieldViolation> errors = e instanceof InvalidInputException invalid ? invalid.violations()
                    : List.of(conflict((ConflictException) e));
            var typed = new LinkedHashMap<String, String>();
            HOLIDAY_FIELDS.forEach(field -> typed.put(field, form.getOrDefault(field, "")));
            return page(actor, yearOf(form.get("day")), List.of(), new HolidayForm(typed, byField(errors)), model);
        }
    }

    @PostMapping("/holidays/{day}/delete")
    String removeHoliday(Actor actor, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                         RedirectAttributes redirect) {
        actor.requireRole(Role.ADMIN);
        administration.removeHoliday(actor, day);
        redirect.addFlashAttribute("removedHoliday", day);
        return "redirect:/admin/rules?year=" + day.getYear() + "#holidays";
    }

    private String page(Actor actor, @Nullable Integer year, List<RuleSetForm> refused, @Nullable HolidayForm holidayForm,
                        Model model) {
        int thisYear = LocalDate.now(clock.withZone(JAKARTA)).getYear();
        int shown = year == null ? thisYear : year;
        LegalRulesAdministration.requireYear(shown, "year");
        model.addAttribute("mayEdit", actor.has(Role.ADMIN));
        model.addAttribute("ruleSets", administration.ruleSets().stream()
                .map(rules -> refused.stream().filter(f -> f.type() == rules.electionType()).findFirst()
                        .orElse(RuleSetForm.of(rules)))
                .toList());
        model.addAttribute("year", shown);
        var years = new TreeSet<>(administration.holidayYears());
        years.add(thisYear);
        years.add(shown);
        model.addAttribute("years", years);
        model.addAttribute("holidays", administration.holidays(shown));
        model.addAttribute("kinds", HolidayKind.values());
        model.addAttribute("holidayForm", holidayForm != null ? holidayForm
                : new HolidayForm(Map.of("day", "", "kind", HolidayKind.HOLIDAY.name(), "name", "", "nameEn", "",
                "source", ""), Map.of()));
        return VIEW;
    }

    /** The form's fields as a change; a number that is not one is recorded as such. */
    private static RuleSetChange change(Map<String, String> form, Violations violations) {
        var numbers = new LinkedHashMap<String, @Nullable Integer>();
        for (String field : NUMBER_FIELDS) {
            String text = form.getOrDefault(field, "").strip();
            Integer value = null;
            if (!text.isEmpty()) {
                try {
                    value = Integer.valueOf(text);
                } catch (NumberFormatException e) {
                    violations.add(field, "value.invalid", "must be a whole number");
                }
            }
            numbers.put(field, value);
        }
        return new RuleSetChange(numbers.get("reportingWindowDays"), form.get("reportingWindowCounting"),
                form.get("reportingWindowBasis"), form.get("handlingCounting"),
                numbers.get("preliminaryReviewDays"), form.get("preliminaryReviewBasis"),
                numbers.get("completionDays"), form.get("completionBasis"),
                numbers.get("decisionDays"), numbers.get("decisionExtensionDays"), form.get("decisionBasis"),
                numbers.get("criminalReferralHours"), form.get("criminalReferralBasis"), form.get("registerCode"));
    }

    private static FieldViolation conflict(ConflictException e) {
        FieldViolation violation = e.violation();
        return violation != null ? violation : new FieldViolation("day", "day.taken", String.valueOf(e.getMessage()));
    }

    /** The first message of each field. */
    private static Map<String, FieldViolation> byField(List<FieldViolation> violations) {
        var byField = new LinkedHashMap<String, FieldViolation>();
        violations.forEach(v -> byField.putIfAbsent(v.field(), v));
        return byField;
    }

    /** The year of a typed day, to show that year's table again; null when the day is not one. */
    private static @Nullable Integer yearOf(@Nullable String day) {
        try {
            int year = LocalDate.parse(day == null ? "" : day.strip()).getYear();
            return year >= LegalRulesAdministration.FIRST_YEAR && year <= LegalRulesAdministration.LAST_YEAR ? year : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
