package id.pantau.election.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import id.pantau.account.Actor;
import id.pantau.account.AuditTrail;
import id.pantau.account.Role;
import id.pantau.election.ElectionType;
import id.pantau.election.Elections;
import id.pantau.election.LegalCalendar;
import id.pantau.election.LegalRulesChanged;
import id.pantau.shared.ConflictException;
import id.pantau.shared.FieldViolation;
import id.pantau.shared.InvalidInputException;
import id.pantau.shared.NotFoundException;
import id.pantau.shared.Violations;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Administrators adjust the legal rules: the rule set of each election type and the holiday
 * table. Every change is audited with what it replaced. A holiday change reaches this node's
 * deadlines at once; other nodes re-read the table within a minute ({@link LegalCalendar}). Each
 * change publishes {@link LegalRulesChanged}, so that stored deadlines follow it.
 */
@Service
class LegalRulesAdministration {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    private static final int MAX_NAME = 200;
    private static final int MAX_SOURCE = 500;

    private final ElectionRepository elections;
    private final HolidayRepository holidays;
    private final LegalCalendar calendar;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Elections intake;

    LegalRulesAdministration(ElectionRepository elections, HolidayRepository holidays, LegalCalendar calendar,
                             AuditTrail audit, TransactionTemplate transaction, ApplicationEventPublisher events,
                             Elections intake) {
        this.intake = intake;
        this.elections = elections;
        this.holidays = holidays;
        this.calendar = calendar;
        this.audit = audit;
        this.transaction = transaction;
        this.events = events;
    }

    List<RuleSetView> ruleSets() {
        return elections.ruleSetViews();
    }

    RuleSetView ruleSet(ElectionType type) {
        return ruleSets().stream().filter(r -> r.electionType() == type).findFirst()
                .orElseThrow(() -> new NotFoundException("Rule set", type));
    }

    /** Replaces a rule set's adjustable rules (administrators); throws every violation at once. */
    RuleSetView adjust(Actor actor, ElectionType type, RuleSetChange change) {
        actor.requireRole(Role.ADMIN);
        var violations = new Violations();
        RuleSetView wanted = RuleSetRules.check(type, change, violations);
        violations.throwIfAny();
        return Objects.requireNonNull(transaction.execute(status -> {
            RuleSetView before = elections.lockRuleSet(type);
            RuleSetView after = elections.updateRuleSet(Objects.requireNonNull(wanted), actor.username());
            List<String> changed = new ArrayList<>();
            before.rules().forEach((field, value) -> {
                if (!Objects.equals(value, after.rules().get(field))) {
                    changed.add(field);
                }
            });
            audit.record(actor.username(), "RULE_SET_UPDATED", "rule-set:" + type,
                    Map.of("changed", changed, "before", before.rules(), "after", after.rules()));
            if (!changed.isEmpty()) {
                intake.changed(); // intake's reporting windows follow at once on this node
                events.publishEvent(LegalRulesChanged.ruleSet(type));
            }
            return after;
        }));
    }

    List<Holiday> holidays(@Nullable Integer year) {
        if (year == null) {
            return holidays.all();
        }
        requireYear(year, "year");
        return holidays.inYear(year);
    }

    Holiday holiday(LocalDate day) {
        return holidays.find(day).orElseThrow(() -> new NotFoundException("Holiday", day));
    }

    /** The years the holiday table has days in. */
    List<Integer> holidayYears() {
        return holidays.years();
    }

    /** Adds a non-working day (administrators); a day already in the table is a conflict. */
    Holiday addHoliday(Actor actor, NewHoliday request) {
        actor.requireRole(Role.ADMIN);
        Holiday holiday = check(request);
        transaction.executeWithoutResult(status -> {
            if (!holidays.insert(holiday)) {
                throw new ConflictException(new FieldViolation("day", "day.taken",
                        holiday.day() + " is already in the holiday table; delete it first to change it"));
            }
            audit.record(actor.username(), "HOLIDAY_ADDED", "holiday:" + holiday.day(), details(holiday));
            events.publishEvent(LegalRulesChanged.holiday(holiday.day()));
        });
        calendar.holidaysChanged();
        return holiday;
    }

    /** Removes a non-working day (administrators): from now on it counts as a working day again. */
    Holiday removeHoliday(Actor actor, LocalDate day) {
        actor.requireRole(Role.ADMIN);
        Holiday removed = Objects.requireNonNull(transaction.execute(status -> {
            Holiday deleted = holidays.delete(day).orElseThrow(() -> new NotFoundException("Holiday", day));
            audit.record(actor.username(), "HOLIDAY_REMOVED", "holiday:" + day, details(deleted));
            events.publishEvent(LegalRulesChanged.holiday(day));
            return deleted;
        }));
        calendar.holidaysChanged();
        return removed;
    }

    private static Holiday check(NewHoliday request) {
        var violations = new Violations();
        LocalDate day = null;
        String text = request.day() == null ? "" : request.day().strip();
        if (text.isEmpty()) {
            violations.add("day", "required", "is required");
        } else {
            try {
                day = LocalDate.parse(text);
                if (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR) {
                    violations.add("day", "day.range", "must be in the years " + FIRST_YEAR + " to " + LAST_YEAR);
                }
            } catch (DateTimeParseException e) {
                violations.add("day", "day.format", "must be a date such as 2031-08-17");
            }
        }
        String name = request.name() == null ? "" : request.name().strip();
        violations.check(!name.isEmpty() && name.length() <= MAX_NAME, "name", "name.length",
                "is required, at most " + MAX_NAME + " characters");
        String nameEn = request.nameEn() == null || request.nameEn().isBlank() ? name : request.nameEn().strip();
        violations.check(nameEn.length() <= MAX_NAME, "nameEn", "nameEn.length", "at most " + MAX_NAME + " characters");
        HolidayKind kind = null;
        if (request.kind() == null || request.kind().isBlank()) {
            violations.add("kind", "required", "is required");
        } else {
            try {
                kind = HolidayKind.valueOf(request.kind().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add("kind", "kind.unknown", "must be HOLIDAY, CUTI_BERSAMA or ELECTION_DAY");
            }
        }
        String source = request.source() == null || request.source().isBlank() ? null : request.source().strip();
        violations.check(source == null || source.length() <= MAX_SOURCE, "source", "source.length",
                "at most " + MAX_SOURCE + " characters");
        violations.throwIfAny();
        return new Holiday(Objects.requireNonNull(day), Objects.requireNonNull(kind), name, nameEn, source);
    }

    static void requireYear(int year, String field) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw InvalidInputException.of(field, "year.range",
                    "must be a year from " + FIRST_YEAR + " to " + LAST_YEAR);
        }
    }

    private static Map<String, Object> details(Holiday holiday) {
        var details = new LinkedHashMap<String, Object>();
        details.put("day", holiday.day().toString());
        details.put("kind", holiday.kind().name());
        details.put("name", holiday.name());
        details.put("nameEn", holiday.nameEn());
        if (holiday.source() != null) {
            details.put("source", holiday.source());
        }
        return details;
    }
}
