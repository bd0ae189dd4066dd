package id.pantau.network.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.pantau.account.Actor;
import id.pantau.region.RegionCode;
import id.pantau.shared.FieldViolation;
import id.pantau.shared.InvalidInputException;
import id.pantau.shared.PageRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The activity pages: the list with its filters, the form to record or correct an activity, and
 * an activity with its attendance list. Access as in the API: writers record, analysts read.
 */
@Controller
class ActivityPages {

    private static final int PAGE_SIZE = 25;
    static final String LIST = "network/activity-list";
    static final String FORM = "network/activity-form";
    static final String DETAIL = "network/activity-detail";
    /** Blank attendee rows on the attendance form. */
    static final int ATTENDEE_ROWS = 5;

    private final ActivityService activities;

    ActivityPages(ActivityService activities) {
        this.activities = activities;
    }

    @GetMapping("/network/activities")
    String list(Actor actor, @RequestParam(required = false) @Nullable ActivityType type,
                @RequestParam(required = false) @Nullable RegionCode region,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                @RequestParam(required = false) @Nullable ActivityTopic topic,
                @RequestParam(required = false) @Nullable Long partnerId,
                @RequestParam(defaultValue = "0") int page, Model model) {
        var filter = new ActivityFilter(type, region, from, to, partnerId, topic);
        model.addAttribute("activities", activities.list(actor, filter, PageRequest.of(Math.max(0, page), PAGE_SIZE)));
        model.addAttribute("filter", filter);
        model.addAttribute("types", ActivityType.values());
        model.addAttribute("topics", ActivityTopic.values());
        model.addAttribute("partners", activities.partnerChoices(actor));
        model.addAttribute("mayWrite", actor.hasAny(ActivityService.WRITERS));
        return LIST;
    }

    @GetMapping("/network/activities/new")
    String newForm(Actor actor, Model model) {
        actor.requireRole(ActivityService.WRITERS);
        return form(actor, ActivityForm.blank(actor.homeRegion() == null ? null : actor.homeRegion().value()), null,
                List.of(), model);
    }

    @PostMapping("/network/activities")
    String create(Actor actor, @ModelAttribute ActivityForm form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        actor.requireRole(ActivityService.WRITERS);
        Map<String, FieldViolation> unreadable = new LinkedHashMap<>();
        try {
            ActivityRequest request = form.toRequest(unreadable);
            rejectUnreadable(actor, request, unreadable);
            ActivityView created = activities.record(actor, request);
            redirect.addFlashAttribute("saved", "created");
            return "redirect:/network/activities/" + created.id();
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(actor, form, null, unreadable.isEmpty() ? e.violations() : merge(unreadable, e.violations()), model);
        }
    }

    @GetMapping("/network/activities/{id}/edit")
    String editForm(Actor actor, @PathVariable long id, Model model) {
        actor.requireRole(ActivityService.WRITERS);
        ActivityView activity = activities.get(actor, id);
        return form(actor, ActivityForm.of(activity), activity, List.of(), model);
    }

    @PostMapping("/network/activities/{id}")
    String update(Actor actor, @PathVariable long id, @ModelAttribute ActivityForm form, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        actor.requireRole(ActivityService.WRITERS);
        ActivityView activity = activities.get(actor, id);
        Map<String, FieldViolation> unreadable = new LinkedHashMap<>();
        try {
            ActivityRequest request = form.toRequest(unreadable);
            rejectUnreadable(actor, request, unreadable);
            activities.correct(actor, id, request);
            redirect.addFlashAttribute("saved", "updated");
            return "redirect:/network/activities/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(actor, form, activity, unreadable.isEmpty() ? e.violations() : merge(unreadable, e.violations()), model);
        }
    }

    @GetMapping("/network/activities/{id}")
    String detail(Actor actor, @PathVariable long id, Model model) {
        return detail(actor, activities.get(actor, id), List.of(), List.of(), model);
    }

    @PostMapping("/network/activities/{id}/attendance")
    String recordAttendance(Actor actor, @PathVariable long id,
                            @RequestParam(name = "attendeeName", required = false) @Nullable List<String> names,
                            @RequestParam(name = "attendeeOrigin", required = false) @Nullable List<String> origins,
                            @RequestParam(name = "attendeeVolunteer", required = false) @Nullable List<String> volunteerNumbers,
                            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        List<ActivityAttendance.NewAttendee> rows = new ArrayList<>();
        List<String> typedNames = names == null ? List.of() : names;
        List<String> typedOrigins = origins == null ? List.of() : origins;
        List<String> typedVolunteers = volunteerNumbers == null ? List.of() : volunteerNumbers;
        List<id.pantau.shared.FieldViolation> badNumbers = new ArrayList<>();
        for (int i = 0; i < Math.max(typedNames.size(), typedOrigins.size()); i++) {
            String name = i < typedNames.size() ? typedNames.get(i) : "";
            String origin = i < typedOrigins.size() ? typedOrigins.get(i) : "";
            String number = i < typedVolunteers.size() ? typedVolunteers.get(i).strip() : "";
            Long volunteerId = null;
            if (!number.isEmpty()) {
                try {
                    volunteerId = Long.valueOf(number);
                } catch (NumberFormatException e) {
                    badNumbers.add(new id.pantau.shared.FieldViolation("attendees[" + rows.size() + "].volunteerId",
                            "volunteerId.invalid", "is not a volunteer number"));
                }
            }
            if (!name.isBlank() || !origin.isBlank()) {
                rows.add(new ActivityAttendance.NewAttendee(name, origin, volunteerId));
            }
        }
        if (!badNumbers.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return detail(actor, activities.get(actor, id), badNumbers, rows, model);
        }
        try {
            ActivityAttendance result = activities.recordAttendance(actor, id, new ActivityAttendance.Request(rows));
            redirect.addFlashAttribute("attendanceAdded", result.added());
            redirect.addFlashAttribute("attendanceAlready", result.alreadyRecorded());
            return "redirect:/network/activities/" + id + "#attendance";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return detail(actor, activities.get(actor, id), e.violations(), rows, model);
        }
    }

    @PostMapping("/network/activities/{id}/attendance/{attendeeId}/remove")
    String removeAttendee(Actor actor, @PathVariable long id, @PathVariable long attendeeId, RedirectAttributes redirect) {
        activities.removeAttendee(actor, id, attendeeId);
        redirect.addFlashAttribute("attendeeRemoved", true);
        return "redirect:/network/activities/" + id + "#attendance";
    }

    private String form(Actor actor, ActivityForm form, @Nullable ActivityView editing, List<FieldViolation> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("errors", errors);
        model.addAttribute("fieldErrors", ActivityForm.byField(errors));
        model.addAttribute("types", ActivityType.values());
        model.addAttribute("topics", ActivityTopic.values());
        model.addAttribute("recurrences", ActivityRecurrence.values());
        model.addAttribute("partners", activities.partnerChoices(actor));
        return FORM;
    }

    private String detail(Actor actor, ActivityView activity, List<FieldViolation> errors,
                          List<ActivityAttendance.NewAttendee> typed, Model model) {
        boolean mayWrite = actor.hasAny(ActivityService.WRITERS);
        model.addAttribute("activity", activity);
        model.addAttribute("mayWrite", mayWrite);
        model.addAttribute("attendance", mayWrite ? activities.attendance(actor, activity.id()) : null);
        model.addAttribute("errors", errors);
        List<ActivityAttendance.NewAttendee> rows = new ArrayList<>(typed);
        while (rows.size() < ATTENDEE_ROWS) {
            rows.add(new ActivityAttendance.NewAttendee("", "", null));
        }
        model.addAttribute("attendeeRows", rows);
        return DETAIL;
    }

    /** Values that could not be read are reported together with what the rules say about the rest. */
    private void rejectUnreadable(Actor actor, ActivityRequest request, Map<String, FieldViolation> unreadable) {
        if (unreadable.isEmpty()) {
            return;
        }
        List<FieldViolation> rules = List.of();
        try {
            activities.check(actor, request);
        } catch (InvalidInputException e) {
            rules = e.violations();
        }
        throw new InvalidInputException(merge(unreadable, rules));
    }

    /** Unreadable values first; a rule's complaint about a field that could not even be read adds nothing. */
    private static List<FieldViolation> merge(Map<String, FieldViolation> unreadable, List<FieldViolation> violations) {
        List<FieldViolation> all = new ArrayList<>(unreadable.values());
        for (FieldViolation violation : violations) {
            if (!unreadable.containsKey(ActivityForm.baseField(violation.field()))) {
                all.add(violation);
            }
        }
        return all;
    }
}
