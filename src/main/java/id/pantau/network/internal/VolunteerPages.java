package id.pantau.network.internal;

import java.util.List;

import id.pantau.account.Actor;
import id.pantau.shared.ClientRateLimits;
import id.pantau.shared.ConflictException;
import id.pantau.shared.InvalidInputException;
import id.pantau.shared.PageRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public sign-up page (/gabung), which works without JavaScript, and the coordinators' list
 * of pending sign-ups with their approve and reject buttons.
 */
@Controller
class VolunteerPages {

    private final Volunteers volunteers;
    private final ClientRateLimits rateLimits;

    VolunteerPages(Volunteers volunteers, ClientRateLimits rateLimits) {
        this.volunteers = volunteers;
        this.rateLimits = rateLimits;
    }

    /** The sign-up form as a browser posts it; the consent box posts "true" when ticked. */
    record SignupForm(@Nullable String name, @Nullable String phone, @Nullable String regionCode,
                      @Nullable String consent) {

        static SignupForm empty() {
            return new SignupForm(null, null, null, null);
        }
    }

    @GetMapping("/gabung")
    String signupForm(Model model) {
        model.addAttribute("lightweight", true);
        model.addAttribute("form", SignupForm.empty());
        model.addAttribute("errors", List.of());
        return "network/signup-form";
    }

    @PostMapping("/gabung")
    String signUp(@ModelAttribute("form") SignupForm form, Model model, HttpServletRequest http,
                  HttpServletResponse response, RedirectAttributes redirect) {
        rateLimits.check("volunteers", http.getRemoteAddr());
        try {
            Volunteers.SignupReceipt receipt = volunteers.signUp(new Volunteers.SignupRequest(form.name(), form.phone(),
                    form.regionCode(), form.consent() != null && !form.consent().isBlank(), null));
            redirect.addFlashAttribute("number", receipt.id());
            return "redirect:/gabung/terima-kasih";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("lightweight", true);
            model.addAttribute("errors", e.violations());
            return "network/signup-form";
        }
    }

    @GetMapping("/gabung/terima-kasih")
    String signedUp(Model model) {
        model.addAttribute("lightweight", true);
        return "network/signup-done";
    }

    /**
     * The volunteers of the caller's region by status: the pending sign-ups to decide on (the
     * default), the approved ones with the numbers a team or cohort form asks for, the rejected.
     */
    @GetMapping("/network/volunteers")
    String list(Actor actor, @RequestParam(defaultValue = "PENDING") VolunteerStatus status,
                @RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("volunteers", volunteers.list(actor, null, status, null, q, PageRequest.of(Math.max(0, page), 50)));
        model.addAttribute("status", status);
        model.addAttribute("statuses", VolunteerStatus.values());
        model.addAttribute("q", q);
        model.addAttribute("mayDecide", actor.hasAny(Volunteers.MANAGERS));
        model.addAttribute("zone", java.time.ZoneId.of("Asia/Jakarta"));
        return "network/volunteer-list";
    }

    /** Shows one volunteer's number in clear on the list: a POST, so that it is a deliberate act, and audited. */
    @PostMapping("/network/volunteers/{id}/contact")
    String contact(Actor actor, @PathVariable long id, Model model, HttpServletResponse response) {
        Volunteers.Contact contact = volunteers.revealContact(actor, id);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("revealed", contact);
        return list(actor, volunteers.get(actor, id).status(), null, 0, model);
    }

    @PostMapping("/network/volunteers/{id}/approve")
    String approve(Actor actor, @PathVariable long id, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        try {
            Volunteers.Approval approval = volunteers.approve(actor, id);
            // rendered, not redirected: the one-time password must not wait in the session for the next page
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            model.addAttribute("approval", approval);
            return "network/volunteer-approved";
        } catch (ConflictException e) {
            redirect.addFlashAttribute("alreadyDecided", id);
            return "redirect:/network/volunteers";
        }
    }

    @PostMapping("/network/volunteers/{id}/reject")
    String reject(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("rejected", volunteers.reject(actor, id).name());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("alreadyDecided", id);
        }
        return "redirect:/network/volunteers";
    }
}
