package id.pantau.casework.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import id.pantau.account.Actor;
import id.pantau.account.Role;
import id.pantau.casework.CaseAction;
import id.pantau.casework.CaseOutcome;
import id.pantau.casework.CaseStage;
import id.pantau.election.Elections;
import id.pantau.region.RegionCode;
import id.pantau.report.ReportCategories;
import id.pantau.shared.ConflictException;
import id.pantau.shared.FieldViolation;
import id.pantau.shared.InvalidInputException;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages: the queue, and a case with its deadlines, timeline and the next steps as forms. */
@Controller
class CasePages {

    private static final int PAGE_SIZE = 25;


    private final CaseQueries queries;
    private final CaseHandling handling;
    private final CaseApi api;
    private final CaseTexts texts;
    private final Elections elections;
    private final ReportCategories categories;

    CasePages(CaseQueries queries, CaseHandling handling, CaseApi api, CaseTexts texts, Elections elections,
              ReportCategories categories) {
        this.categories = categories;
        this.queries = queries;
        this.handling = handling;
        this.api = api;
        this.texts = texts;
        this.elections = elections;
    }

    /**
     * The queue. The filter form sends every field, empty ones too: an empty field is no filter,
     * and a value that is not a region code comes back next to the filters, not as an error page.
     */
    @GetMapping("/cases")
    String queue(Actor actor, @RequestParam(required = false) @Nullable String region,
                 @RequestParam(required = false) @Nullable CaseStage stage,
                 @RequestParam(required = false) @Nullable String category,
                 @RequestParam(required = false) @Nullable Long election,
                 @RequestParam(required = false) @Nullable String office,
                 @RequestParam(required = false) @Nullable String due,
                 @RequestParam(defaultValue = "0") int page, Model model, Locale locale, HttpServletResponse response) {
        actor.requireRole(Role.STAFF, Role.ANALYST, Role.ADMIN);
        String regionText = blankToNull(region);
        PageRequest request = PageRequest.of(Math.max(0, page), PAGE_SIZE);
        try {
            RegionCode regionCode = null;
            if (regionText != null) {
                if (!RegionCode.isValid(regionText)) {
                    throw InvalidInputException.of("region", "regionCode.invalid", "is not a region code");
                }
                regionCode = RegionCode.parse(regionText);
            }
            var filter = CaseApi.filter(regionCode, stage == null ? null : List.of(stage), category, election, office, null, due);
            model.addAttribute("cases", queries.queue(actor, filter, request));
            model.addAttribute("errors", List.of());
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("cases", PageResult.of(List.<CaseViews.QueueItem>of(), 0, request));
            model.addAttribute("errors", texts.errors(e.violations(), locale));
        }
        model.addAttribute("filter", new QueueFilter(regionText, stage, blankToNull(category), election, blankToNull(office),
                blankToNull(due)));
        model.addAttribute("stages", CaseStage.values());
        // the report types a case can be about (hazards open no case), named by the report module
        model.addAttribute("categories", categories.types(locale).stream().filter(t -> !"HAZARD".equals(t.kind())).toList());
        model.addAttribute("categoryLabels", categories.labels(locale));
        model.addAttribute("elections", elections.all());
        model.addAttribute("zones", CaseTexts.ZONE_NAMES);
        return "casework/queue";
    }

    record QueueFilter(@Nullable String region, @Nullable CaseStage stage, @Nullable String category,
                       @Nullable Long election, @Nullable String office, @Nullable String due) {
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @GetMapping("/cases/{id}")
    String view(Actor actor, @PathVariable UUID id, Model model, Locale locale) {
        return page(actor, id, model, List.of(), locale);
    }

    /** One form per step; fields a step does not use are simply absent. */
    @PostMapping("/cases/{id}/actions")
    String act(Actor actor, @PathVariable UUID id, @RequestParam(required = false) @Nullable CaseAction action,
               @RequestParam(required = false) @Nullable String note,
               @RequestParam(required = false) @Nullable String publicNote,
               @RequestParam(required = false) @Nullable List<Requirement> missing,
               @RequestParam(required = false) @Nullable List<Requirement> checklist,
               @RequestParam(required = false) @Nullable String reason,
               @RequestParam(required = false) @Nullable String heard,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime heardAt,
               @RequestParam(required = false) @Nullable CaseOutcome outcome,
               @RequestParam(required = false) @Nullable ReportedSubject subject,
               @RequestParam(required = false) @Nullable ReferralTarget target,
               @RequestParam(required = false) @Nullable String letterNumber,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
               @RequestParam(required = false) @Nullable String toRegionCode,
               @RequestParam(required = false) @Nullable List<MultipartFile> documents,
               Model model, RedirectAttributes redirect, Locale locale, HttpServletResponse response) throws IOException {
        try {
            List<CaseHandling.Upload> uploads = new ArrayList<>();
            for (MultipartFile file : documents == null ? List.<MultipartFile>of() : documents) {
                if (!file.isEmpty()) {
                    uploads.add(new CaseHandling.Upload(file.getBytes(), file.getOriginalFilename()));
                }
            }
            // a datetime-local field carries no offset: it is the office's local time, as the page shows
            OffsetDateTime heardAtOffset = heardAt == null ? null
                    : heardAt.atZone(handling.readable(actor, id).zone).toOffsetDateTime();
            List<String> heardNames = heard == null ? null : Arrays.stream(heard.split("\\R")).filter(s -> !s.isBlank()).toList();
            LegalCase c = handling.act(actor, id, new ActionRequest(action, note, publicNote, missing, checklist, reason,
                    heardNames, heardAtOffset, outcome, subject, target, letterNumber, date, toRegionCode, null), uploads);
            if (!actor.mayActOn(c.officeCode)) {
                redirect.addFlashAttribute("handedOver", c.officeCode == null ? Offices.NATIONAL : c.officeCode.value());
                return "redirect:/cases";
            }
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(actor, id, model, texts.errors(e.violations(), locale), locale);
        } catch (TransitionRefusedException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return page(actor, id, model, List.of(texts.refused(e, locale)), locale);
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            FieldViolation violation = e.violation() != null ? e.violation()
                    : new FieldViolation("action", "conflict", e.getMessage());
            return page(actor, id, model, texts.errors(List.of(violation), locale), locale);
        }
        redirect.addFlashAttribute("done", action);
        return "redirect:/cases/" + id;
    }

    @GetMapping("/cases/{id}/documents/{documentId}")
    ResponseEntity<InputStreamResource> document(Actor actor, @PathVariable UUID id, @PathVariable UUID documentId) {
        return api.download(id, documentId, actor);
    }

    private String page(Actor actor, UUID id, Model model, List<CaseTexts.PageError> errors, Locale locale) {
        CaseViews.Detail detail = queries.detail(actor, id);
        ZoneId zone = ZoneId.of(detail.office().timeZone());
        Map<Long, List<CaseTexts.Line>> lines = new HashMap<>();
        detail.history().forEach(step -> lines.put(step.id(), texts.lines(step.details(), zone, locale)));
        model.addAttribute("c", detail);
        model.addAttribute("categoryLabels", categories.labels(locale));
        model.addAttribute("lines", lines);
        model.addAttribute("zone", CaseTexts.zoneName(zone));
        model.addAttribute("errors", errors);
        model.addAttribute("mayAct", actor.has(Role.STAFF) && actor.mayActOn(
                Offices.NATIONAL.equals(detail.office().code()) ? null : new RegionCode(detail.office().code())));
        model.addAttribute("requirements", Requirement.requiredFor(detail.kind()));
        model.addAttribute("late", detail.reports().stream().anyMatch(r -> Boolean.FALSE.equals(r.timely())));
        model.addAttribute("outcomes", CaseOutcome.values());
        model.addAttribute("subjects", ReportedSubject.values());
        model.addAttribute("targets", ReferralTarget.values());
        return "casework/case";
    }
}
