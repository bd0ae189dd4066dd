package id.pantau.report.internal;


import id.pantau.shared.ClientRateLimits;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What anyone holding a tracking code may see: the public status history, never personal data. */
@RestController
@Tag(name = "Reports")
class TrackApi {

    private final Tracking tracking;
    private final ClientRateLimits rateLimits;

    TrackApi(Tracking tracking, ClientRateLimits rateLimits) {
        this.tracking = tracking;
        this.rateLimits = rateLimits;
    }

    @GetMapping("/api/v1/track/{code}")
    @Operation(summary = "The public status of a report by its tracking code")
    Tracking.PublicStatus track(@PathVariable String code, HttpServletRequest http) {
        rateLimits.check("track", http.getRemoteAddr());
        return tracking.find(code);
    }
}
