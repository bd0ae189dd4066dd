package id.pantau.network.internal;

import java.time.LocalDate;

import id.pantau.account.Actor;
import id.pantau.region.RegionCode;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Contribution figures of partners and teams, over the API and as a page fragment. */
@Controller
@Tag(name = "Contribution")
class ContributionApi {

    private final Contributions contributions;

    ContributionApi(Contributions contributions) {
        this.contributions = contributions;
    }

    @GetMapping("/api/v1/partners/{id}/contribution")
    @ResponseBody
    @Operation(summary = "members, activeMembers, reports, activities, agreementsInForce of a partner in [from, to] (default: this year)")
    Contributions.Contribution partner(Actor actor, @PathVariable long id,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return contributions.ofPartner(actor, id, contributions.period(from, to));
    }

    @GetMapping("/api/v1/teams/{id}/contribution")
    @ResponseBody
    @Operation(summary = "The same figures for a monitoring team")
    Contributions.Contribution team(Actor actor, @PathVariable long id,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return contributions.ofTeam(actor, id, contributions.period(from, to));
    }

    @GetMapping("/api/v1/contributions")
    @ResponseBody
    @Operation(summary = "Every partner (subject=PARTNER, the default) or team (subject=TEAM) of a region within yours, "
            + "with its figures, by name")
    PageResult<Contributions.Contribution> byRegion(Actor actor,
                                                    @RequestParam(defaultValue = "PARTNER") Contributions.Subject subject,
                                                    @RequestParam(required = false) @Nullable RegionCode region,
                                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                                                    @RequestParam(required = false) @Nullable Integer page,
                                                    @RequestParam(required = false) @Nullable Integer size) {
        return contributions.byRegion(actor, subject, region, contributions.period(from, to),
                PageRequest.of(page, size == null ? 25 : Math.min(size, 100)));
    }

    /** The overview page: the partners and the teams of a region with their figures for a period. */
    @GetMapping("/network/contributions")
    String overview(Actor actor, @RequestParam(required = false) @Nullable String region,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                    Model model) {
        RegionCode code = region == null || region.isBlank() || !RegionCode.isValid(region.strip()) ? null
                : RegionCode.parse(region.strip());
        model.addAttribute("region", code == null ? "" : code.value());
        model.addAttribute("invalidRegion", region != null && !region.isBlank() && code == null);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        try {
            Contributions.Period period = contributions.period(from, to);
            model.addAttribute("period", period);
            model.addAttribute("partners", contributions.byRegion(actor, Contributions.Subject.PARTNER, code, period,
                    PageRequest.of(0, 100)));
            model.addAttribute("teams", contributions.byRegion(actor, Contributions.Subject.TEAM, code, period,
                    PageRequest.of(0, 100)));
        } catch (id.pantau.shared.InvalidInputException e) {
            model.addAttribute("errors", e.violations());
        }
        return "network/contributions";
    }

    @GetMapping("/network/teams/{id}/contribution")
    String teamPage(Actor actor, @PathVariable long id,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                    Model model) {
        model.addAttribute("c", contributions.ofTeam(actor, id, contributions.period(from, to)));
        return "network/contribution :: figures";
    }

    @GetMapping("/network/partners/{id}/contribution")
    String partnerPage(Actor actor, @PathVariable long id,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                       Model model) {
        model.addAttribute("c", contributions.ofPartner(actor, id, contributions.period(from, to)));
        return "network/contribution :: figures";
    }
}
