package id.pantau.network.internal;

import java.net.URI;

import id.pantau.account.Actor;
import id.pantau.region.RegionCode;
import id.pantau.shared.ClientRateLimits;
import id.pantau.shared.Idempotency;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Volunteers: the public sign-up, and approval and records for coordinators and staff. */
@RestController
@Tag(name = "Volunteers")
class VolunteerApi {

    private final Volunteers volunteers;
    private final Idempotency idempotency;
    private final ClientRateLimits rateLimits;

    VolunteerApi(Volunteers volunteers, Idempotency idempotency, ClientRateLimits rateLimits) {
        this.volunteers = volunteers;
        this.idempotency = idempotency;
        this.rateLimits = rateLimits;
    }

    @PostMapping("/api/v1/volunteers/signup")
    @Operation(summary = "Sign up as a volunteer (public; needs consent=true); answers PENDING until a coordinator approves")
    ResponseEntity<?> signUp(@RequestBody Volunteers.SignupRequest request,
                             @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String key,
                             HttpServletRequest http) {
        rateLimits.check("volunteers", http.getRemoteAddr());
        return idempotency.create("public:volunteers", key, request, () -> {
            Volunteers.SignupReceipt receipt = volunteers.signUp(request);
            return ResponseEntity.created(URI.create("/api/v1/volunteers/" + receipt.id())).body(receipt);
        });
    }

    @GetMapping("/api/v1/volunteers")
    @Operation(summary = "Volunteers in the caller's region, newest first; filter by region, status, partner, q (name)")
    PageResult<Volunteers.VolunteerView> list(Actor actor, @RequestParam(required = false) @Nullable RegionCode region,
                                              @RequestParam(required = false) @Nullable VolunteerStatus status,
                                              @RequestParam(required = false) @Nullable Long partner,
                                              @RequestParam(required = false) @Nullable String q,
                                              @RequestParam(required = false) @Nullable Integer page,
                                              @RequestParam(required = false) @Nullable Integer size) {
        return volunteers.list(actor, region, status, partner, q, PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/volunteers/{id}")
    @Operation(summary = "One volunteer; the phone number is masked")
    Volunteers.VolunteerView get(Actor actor, @PathVariable long id) {
        return volunteers.get(actor, id);
    }

    @GetMapping("/api/v1/volunteers/{id}/contact")
    @Operation(summary = "The volunteer's phone number unmasked (coordinators, staff, administrators of the region; every read is audited)")
    ResponseEntity<Volunteers.Contact> contact(Actor actor, @PathVariable long id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(volunteers.revealContact(actor, id));
    }

    @PutMapping("/api/v1/volunteers/{id}")
    @Operation(summary = "Change a volunteer's name, region, affiliation and (when given) phone number")
    Volunteers.VolunteerView update(Actor actor, @PathVariable long id, @RequestBody Volunteers.VolunteerChanges changes) {
        return volunteers.update(actor, id, changes);
    }

    @PostMapping("/api/v1/volunteers/{id}/approve")
    @Operation(summary = "Approve a pending volunteer: makes a VOLUNTEER account and answers its one-time password",
            description = "The password is shown once and never stored in clear; hand it over to the volunteer.")
    ResponseEntity<Volunteers.Approval> approve(Actor actor, @PathVariable long id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(volunteers.approve(actor, id));
    }

    @PostMapping("/api/v1/volunteers/{id}/reject")
    @Operation(summary = "Reject a pending volunteer")
    Volunteers.VolunteerView reject(Actor actor, @PathVariable long id) {
        return volunteers.reject(actor, id);
    }
}
