package id.pantau.network.internal;

import java.time.LocalDate;
import java.util.List;

import id.pantau.account.Actor;
import id.pantau.shared.ConflictException;
import id.pantau.shared.FieldViolation;
import id.pantau.shared.InvalidInputException;
import id.pantau.shared.PageRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Cadre cohorts for coordinators and staff: the list with a form to open one, and a cohort's page
 * where its sessions are added, cadres enrolled by volunteer number, attendance ticked per session
 * and completion recorded (which issues the certificate code). Analysts read.
 */
@Controller
class CohortPages {

    private final Cohorts cohorts;

    CohortPages(Cohorts cohorts) {
        this.cohorts = cohorts;
    }

    record CohortForm(String name, String programme, String regionCode, @Nullable LocalDate startsOn) {
    }

    @GetMapping("/network/cohorts")
    String list(Actor actor, @RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
                Model model) {
        model.addAttribute("cohorts", cohorts.list(actor, null, null, q, PageRequest.of(Math.max(0, page), 50)));
        model.addAttribute("q", q);
        model.addAttribute("mayManage", actor.hasAny(Volunteers.MANAGERS));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new CohortForm("", "", actor.homeRegion() == null ? "" : actor.homeRegion().value(), null));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", List.of());
        }
        return "network/cohort-list";
    }

    @PostMapping("/network/cohorts")
    String create(Actor actor, @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String programme,
                  @RequestParam(defaultValue = "") String regionCode,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate startsOn,
                  Model model, HttpServletResponse response) {
        try {
            Cohorts.CohortView cohort = cohorts.create(actor, new Cohorts.CohortRequest(name, programme, regionCode, startsOn));
            return "redirect:/network/cohorts/" + cohort.id();
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(status(e));
            model.addAttribute("form", new CohortForm(name, programme, regionCode, startsOn));
            model.addAttribute("errors", violations(e));
            return list(actor, null, 0, model);
        }
    }

    @GetMapping("/network/cohorts/{id}")
    String cohort(Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("cohort", cohorts.get(actor, id));
        model.addAttribute("mayManage", actor.hasAny(Volunteers.MANAGERS));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", List.of());
        }
        return "network/cohort-detail";
    }

    @PostMapping("/network/cohorts/{id}/sessions")
    String addSession(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String title,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate heldOn,
                      Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return change(actor, id, model, response, redirect, "sessionAdded",
                () -> cohorts.addSession(actor, id, new Cohorts.SessionRequest(title, heldOn)));
    }

    @PostMapping("/network/cohorts/{id}/members")
    String enrol(Actor actor, @PathVariable long id, @RequestParam(required = false) @Nullable Long volunteerId,
                 Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return change(actor, id, model, response, redirect, "memberEnrolled",
                () -> cohorts.enrol(actor, id, new Cohorts.EnrolRequest(volunteerId)));
    }

    @PostMapping("/network/cohorts/{id}/sessions/{sessionId}/attendance")
    String attendance(Actor actor, @PathVariable long id, @PathVariable long sessionId,
                      @RequestParam(required = false) @Nullable List<Long> volunteerIds,
                      Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return change(actor, id, model, response, redirect, "attendanceRecorded",
                () -> cohorts.recordAttendance(actor, id, sessionId, new Cohorts.AttendanceRequest(volunteerIds)));
    }

    @PostMapping("/network/cohorts/{id}/members/{volunteerId}/completion")
    String complete(Actor actor, @PathVariable long id, @PathVariable long volunteerId,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate completedOn,
                    Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return change(actor, id, model, response, redirect, "memberCompleted",
                () -> cohorts.complete(actor, id, volunteerId, new Cohorts.CompletionRequest(completedOn)));
    }

    /** Makes the change and goes back to the cohort with a notice, or shows the cohort with the mistakes. */
    private String change(Actor actor, long id, Model model, HttpServletResponse response, RedirectAttributes redirect,
                          String notice, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute(notice, true);
            return "redirect:/network/cohorts/" + id;
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(status(e));
            model.addAttribute("errors", violations(e));
            return cohort(actor, id, model);
        }
    }

    private static int status(RuntimeException e) {
        return e instanceof ConflictException ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST;
    }

    private static List<FieldViolation> violations(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.violations();
        }
        ConflictException conflict = (ConflictException) e;
        return conflict.violation() == null ? List.of(new FieldViolation("name", "conflict", conflict.getMessage()))
                : List.of(conflict.violation());
    }
}
