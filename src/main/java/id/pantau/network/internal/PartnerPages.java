package id.pantau.network.internal;

import java.time.LocalDate;
import java.util.List;

import id.pantau.account.Actor;
import id.pantau.region.RegionCode;
import id.pantau.shared.ConflictException;
import id.pantau.shared.FieldViolation;
import id.pantau.shared.InvalidInputException;
import id.pantau.shared.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of partners and agreements: lists, forms, an agreement with its lifecycle and follow-ups. */
@Controller
class PartnerPages {

    private static final int PAGE_SIZE = 25;

    private final Partners partners;
    private final Agreements agreements;

    PartnerPages(Partners partners, Agreements agreements) {
        this.partners = partners;
        this.agreements = agreements;
    }

    @GetMapping("/network")
    String hub() {
        return "network/hub";
    }

    @GetMapping("/network/partners")
    String partners(Actor actor, @RequestParam(required = false) @Nullable PartnerType type,
                    @RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
                    Model model) {
        model.addAttribute("partners", partners.list(actor, null, type, q, PageRequest.of(Math.max(0, page), PAGE_SIZE)));
        model.addAttribute("types", PartnerType.values());
        model.addAttribute("type", type);
        model.addAttribute("q", q);
        model.addAttribute("home", actor.homeRegion());
        model.addAttribute("errors", model.getAttribute("errors") == null ? List.of() : model.getAttribute("errors"));
        return "network/partners";
    }

    @PostMapping("/network/partners")
    String createPartner(Actor actor, @RequestParam(required = false) @Nullable String name,
                         @RequestParam(required = false) @Nullable PartnerType type,
                         @RequestParam(required = false) @Nullable String regionCode,
                         @RequestParam(required = false) @Nullable String contactName,
                         @RequestParam(required = false) @Nullable String contactPosition,
                         @RequestParam(required = false) @Nullable String contactPhone,
                         @RequestParam(required = false) @Nullable String contactEmail,
                         Model model, RedirectAttributes redirect) {
        List<PartnerContact> contacts = contactName == null || contactName.isBlank() ? List.of()
                : List.of(new PartnerContact(contactName, blank(contactPosition), blank(contactPhone), blank(contactEmail)));
        try {
            Partners.PartnerView created = partners.create(actor, new Partners.PartnerRequest(name, type, regionCode, contacts));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/network/partners/" + created.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.violations());
        } catch (ConflictException e) {
            model.addAttribute("errors", List.of(e.violation() != null ? e.violation()
                    : new FieldViolation("name", "conflict", e.getMessage())));
        }
        model.addAttribute("form", new PartnerForm(name, type, regionCode, contactName, contactPosition, contactPhone, contactEmail));
        return partners(actor, null, null, 0, model);
    }

    record PartnerForm(@Nullable String name, @Nullable PartnerType type, @Nullable String regionCode,
                       @Nullable String contactName, @Nullable String contactPosition, @Nullable String contactPhone,
                       @Nullable String contactEmail) {
    }

    @GetMapping("/network/partners/{id}")
    String partner(Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("partner", partners.get(actor, id));
        model.addAttribute("agreements", agreements.list(actor, null, null, id, null, PageRequest.of(0, 100)).items());
        model.addAttribute("mayReveal", actor.hasAny(Partners.WRITERS));
        return "network/partner";
    }

    /** The partner's page with its contacts unmasked: a POST, so that it is a deliberate act, and audited. */
    @PostMapping("/network/partners/{id}/contacts")
    String contacts(Actor actor, @PathVariable long id, Model model, jakarta.servlet.http.HttpServletResponse response) {
        List<PartnerContact> contacts = partners.revealContacts(actor, id);
        response.setHeader(org.springframework.http.HttpHeaders.CACHE_CONTROL, "no-store");
        String page = partner(actor, id, model);
        model.addAttribute("revealedContacts", contacts);
        return page;
    }

    @GetMapping("/network/agreements")
    String agreementList(Actor actor, @RequestParam(required = false) @Nullable AgreementStatus status,
                         @RequestParam(required = false) @Nullable Integer expiring,
                         @RequestParam(defaultValue = "false") boolean overdue,
                         @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("agreements", agreements.list(actor, null, status, null, expiring, overdue,
                PageRequest.of(Math.max(0, page), PAGE_SIZE)));
        model.addAttribute("statuses", AgreementStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("expiring", expiring);
        model.addAttribute("overdue", overdue);
        model.addAttribute("points", CooperationPoint.values());
        model.addAttribute("partnerChoices", partners.list(actor, null, null, null, PageRequest.of(0, 200)).items());
        model.addAttribute("home", actor.homeRegion());
        if (model.getAttribute("errors") == null) {
            model.addAttribute("errors", List.of());
        }
        return "network/agreements";
    }

    @PostMapping("/network/agreements")
    String createAgreement(Actor actor, @RequestParam(required = false) @Nullable String title,
                           @RequestParam(required = false) @Nullable String regionCode,
                           @RequestParam(required = false) @Nullable List<Long> partnerIds,
                           @RequestParam(required = false) @Nullable List<CooperationPoint> cooperationPoints,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate validUntil,
                           @RequestParam(required = false) @Nullable String signatoryName,
                           @RequestParam(required = false) @Nullable String signatoryPosition,
                           Model model, RedirectAttributes redirect) {
        List<Agreements.Signatory> signatories = signatoryName == null || signatoryName.isBlank() ? List.of()
                : List.of(new Agreements.Signatory(signatoryName, blank(signatoryPosition), null));
        try {
            Agreements.AgreementView created = agreements.create(actor, new Agreements.AgreementRequest(title, regionCode,
                    partnerIds, cooperationPoints, null, null, validUntil, signatories));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/network/agreements/" + created.id();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.violations());
        }
        return agreementList(actor, null, null, false, 0, model);
    }

    @GetMapping("/network/agreements/{id}")
    String agreement(Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("agreement", agreements.get(actor, id));
        if (model.getAttribute("errors") == null) {
            model.addAttribute("errors", List.of());
        }
        return "network/agreement";
    }

    @PostMapping("/network/agreements/{id}/transitions")
    String transition(Actor actor, @PathVariable long id, @RequestParam(required = false) @Nullable AgreementStatus to,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
                      @RequestParam(required = false) @Nullable String note, Model model, RedirectAttributes redirect) {
        try {
            agreements.transition(actor, id, new Agreements.TransitionRequest(to, date, note));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.violations());
            return agreement(actor, id, model);
        } catch (ConflictException e) {
            model.addAttribute("errors", List.of(new FieldViolation("to", "conflict", e.getMessage())));
            return agreement(actor, id, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/network/agreements/" + id;
    }

    @PostMapping("/network/agreements/{id}/follow-ups")
    String followUp(Actor actor, @PathVariable long id, @RequestParam(required = false) @Nullable String description,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dueOn,
                    Model model, RedirectAttributes redirect) {
        try {
            agreements.addFollowUp(actor, id, new Agreements.FollowUpRequest(description, dueOn));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.violations());
            return agreement(actor, id, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/network/agreements/" + id;
    }

    @PostMapping("/network/agreements/{id}/follow-ups/{followUpId}/done")
    String followUpDone(Actor actor, @PathVariable long id, @PathVariable long followUpId, RedirectAttributes redirect) {
        agreements.completeFollowUp(actor, id, followUpId, null);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/network/agreements/" + id;
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static @Nullable RegionCode region(@Nullable String code) {
        return code == null || !RegionCode.isValid(code) ? null : new RegionCode(code);
    }
}
