package id.pantau.casework.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import id.pantau.region.RegionCode;
import id.pantau.region.RegionTimeZone;
import id.pantau.shared.FieldViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the case pages say in the visitor's language: refusals with the field's name as staff know
 * it, and the facts of each history step (codes and ISO times as labels and local times). The
 * API keeps the codes; only the pages translate them.
 */
@Component
class CaseTexts {

    /** What staff call the office's time zone: WIB, WITA or WIT, by IANA zone id. */
    static final Map<String, String> ZONE_NAMES = java.util.Arrays.stream(RegionTimeZone.values())
            .collect(Collectors.toUnmodifiableMap(RegionTimeZone::zoneIdText, Enum::name));

    /** The order the timeline lists a step's facts in (the database keeps them in its own order). */
    private static final List<String> ORDER = List.of("trackingCode", "missing", "checklist", "registerNumber", "reason",
            "heard", "heardAt", "outcome", "subject", "defaultTarget", "target", "letterNumber", "date", "withinDeadline",
            "fromOffice", "toOffice", "deadline", "before", "after", "cause", "holiday", "ruleSet", "dueAt");

    /** Details the timeline shows otherwise (the documents of a step) or that mean nothing to people. */
    private static final Set<String> HIDDEN = Set.of("documentIds", "reportId");

    private final MessageSource messages;
    private final Offices offices;

    CaseTexts(MessageSource messages, Offices offices) {
        this.messages = messages;
        this.offices = offices;
    }

    /** A refusal as the page lists it: the field's label and what is wrong. */
    record PageError(String field, String label, String text) {
    }

    /** One fact of a history step. */
    record Line(String key, String label, String value) {
    }

    List<PageError> errors(Collection<FieldViolation> violations, Locale locale) {
        return violations.stream().map(v -> new PageError(v.field(), label(v.field(), locale),
                text("case.error." + v.code(), v.message(), locale))).toList();
    }

    /** A step the case's stage does not allow, named in words with what the stage allows. */
    PageError refused(TransitionRefusedException e, Locale locale) {
        String allowed = e.allowedToPeople().stream().map(a -> msg("case.action." + a, locale))
                .collect(Collectors.joining(", "));
        String text = messages.getMessage("case.error.transition", new Object[] {
                msg("case.action." + e.action(), locale), msg("case.stage." + e.stage(), locale),
                allowed.isEmpty() ? msg("case.error.transition.none", locale) : allowed}, locale);
        return new PageError("action", label("action", locale), text);
    }

    List<Line> lines(Map<String, Object> details, ZoneId zone, Locale locale) {
        List<Line> lines = new ArrayList<>();
        details.forEach((key, value) -> {
            if (!HIDDEN.contains(key) && value != null) {
                lines.add(new Line(key, text("case.detail." + key, key, locale), value(key, value, zone, locale)));
            }
        });
        lines.sort(java.util.Comparator.comparingInt(line -> {
            int at = ORDER.indexOf(line.key());
            return at < 0 ? ORDER.size() : at;
        }));
        return lines;
    }

    static String zoneName(ZoneId zone) {
        return ZONE_NAMES.getOrDefault(zone.getId(), zone.getId());
    }

    private String value(String key, Object value, ZoneId zone, Locale locale) {
        return switch (key) {
            case "missing", "checklist" -> each(value, "case.requirement.", locale);
            case "outcome" -> msg("case.outcome." + value, locale);
            case "subject" -> msg("case.subject." + value, locale);
            case "target", "defaultTarget" -> msg("case.target." + value, locale);
            case "deadline" -> msg("case.deadline." + value, locale);
            case "cause" -> msg("case.detail.cause." + value, locale);
            case "ruleSet" -> msg("case.ruleSet." + value, locale);
            case "withinDeadline" -> msg(Boolean.TRUE.equals(value) ? "case.yes" : "case.no", locale);
            case "heardAt", "dueAt", "before", "after" -> moment(String.valueOf(value), zone, locale);
            case "date", "holiday" -> day(String.valueOf(value), locale);
            case "fromOffice", "toOffice" -> office(String.valueOf(value));
            default -> value instanceof Collection<?> list
                    ? list.stream().map(String::valueOf).collect(Collectors.joining(", ")) : String.valueOf(value);
        };
    }

    private String each(Object value, String prefix, Locale locale) {
        Collection<?> list = value instanceof Collection<?> c ? c : List.of(value);
        return list.stream().map(v -> msg(prefix + v, locale)).collect(Collectors.joining(", "));
    }

    private static String moment(String iso, ZoneId zone, Locale locale) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("d MMM yyyy HH.mm", locale);
        try {
            return OffsetDateTime.parse(iso).atZoneSameInstant(zone).format(format) + " " + zoneName(zone);
        } catch (DateTimeParseException e) {
            try {
                return java.time.Instant.parse(iso).atZone(zone).format(format) + " " + zoneName(zone);
            } catch (DateTimeParseException notAnInstant) {
                return iso;
            }
        }
    }

    private static String day(String iso, Locale locale) {
        try {
            return LocalDate.parse(iso).format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    private String office(String code) {
        if (Offices.NATIONAL.equals(code) || !RegionCode.isValid(code)) {
            return Offices.NATIONAL.equals(code) ? offices.name(null) : code;
        }
        return offices.name(new RegionCode(code)) + " (" + code + ")";
    }

    private String label(String field, Locale locale) {
        return text("case.field." + field, field, locale);
    }

    private String msg(String key, Locale locale) {
        return text(key, key.substring(key.lastIndexOf('.') + 1), locale);
    }

    private String text(String key, @Nullable String fallback, Locale locale) {
        return messages.getMessage(key, null, fallback == null ? key : fallback, locale);
    }
}
