package id.pantau.network.internal;

import id.pantau.account.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A cohort's page: its sessions and cadres with attendance, completion and certificate codes. */
@Controller
class CohortPages {

    private final Cohorts cohorts;

    CohortPages(Cohorts cohorts) {
        this.cohorts = cohorts;
    }

    @GetMapping("/network/cohorts/{id}")
    String cohort(Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("cohort", cohorts.get(actor, id));
        return "network/cohort-detail";
    }
}
