package id.pantau.network.internal;

import java.io.IOException;
import java.util.List;

import id.pantau.account.Actor;
import id.pantau.shared.ConflictException;
import id.pantau.shared.FieldViolation;
import id.pantau.shared.InvalidInputException;
import id.pantau.shared.PageRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Teams for coordinators and staff: the list, a team with its members, adding members and the CSV import. */
@Controller
class TeamPages {

    private final Teams teams;
    private final MemberImport memberImport;

    private final Partners partners;

    TeamPages(Teams teams, MemberImport memberImport, Partners partners) {
        this.teams = teams;
        this.memberImport = memberImport;
        this.partners = partners;
    }

    @GetMapping("/network/teams")
    String list(Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("teams", teams.list(actor, null, null, null, PageRequest.of(Math.max(0, page), 50)));
        model.addAttribute("mayManage", actor.hasAny(Volunteers.MANAGERS));
        model.addAttribute("partnerChoices", actor.hasAny(Partners.READERS.toArray(id.pantau.account.Role[]::new))
                ? partners.list(actor, null, null, null, PageRequest.of(0, 200)).items() : List.of());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Teams.TeamRequest("", actor.homeRegion() == null ? "" : actor.homeRegion().value(), null));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", List.of());
        }
        return "network/team-list";
    }

    @PostMapping("/network/teams")
    String create(Actor actor, @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String regionCode,
                  @RequestParam(required = false) @Nullable Long formedByPartnerId,
                  Model model, HttpServletResponse response) {
        Teams.TeamRequest form = new Teams.TeamRequest(name, regionCode, formedByPartnerId);
        try {
            Teams.TeamView team = teams.create(actor, form);
            return "redirect:/network/teams/" + team.id();
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(e instanceof ConflictException ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("form", form);
            model.addAttribute("errors", violations(e));
            return list(actor, 0, model);
        }
    }

    @GetMapping("/network/teams/{id}")
    String team(Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("team", teams.get(actor, id));
        model.addAttribute("members", teams.allMembers(actor, id));
        model.addAttribute("mayManage", actor.hasAny(Volunteers.MANAGERS));
        model.addAttribute("roles", TeamRole.values());
        model.addAttribute("origins", TeamOrigin.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", List.of());
        }
        if (!model.containsAttribute("member")) {
            model.addAttribute("member", new Teams.MemberRequest(null, TeamRole.MEMBER.name(), TeamOrigin.COMMUNITY.name(), null, null));
        }
        return "network/team-detail";
    }

    @PostMapping("/network/teams/{id}/members")
    String addMember(Actor actor, @PathVariable long id, @RequestParam(required = false) @Nullable Long volunteerId,
                     @RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String origin,
                     @RequestParam(defaultValue = "") String areaCode, @RequestParam(required = false) @Nullable Integer tps,
                     Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Teams.MemberRequest request = new Teams.MemberRequest(volunteerId, role, origin, areaCode, tps);
        try {
            teams.addMember(actor, id, request);
            redirect.addFlashAttribute("memberAdded", true);
            return "redirect:/network/teams/" + id;
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(e instanceof ConflictException ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("member", request);
            model.addAttribute("errors", violations(e));
            return team(actor, id, model);
        }
    }

    @PostMapping("/network/teams/{id}/import")
    String importMembers(Actor actor, @PathVariable long id, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
                         Model model, HttpServletResponse response) throws IOException {
        try {
            model.addAttribute("importResult", memberImport.importMembers(actor, id, file == null ? null : file.getBytes()));
        } catch (InvalidInputException | ConflictException e) {
            response.setStatus(e instanceof ConflictException ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("importErrors", violations(e));
        }
        return team(actor, id, model);
    }

    @GetMapping(path = "/network/teams/{id}/members.csv", produces = "text/csv")
    org.springframework.http.ResponseEntity<String> export(Actor actor, @PathVariable long id) {
        return org.springframework.http.ResponseEntity.ok()
                .contentType(new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"team-" + id + "-members.csv\"")
                .body(memberImport.export(teams.allMembers(actor, id)));
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
