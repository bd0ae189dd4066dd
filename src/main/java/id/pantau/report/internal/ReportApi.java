package id.pantau.report.internal;

import java.net.URI;
import java.util.Objects;

import id.pantau.account.Actor;
import id.pantau.shared.ClientRateLimits;
import id.pantau.shared.Idempotency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Report intake over the API: anyone may report, signed in or not. */
@RestController
@Tag(name = "Reports")
class ReportApi {

    private final ReportIntake intake;
    private final ReportWriter writer;
    private final Idempotency idempotency;
    private final ClientRateLimits rateLimits;

    ReportApi(ReportIntake intake, ReportWriter writer, Idempotency idempotency, ClientRateLimits rateLimits) {
        this.intake = intake;
        this.writer = writer;
        this.idempotency = idempotency;
        this.rateLimits = rateLimits;
    }

    @PostMapping("/api/v1/reports")
    @Operation(summary = "Submit a report, finding or initial information; honours Idempotency-Key",
            description = "Anonymous: kind INFORMASI_AWAL; with a reporter name: LAPORAN; signed in as staff: TEMUAN. "
                    + "A late report is accepted and flagged (reportingWindow.timely=false). Evidence follows with "
                    + "POST /api/v1/reports/{id}/evidence and the uploadToken.")
    ResponseEntity<?> submit(@Nullable Actor actor, @RequestBody ReportRequest request,
                             @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String key,
                             HttpServletRequest http) {
        if (actor == null) {
            rateLimits.check("reports", http.getRemoteAddr());
        }
        String scope = actor == null ? "public:reports" : "account:" + actor.id();
        ReportIntake.Prepared prepared = intake.prepare(actor, request, ReportIntake.Channel.API);
        ResponseEntity<?> created = ResponseEntity.created(URI.create("/api/v1/reports/" + prepared.receipt().id()))
                .body(prepared.receipt());
        Idempotency.Claim claim = key == null ? null : idempotency.claim(scope, key, request, created);
        return switch (writer.store(prepared.report(), claim)) {
            case STORED -> created;
            case KEY_TAKEN -> idempotency.replay(Objects.requireNonNull(claim));
        };
    }
}
