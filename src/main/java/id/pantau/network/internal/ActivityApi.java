package id.pantau.network.internal;

import java.net.URI;
import java.time.LocalDate;

import id.pantau.account.Actor;
import id.pantau.region.RegionCode;
import id.pantau.shared.Idempotency;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Activities over the API: staff, coordinators and administrators record them, analysts read them. */
@RestController
@Tag(name = "Network: activities")
class ActivityApi {

    private final ActivityService activities;
    private final Idempotency idempotency;

    ActivityApi(ActivityService activities, Idempotency idempotency) {
        this.activities = activities;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/v1/activities")
    @Operation(summary = "Record an activity; honours Idempotency-Key",
            description = "type: SOCIALISATION, SARASEHAN, WEBINAR, TRAINING, AUDIENCE, COORDINATION, FORUM. "
                    + "date (and optional endDate, startTime, endTime); place unless online, onlineLink only when online; "
                    + "organiserPartnerIds and partnerIds name partners of the caller's region or of a region above the "
                    + "activity's; topics from a fixed list; speakers {name, role}; participantCount is the planned count "
                    + "(0 or more); seriesName and recurrence for recurring forums.")
    ResponseEntity<?> create(Actor actor, @RequestBody ActivityRequest request,
                             @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String key) {
        return idempotency.create("account:" + actor.id() + ":activities", key, request, () -> {
            ActivityView created = activities.record(actor, request);
            return ResponseEntity.created(URI.create("/api/v1/activities/" + created.id())).body(created);
        });
    }

    @GetMapping("/api/v1/activities")
    @Operation(summary = "Activities in the caller's region, latest first",
            description = "from/to keep activities overlapping the period; region its subtree; partnerId those the partner "
                    + "organised or took part in.")
    PageResult<ActivityView> list(Actor actor,
                                  @RequestParam(required = false) @Nullable ActivityType type,
                                  @RequestParam(required = false) @Nullable RegionCode region,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                                  @RequestParam(required = false) @Nullable Long partnerId,
                                  @RequestParam(required = false) @Nullable ActivityTopic topic,
                                  @RequestParam(required = false) @Nullable Integer page,
                                  @RequestParam(required = false) @Nullable Integer size) {
        return activities.list(actor, new ActivityFilter(type, region, from, to, partnerId, topic), PageRequest.of(page, size));
    }

    @GetMapping("/api/v1/activities/{id}")
    @Operation(summary = "One activity with its partners, speakers, and planned and attended counts")
    ActivityView get(Actor actor, @PathVariable long id) {
        return activities.get(actor, id);
    }

    @PutMapping("/api/v1/activities/{id}")
    @Operation(summary = "Correct an activity: the whole activity as in POST (the attendance list stays)")
    ActivityView update(Actor actor, @PathVariable long id, @RequestBody ActivityRequest request) {
        return activities.correct(actor, id, request);
    }

    @PostMapping("/api/v1/activities/{id}/attendance")
    @Operation(summary = "Add attendees {name, origin, volunteerId}; people already listed are not added twice; honours Idempotency-Key")
    ResponseEntity<?> recordAttendance(Actor actor, @PathVariable long id, @RequestBody ActivityAttendance.Request request,
                                       @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String key) {
        return idempotency.create("account:" + actor.id() + ":activity-attendance:" + id, key, request,
                () -> ResponseEntity.ok(activities.recordAttendance(actor, id, request)));
    }

    @GetMapping("/api/v1/activities/{id}/attendance")
    @Operation(summary = "The attendance list (staff, coordinators, administrators; analysts see the counts on the activity)")
    ActivityAttendance attendance(Actor actor, @PathVariable long id) {
        return activities.attendance(actor, id);
    }

    @GetMapping("/api/v1/activities/{id}/attendees")
    @Operation(summary = "The attendance list a page at a time, by name; q narrows it to names or origins containing it")
    PageResult<ActivityAttendance.Attendee> attendees(Actor actor, @PathVariable long id,
                                                      @RequestParam(required = false) @Nullable String q,
                                                      @RequestParam(required = false) @Nullable Integer page,
                                                      @RequestParam(required = false) @Nullable Integer size) {
        return activities.attendees(actor, id, q, PageRequest.of(page, size));
    }

    @GetMapping({"/api/v1/activities/{id}/attendees/{attendeeId}", "/api/v1/activities/{id}/attendance/{attendeeId}"})
    ActivityAttendance.Attendee attendee(Actor actor, @PathVariable long id, @PathVariable long attendeeId) {
        return activities.attendee(actor, id, attendeeId);
    }

    @PutMapping({"/api/v1/activities/{id}/attendees/{attendeeId}", "/api/v1/activities/{id}/attendance/{attendeeId}"})
    @Operation(summary = "Correct an attendee's name, origin or volunteer number {name, origin, volunteerId}; "
            + "409 if that makes them someone already listed")
    ActivityAttendance.Attendee correctAttendee(Actor actor, @PathVariable long id, @PathVariable long attendeeId,
                                                @RequestBody ActivityAttendance.NewAttendee changes) {
        return activities.correctAttendee(actor, id, attendeeId, changes);
    }

    @DeleteMapping("/api/v1/activities/{id}/attendance/{attendeeId}")
    @Operation(summary = "Take someone off the attendance list (a mistake in typing it in)")
    ActivityAttendance removeAttendee(Actor actor, @PathVariable long id, @PathVariable long attendeeId) {
        return activities.removeAttendee(actor, id, attendeeId);
    }
}
