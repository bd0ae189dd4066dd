package id.pantau.network.internal;

import java.net.URI;

import id.pantau.account.Actor;
import id.pantau.region.RegionCode;
import id.pantau.shared.Idempotency;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cadre cohorts: sessions, members, attendance and completion with a certificate code. */
@RestController
@Tag(name = "Cohorts")
class CohortApi {

    private final Cohorts cohorts;
    private final Idempotency idempotency;

    CohortApi(Cohorts cohorts, Idempotency idempotency) {
        this.cohorts = cohorts;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/v1/cohorts")
    @Operation(summary = "Open a cohort of a programme in a region; honours Idempotency-Key")
    ResponseEntity<?> create(Actor actor, @RequestBody Cohorts.CohortRequest request,
                             @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String key) {
        return idempotency.create("account:" + actor.id(), key, request, () -> {
            Cohorts.CohortView cohort = cohorts.create(actor, request);
            return ResponseEntity.created(URI.create("/api/v1/cohorts/" + cohort.id())).body(cohort);
        });
    }

    @GetMapping("/api/v1/cohorts")
    @Operation(summary = "Cohorts in the caller's region, newest first; filter by region, programme, q")
    PageResult<Cohorts.CohortSummary> list(Actor actor, @RequestParam(required = false) @Nullable RegionCode region,
                                           @RequestParam(required = false) @Nullable String programme,
                                           @RequestParam(required = false) @Nullable String q,
                                           @RequestParam(required = false) @Nullable Integer page,
                                           @RequestParam(required = false) @Nullable Integer size) {
        return cohorts.list(actor, region, programme, q, PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/cohorts/{id}")
    @Operation(summary = "A cohort with its sessions and members (attendance, completion, certificate codes)")
    Cohorts.CohortView get(Actor actor, @PathVariable long id) {
        return cohorts.get(actor, id);
    }

    @PutMapping("/api/v1/cohorts/{id}")
    Cohorts.CohortView update(Actor actor, @PathVariable long id, @RequestBody Cohorts.CohortRequest request) {
        return cohorts.update(actor, id, request);
    }

    @PostMapping("/api/v1/cohorts/{id}/sessions")
    @Operation(summary = "Add a training session with its date")
    ResponseEntity<Cohorts.SessionView> addSession(Actor actor, @PathVariable long id,
                                                   @RequestBody Cohorts.SessionRequest request) {
        Cohorts.SessionView session = cohorts.addSession(actor, id, request);
        return ResponseEntity.created(URI.create("/api/v1/cohorts/" + id + "/sessions/" + session.id())).body(session);
    }

    @GetMapping("/api/v1/cohorts/{id}/sessions")
    @Operation(summary = "The cohort's training sessions by date, with how many attended each")
    PageResult<Cohorts.SessionView> sessions(Actor actor, @PathVariable long id,
                                             @RequestParam(required = false) @Nullable Integer page,
                                             @RequestParam(required = false) @Nullable Integer size) {
        return cohorts.sessions(actor, id, PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/cohorts/{id}/sessions/{sessionId}")
    Cohorts.SessionView session(Actor actor, @PathVariable long id, @PathVariable long sessionId) {
        return cohorts.session(actor, id, sessionId);
    }

    @PutMapping("/api/v1/cohorts/{id}/sessions/{sessionId}")
    @Operation(summary = "Correct a session's title and date (its attendance stays)")
    Cohorts.SessionView updateSession(Actor actor, @PathVariable long id, @PathVariable long sessionId,
                                      @RequestBody Cohorts.SessionRequest request) {
        return cohorts.updateSession(actor, id, sessionId, request);
    }

    @PostMapping("/api/v1/cohorts/{id}/members")
    @Operation(summary = "Enrol an approved volunteer; answers the cohort")
    ResponseEntity<Cohorts.CohortView> enrol(Actor actor, @PathVariable long id, @RequestBody Cohorts.EnrolRequest request) {
        Cohorts.CohortView cohort = cohorts.enrol(actor, id, request);
        return ResponseEntity.created(URI.create("/api/v1/cohorts/" + id + "/members/" + request.volunteerId())).body(cohort);
    }

    @GetMapping("/api/v1/cohorts/{id}/members")
    @Operation(summary = "The cohort's cadres by name with attendance, completion and certificate code; filter completed, q")
    PageResult<Cohorts.MemberView> members(Actor actor, @PathVariable long id,
                                           @RequestParam(required = false) @Nullable Boolean completed,
                                           @RequestParam(required = false) @Nullable String q,
                                           @RequestParam(required = false) @Nullable Integer page,
                                           @RequestParam(required = false) @Nullable Integer size) {
        return cohorts.members(actor, id, new Cohorts.MemberFilter(completed, q), PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/cohorts/{id}/members/{volunteerId}")
    Cohorts.MemberView member(Actor actor, @PathVariable long id, @PathVariable long volunteerId) {
        return cohorts.member(actor, id, volunteerId);
    }

    @PutMapping("/api/v1/cohorts/{id}/members/{volunteerId}")
    @Operation(summary = "Correct a cadre's completion date {completedOn}; the certificate code stays (409 if not completed yet)")
    Cohorts.MemberView updateMember(Actor actor, @PathVariable long id, @PathVariable long volunteerId,
                                    @RequestBody Cohorts.CompletionRequest request) {
        return cohorts.updateMember(actor, id, volunteerId, request);
    }

    @PostMapping("/api/v1/cohorts/{id}/sessions/{sessionId}/attendance")
    @Operation(summary = "Record who attended a session (volunteer ids of members; repeating one is harmless)")
    Cohorts.CohortView attendance(Actor actor, @PathVariable long id, @PathVariable long sessionId,
                                  @RequestBody Cohorts.AttendanceRequest request) {
        return cohorts.recordAttendance(actor, id, sessionId, request);
    }

    @PostMapping("/api/v1/cohorts/{id}/members/{volunteerId}/completion")
    @Operation(summary = "Record a member's completion; issues the certificate code (once)")
    Cohorts.MemberView complete(Actor actor, @PathVariable long id, @PathVariable long volunteerId,
                                @RequestBody Cohorts.CompletionRequest request) {
        return cohorts.complete(actor, id, volunteerId, request);
    }
}
