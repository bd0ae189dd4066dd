package id.pantau.network.internal;

import id.pantau.shared.ClientRateLimits;
import id.pantau.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Public verification of a cadre's completion certificate. */
@RestController
@Tag(name = "Cohorts")
class CertificateApi {

    private final Cohorts cohorts;
    private final ClientRateLimits rateLimits;

    CertificateApi(Cohorts cohorts, ClientRateLimits rateLimits) {
        this.cohorts = cohorts;
        this.rateLimits = rateLimits;
    }

    @GetMapping("/api/v1/certificates/{code}")
    @Operation(summary = "Verify a certificate code (public): the holder's masked name, cohort, programme and completion date")
    Cohorts.Certificate verify(@PathVariable String code, HttpServletRequest http) {
        rateLimits.check("certificates", http.getRemoteAddr());
        return cohorts.certificate(code).orElseThrow(() -> new NotFoundException("Certificate", code));
    }
}
