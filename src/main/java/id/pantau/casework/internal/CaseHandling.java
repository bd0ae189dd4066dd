package id.pantau.casework.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import id.pantau.account.Actor;
import id.pantau.account.Role;
import id.pantau.casework.CaseAction;
import id.pantau.casework.CaseOutcome;
import id.pantau.casework.CaseStage;
import id.pantau.election.RuleSet;
import id.pantau.election.Elections;
import id.pantau.region.RegionCode;
import id.pantau.region.RegionLevel;
import id.pantau.region.Regions;
import id.pantau.shared.ConflictException;
import id.pantau.shared.FieldViolation;
import id.pantau.shared.InvalidInputException;
import id.pantau.shared.NotFoundException;
import id.pantau.shared.Violations;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out staff actions on cases: checks scope, the transition table and the action's own
 * rules, then changes the case under its row lock and journals it.
 */
@Service
class CaseHandling {

    private static final int MAX_TEXT = 4000;

    private final CaseRepository cases;
    private final CaseJournal journal;
    private final CaseDocuments documents;
    private final Offices offices;
    private final Regions regions;
    private final Elections elections;
    private final Clock clock;

    CaseHandling(CaseRepository cases, CaseJournal journal, CaseDocuments documents, Offices offices, Regions regions,
                 Elections elections, Clock clock) {
        this.cases = cases;
        this.journal = journal;
        this.documents = documents;
        this.offices = offices;
        this.regions = regions;
        this.elections = elections;
        this.clock = clock;
    }

    /** The case, if the actor may see it (staff, analysts and administrators in scope). */
    LegalCase readable(Actor actor, UUID id) {
        actor.requireRole(Role.STAFF, Role.ANALYST, Role.ADMIN);
        LegalCase c = cases.find(id).orElseThrow(() -> new NotFoundException("Case", id));
        requireOffice(actor, c);
        return c;
    }

    @Transactional
    LegalCase act(Actor actor, UUID id, ActionRequest request) {
        actor.requireRole(Role.STAFF);
        if (request.action() == null) {
            throw InvalidInputException.of("action", "required", "is required");
        }
        if (request.action() == CaseAction.COMPLETION_EXPIRED) {
            throw InvalidInputException.of("action", "action.clockOnly", "the completion window is closed by the clock, not by people");
        }
        LegalCase c = cases.lock(id).orElseThrow(() -> new NotFoundException("Case", id));
        requireOffice(actor, c);
        CaseStage from = c.stage;
        Set<CaseAction> allowed = allowedActions(c);
        if (!allowed.contains(request.action())) {
            throw new TransitionRefusedException(from, request.action(), allowed);
        }
        c.stage = CaseWorkflow.next(from, request.action());
        Map<String, Object> details = new LinkedHashMap<>();
        // one moment per step: the history's time is the one the clocks run from (registration, decision)
        Instant now = clock.instant();
        String publicNote = apply(c, from, request, details, now);
        List<UUID> attached = request.documentIds() == null ? List.of() : request.documentIds();
        if (!attached.isEmpty()) {
            details.put("documentIds", attached.stream().map(UUID::toString).toList());
        }
        long event = journal.save(c, from, actor.username(), request.action().name(), text("note", request.note()), details,
                publicNote, now);
        documents.attach(c.id, attached, event);
        return c;
    }

    /** A file sent along with a step from the case page. */
    record Upload(byte[] content, @Nullable String fileName) {
    }

    /**
     * A step with the files sent along, as one: a refused step keeps none of its files, so the
     * corrected step sent again with them does not leave copies behind as pending documents.
     */
    @Transactional
    LegalCase act(Actor actor, UUID id, ActionRequest request, List<Upload> uploads) {
        List<UUID> attached = new java.util.ArrayList<>(request.documentIds() == null ? List.of() : request.documentIds());
        for (Upload file : uploads) {
            attached.add(upload(actor, id, file.content(), file.fileName()).id());
        }
        return act(actor, id, request.withDocumentIds(attached));
    }

    /** Stores a document of a case the actor may act on. */
    @Transactional
    CaseDocuments.Document upload(Actor actor, UUID id, byte[] content, @Nullable String fileName) {
        actor.requireRole(Role.STAFF);
        LegalCase c = cases.lock(id).orElseThrow(() -> new NotFoundException("Case", id));
        requireOffice(actor, c);
        return documents.upload(c.id, content, fileName, actor.username());
    }

    /**
     * What people may do to the case now: the stage's transitions, less an extension already used
     * and, for a case decided as not a violation, the referral (there is nothing to refer).
     */
    static Set<CaseAction> allowedActions(LegalCase c) {
        Set<CaseAction> allowed = CaseWorkflow.allowed(c.stage);
        allowed.remove(CaseAction.COMPLETION_EXPIRED);
        if (c.extended) {
            allowed.remove(CaseAction.EXTEND);
        }
        if (c.outcome == CaseOutcome.NOT_A_VIOLATION) {
            allowed.remove(CaseAction.REFER);
        }
        return allowed;
    }

    /** The clock's own action: a completion window that passed leaves the report unregistered. */
    @Transactional
    void expireCompletion(UUID id) {
        LegalCase c = cases.lock(id).orElseThrow();
        if (c.stage != CaseStage.AWAITING_COMPLETION || c.nextDueAt == null || c.nextDueAt.isAfter(clock.instant())) {
            return; // someone acted first
        }
        CaseStage from = c.stage;
        c.stage = CaseWorkflow.next(from, CaseAction.COMPLETION_EXPIRED);
        journal.save(c, from, CaseOpening.SYSTEM, CaseAction.COMPLETION_EXPIRED.name(), null,
                Map.of("dueAt", c.nextDueAt.toString()), "Laporan tidak dilengkapi dalam batas waktu.", clock.instant());
    }

    /** Changes the case as the action says; returns the note for the reporters, if any. */
    private @Nullable String apply(LegalCase c, CaseStage from, ActionRequest request, Map<String, Object> details,
                                   Instant now) {
        Violations violations = new Violations();
        String publicNote = text("publicNote", request.publicNote());
        switch (request.action()) {
            case BEGIN_REVIEW, BEGIN_CLARIFICATION, BEGIN_ASSESSMENT, TO_PLENARY, CLOSE, COMPLETION_EXPIRED -> {
            }
            case REQUEST_COMPLETION -> {
                List<Requirement> missing = request.missing() == null ? List.of()
                        : request.missing().stream().filter(java.util.Objects::nonNull).distinct().toList();
                violations.check(!missing.isEmpty(), "missing", "missing.required",
                        "name at least one requirement the report does not meet");
                violations.throwIfAny();
                c.missingItems = missing.stream().map(Enum::name).distinct().collect(Collectors.joining(","));
                c.clockStartedAt = now;
                details.put("missing", missing);
                if (publicNote == null) {
                    publicNote = "Mohon lengkapi: " + missing.stream().map(CaseHandling::label).distinct()
                            .collect(Collectors.joining(", ")) + ".";
                }
            }
            case COMPLETED -> {
                c.missingItems = null;
                c.clockStartedAt = now; // the completed report is reviewed afresh
            }
            case REGISTER -> {
                Set<Requirement> met = EnumSet.noneOf(Requirement.class);
                if (request.checklist() != null) {
                    request.checklist().stream().filter(java.util.Objects::nonNull).forEach(met::add);
                }
                Set<Requirement> unmet = EnumSet.copyOf(Requirement.requiredFor(c.kind));
                unmet.removeAll(met);
                violations.check(unmet.isEmpty(), "checklist", "checklist.unmet",
                        "a report is registered only when every requirement is met; not met: " + unmet);
                violations.throwIfAny();
                register(c, now);
                details.put("registerNumber", c.registerNumber);
                details.put("checklist", met);
                if (publicNote == null) {
                    publicNote = "Nomor registrasi: " + c.registerNumber;
                }
            }
            case DECLINE -> {
                String reason = required(violations, "reason", request.reason());
                violations.throwIfAny();
                details.put("reason", reason);
                if (publicNote == null) {
                    publicNote = reason;
                }
            }
            case RECORD_CLARIFICATION -> {
                List<String> heard = request.heard() == null ? List.of()
                        : request.heard().stream().filter(h -> h != null && !h.isBlank()).map(String::strip).toList();
                violations.check(!heard.isEmpty(), "heard", "heard.required", "name who was heard");
                violations.check(request.heardAt() != null, "heardAt", "required", "is required");
                violations.check(request.heardAt() == null || !request.heardAt().toInstant().isAfter(now), "heardAt",
                        "heardAt.future", "cannot be in the future");
                violations.throwIfAny();
                details.put("heard", heard);
                details.put("heardAt", request.heardAt().toString());
            }
            case EXTEND -> {
                String reason = required(violations, "reason", request.reason());
                violations.throwIfAny();
                if (c.extended) {
                    throw new ConflictException(new FieldViolation("action", "extend.used",
                            "The decision deadline has already been extended once"));
                }
                c.extended = true;
                details.put("reason", reason);
            }
            case DECIDE -> {
                violations.check(request.outcome() != null, "outcome", "required", "is required");
                violations.throwIfAny();
                c.outcome = request.outcome();
                c.subject = request.subject() != null ? request.subject() : ReportedSubject.fromSubcategory(c.subcategoryCode);
                c.decidedAt = now;
                details.put("outcome", c.outcome);
                details.put("subject", c.subject);
                ReferralPolicy.defaultTarget(c.outcome, c.subject).ifPresent(t -> details.put("defaultTarget", t));
            }
            case REFER -> refer(c, request, violations, details, now);
            case DELEGATE -> delegate(c, request, violations, details);
        }
        return publicNote;
    }

    private void register(LegalCase c, Instant now) {
        RuleSet rules = elections.ruleSet(c.ruleSet);
        LocalDate day = RegisterNumber.registrationDay(now, c.zone);
        var office = offices.region(c.officeCode).orElse(null);
        int sequence = cases.nextRegisterSequence(RegisterNumber.officeKey(office), day.getYear());
        c.registerNumber = RegisterNumber.format(sequence, c.kind, rules.registerCode(), office, day);
        c.registeredAt = now;
        c.clockStartedAt = now;
    }

    private void refer(LegalCase c, ActionRequest request, Violations violations, Map<String, Object> details, Instant now) {
        ReferralTarget target = request.target() != null ? request.target()
                : ReferralPolicy.defaultTarget(c.outcome, c.subject == null ? ReportedSubject.OTHER : c.subject).orElse(null);
        String letter = required(violations, "letterNumber", request.letterNumber());
        violations.check(request.date() != null, "date", "required", "is required");
        violations.check(request.date() == null || !request.date().isAfter(now.atZone(c.zone).toLocalDate()), "date",
                "date.future", "cannot be in the future");
        violations.check(request.date() == null || c.decidedAt == null
                        || !request.date().isBefore(c.decidedAt.atZone(c.zone).toLocalDate()), "date", "date.beforeDecision",
                "cannot be before the decision");
        violations.check(target != null, "target", "required", "is required");
        violations.throwIfAny();
        c.referralTarget = target;
        c.referralLetter = letter;
        c.referralDate = request.date();
        details.put("target", target);
        details.put("letterNumber", letter);
        details.put("date", request.date().toString());
        if (c.outcome == CaseOutcome.CRIMINAL && c.nextDueAt != null) {
            details.put("withinDeadline", !now.isAfter(c.nextDueAt));
        }
    }

    private void delegate(LegalCase c, ActionRequest request, Violations violations, Map<String, Object> details) {
        String to = required(violations, "toRegionCode", request.toRegionCode());
        violations.throwIfAny();
        RegionCode office = null;
        if (!Offices.NATIONAL.equals(to)) {
            if (!RegionCode.isValid(to)) {
                throw InvalidInputException.of("toRegionCode", "regionCode.invalid", "is not a region code (nn.nn.nn) or RI");
            }
            office = new RegionCode(to);
            if (!regions.exists(office)) {
                throw InvalidInputException.of("toRegionCode", "regionCode.unknown", "no region " + to);
            }
            if (office.level() == RegionLevel.VILLAGE) {
                throw InvalidInputException.of("toRegionCode", "office.village", "there is no Bawaslu office at village level");
            }
        }
        if (!Offices.covers(office, c.regionCode)) {
            throw InvalidInputException.of("toRegionCode", "office.outside",
                    "the office of " + to + " has no jurisdiction over region " + c.regionCode);
        }
        if (java.util.Objects.equals(office, c.officeCode)) {
            throw new ConflictException(new FieldViolation("toRegionCode", "office.same", "The case is already handled by " + to));
        }
        details.put("fromOffice", c.officeCode == null ? Offices.NATIONAL : c.officeCode.value());
        details.put("toOffice", to);
        c.officeCode = office;
        c.zone = offices.zone(office);
    }

    /** Staff act on the cases their office's subtree handles; Bawaslu RI's cases only national staff. */
    private static void requireOffice(Actor actor, LegalCase c) {
        actor.requireScope(c.officeCode);
    }

    private static String required(Violations violations, String field, @Nullable String value) {
        violations.check(value != null && !value.isBlank(), field, "required", "is required");
        violations.check(value == null || value.length() <= MAX_TEXT, field, "tooLong", "at most " + MAX_TEXT + " characters");
        return value == null ? "" : value.strip();
    }

    private static @Nullable String text(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw InvalidInputException.of(field, "tooLong", "at most " + MAX_TEXT + " characters");
        }
        return value.strip();
    }

    /** The requirement's name in the reporter's terms (Indonesian: the tracking note is stored once). */
    static String label(Requirement requirement) {
        return switch (requirement) {
            case REPORTER_IDENTITY -> "identitas pelapor";
            case REPORTER_STANDING -> "kedudukan pelapor (pemilih, peserta, atau pemantau)";
            case REPORTED_PARTY -> "identitas terlapor";
            case WITHIN_WINDOW -> "waktu pelaporan";
            case TIME_AND_PLACE -> "waktu dan tempat kejadian";
            case DESCRIPTION -> "uraian kejadian";
            case EVIDENCE -> "bukti atau saksi";
        };
    }
}
