package id.pantau.account.internal;

import java.util.List;

import id.pantau.account.Actor;
import id.pantau.account.Role;
import id.pantau.region.RegionCode;
import id.pantau.shared.ConflictException;
import id.pantau.shared.FieldViolation;
import id.pantau.shared.InvalidInputException;
import id.pantau.shared.PageRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Account management pages for administrators and staff, scoped like the API. */
@Controller
@RequestMapping("/admin/users")
class UserAdminPages {

    private static final int PAGE_SIZE = 50;

    private final AccountService accounts;

    UserAdminPages(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    String list(Actor actor, @RequestParam(required = false) @Nullable RegionCode region,
                @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("accounts", accounts.list(actor, region, null, null, PageRequest.of(Math.max(0, page), PAGE_SIZE)));
        model.addAttribute("region", region);
        model.addAttribute("roles", grantableRoles(actor));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new NewAccount("", "", List.of(Role.STAFF.name()),
                    actor.homeRegion() == null ? "" : actor.homeRegion().value(), ""));
        }
        return "account/users";
    }

    @PostMapping
    String create(Actor actor, @ModelAttribute("form") NewAccount form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        try {
            AccountView created = accounts.create(actor, form);
            redirect.addFlashAttribute("created", created.username());
            return "redirect:/admin/users";
        } catch (InvalidInputException e) {
            return invalid(actor, form, e.violations(), model, response);
        } catch (ConflictException e) {
            return invalid(actor, form, e.violation() == null ? List.of() : List.of(e.violation()), model, response);
        }
    }

    @GetMapping("/{id}")
    String edit(Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("account", accounts.get(actor, id));
        model.addAttribute("roles", grantableRoles(actor));
        return "account/user";
    }

    @PostMapping("/{id}")
    String update(Actor actor, @PathVariable long id, @RequestParam(required = false) @Nullable List<String> roles,
                  @RequestParam(defaultValue = "") String regionCode, @RequestParam(defaultValue = "false") boolean enabled,
                  @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String displayName,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        var changes = new AccountChanges(displayName, roles == null ? List.of() : roles, regionCode, enabled,
                password.isEmpty() ? null : password);
        try {
            AccountView updated = accounts.update(actor, id, changes);
            redirect.addFlashAttribute("updated", updated.username());
            return "redirect:/admin/users";
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(e instanceof ConflictException ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
            model.addAttribute("account", accounts.get(actor, id));
            model.addAttribute("roles", grantableRoles(actor));
            model.addAttribute("errors", e instanceof InvalidInputException invalid ? invalid.violations()
                    : List.of(new FieldViolation("account", "account.conflict", e.getMessage())));
            return "account/user";
        }
    }

    private String invalid(Actor actor, NewAccount form, List<FieldViolation> errors, Model model,
                           HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("form", new NewAccount(form.username(), "", form.roles(), form.regionCode(), form.displayName()));
        model.addAttribute("errors", errors);
        return list(actor, null, 0, model);
    }

    private static List<Role> grantableRoles(Actor actor) {
        return List.of(Role.values()).stream().filter(r -> r != Role.ADMIN || actor.has(Role.ADMIN)).toList();
    }
}
