package id.pantau.network.internal;

import id.pantau.shared.ClientRateLimits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public certificate check (/sertifikat?kode=...), for employers, schools and anyone shown a certificate. */
@Controller
class CertificatePages {

    private final Cohorts cohorts;
    private final ClientRateLimits rateLimits;

    CertificatePages(Cohorts cohorts, ClientRateLimits rateLimits) {
        this.cohorts = cohorts;
        this.rateLimits = rateLimits;
    }

    @GetMapping("/sertifikat")
    String check(@RequestParam(name = "kode", required = false) @Nullable String code, Model model,
                 HttpServletRequest http, HttpServletResponse response) {
        model.addAttribute("lightweight", true);
        model.addAttribute("code", code);
        if (code != null && !code.isBlank()) {
            rateLimits.check("certificates", http.getRemoteAddr());
            cohorts.certificate(code).ifPresentOrElse(c -> model.addAttribute("certificate", c), () -> {
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                model.addAttribute("notFound", true);
            });
        }
        return "network/certificate-check";
    }
}
