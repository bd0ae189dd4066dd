package id.pantau.network.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import id.pantau.account.Actor;
import id.pantau.account.AuditTrail;
import id.pantau.account.RegionScope;
import id.pantau.account.Role;
import id.pantau.region.RegionCode;
import id.pantau.region.Regions;
import id.pantau.shared.NotFoundException;
import id.pantau.shared.PageRequest;
import id.pantau.shared.PageResult;
import id.pantau.shared.Violations;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activities of offices and partners: recording them, correcting them, their attendance lists,
 * and how many a partner took part in.
 *
 * <p>Staff, coordinators and administrators record activities in their region's subtree;
 * analysts read them. The partners an activity names must exist, and must be partners the
 * recording office works with: partners of its own subtree, or of a region above that covers the
 * activity's region (a provincial university at a regency's sarasehan). Naming any other
 * partner is a mistake in that field, answered with the other mistakes of the request (400),
 * not a refusal of the whole request: the caller may record the activity, just not with that
 * partner.
 */
@Service
class ActivityService {

    static final Role[] WRITERS = {Role.STAFF, Role.COORDINATOR, Role.ADMIN};
    static final Role[] READERS = {Role.STAFF, Role.COORDINATOR, Role.ADMIN, Role.ANALYST};
    static final int MAX_PARTNERS = 50;
    static final int MAX_SPEAKERS = 30;
    static final int MAX_ATTENDEES_PER_REQUEST = 500;

    private final ActivityRepository repository;
    private final Regions regions;
    private final AuditTrail audit;
    private final Clock clock;

    ActivityService(ActivityRepository repository, Regions regions, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    ActivityView record(Actor actor, ActivityRequest request) {
        actor.requireRole(WRITERS);
        ActivityRepository.ActivityData data = validate(actor, request);
        actor.requireScope(data.region());
        long id = repository.insert(data, actor.username(), clock.instant());
        audit.record(actor.username(), "ACTIVITY_CREATED", subject(id), summary(data));
        return repository.find(id).orElseThrow();
    }

    @Transactional
    ActivityView correct(Actor actor, long id, ActivityRequest request) {
        actor.requireRole(WRITERS);
        RegionCode current = repository.lockRegion(id).orElseThrow(() -> new NotFoundException("Activity", id));
        actor.requireScope(current);
        ActivityView before = repository.find(id).orElseThrow();
        ActivityRepository.ActivityData data = validate(actor, request);
        actor.requireScope(data.region());
        repository.update(id, data, actor.username(), clock.instant());
        audit.record(actor.username(), "ACTIVITY_UPDATED", subject(id), Map.of("before", summary(before), "after", summary(data)));
        return repository.find(id).orElseThrow();
    }

    /** Checks a request as {@link #record} would, without recording it: throws the violations. */
    void check(Actor actor, ActivityRequest request) {
        validate(actor, request);
    }

    ActivityView get(Actor actor, long id) {
        actor.requireRole(READERS);
        ActivityView activity = repository.find(id).orElseThrow(() -> new NotFoundException("Activity", id));
        actor.requireScope(activity.regionCode());
        return activity;
    }

    PageResult<ActivityView> list(Actor actor, ActivityFilter filter, PageRequest page) {
        actor.requireRole(READERS);
        if (filter.region() != null) {
            actor.requireScope(filter.region());
        }
        var violations = new Violations();
        violations.check(filter.from() == null || filter.to() == null || !filter.to().isBefore(filter.from()),
                "to", "dateRange.order", "must not be before from");
        violations.throwIfAny();
        return repository.list(actor.scope(), filter, page);
    }

    /**
     * The number of activities the partner organised or took part in that overlap the period
     * from {@code from} to {@code to}, both days included (null leaves that end open). For the
     * partner's contribution: the caller checks that the actor may see the partner; activities
     * are counted wherever they took place.
     */
    long countActivities(long partnerId, @Nullable LocalDate from, @Nullable LocalDate to) {
        return repository.countActivities(partnerId, from, to);
    }

    /** Partners the actor may name in an activity, for forms. */
    List<ActivityRepository.PartnerChoice> partnerChoices(Actor actor) {
        return repository.partnerChoices(actor.scope(), 500);
    }

    // ---- attendance

    /**
     * Adds people to the attendance list. Someone already on it (the same name and origin, or
     * the same volunteer) is not added twice, so a sign-in sheet typed in twice counts once.
     */
    @Transactional
    ActivityAttendance recordAttendance(Actor actor, long id, ActivityAttendance.Request request) {
        actor.requireRole(WRITERS);
        RegionCode region = repository.lockRegion(id).orElseThrow(() -> new NotFoundException("Activity", id));
        actor.requireScope(region);
        List<ActivityAttendance.NewAttendee> attendees = validateAttendees(actor, request);
        Instant now = clock.instant();
        int added = 0;
        for (ActivityAttendance.NewAttendee attendee : attendees) {
            if (repository.addAttendee(id, attendee.name(), attendee.origin(), attendee.volunteerId(), actor.username(), now)) {
                added++;
            }
        }
        // names stay out of the audit table: the entry says how many, the list says who
        audit.record(actor.username(), "ACTIVITY_ATTENDANCE_RECORDED", subject(id),
                Map.of("sent", attendees.size(), "added", added));
        return attendance(id, added, attendees.size() - added);
    }

    @Transactional
    ActivityAttendance removeAttendee(Actor actor, long id, long attendeeId) {
        actor.requireRole(WRITERS);
        RegionCode region = repository.lockRegion(id).orElseThrow(() -> new NotFoundException("Activity", id));
        actor.requireScope(region);
        if (!repository.removeAttendee(id, attendeeId)) {
            throw new NotFoundException("Attendee", attendeeId);
        }
        audit.record(actor.username(), "ACTIVITY_ATTENDEE_REMOVED", subject(id), Map.of("attendeeId", attendeeId));
        return attendance(id, null, null);
    }

    /** A page of the attendance list, narrowed to names or origins containing {@code q}; for those who read it in full. */
    PageResult<ActivityAttendance.Attendee> attendees(Actor actor, long id, @Nullable String q, PageRequest page) {
        attendance(actor, id);
        return repository.attendees(id, q == null || q.isBlank() ? null : q.strip(), page);
    }

    ActivityAttendance.Attendee attendee(Actor actor, long id, long attendeeId) {
        attendance(actor, id);
        return repository.attendee(id, attendeeId).orElseThrow(() -> new NotFoundException("Attendee", attendeeId));
    }

    /**
     * Corrects a name, origin or volunteer number typed wrongly. Making the attendee someone who
     * is on the list already would count that person twice: 409, take one of them off instead.
     */
    @Transactional
    ActivityAttendance.Attendee correctAttendee(Actor actor, long id, long attendeeId, ActivityAttendance.NewAttendee changes) {
        actor.requireRole(WRITERS);
        RegionCode region = repository.lockRegion(id).orElseThrow(() -> new NotFoundException("Activity", id));
        actor.requireScope(region);
        ActivityAttendance.Attendee before = repository.attendee(id, attendeeId)
                .orElseThrow(() -> new NotFoundException("Attendee", attendeeId));
        ActivityAttendance.NewAttendee valid;
        try {
            valid = validateAttendees(actor, new ActivityAttendance.Request(List.of(changes))).getFirst();
        } catch (id.pantau.shared.InvalidInputException e) {
            // one attendee: its fields are named as in the body, not as in a list of them
            throw new id.pantau.shared.InvalidInputException(e.violations().stream().map(v -> new id.pantau.shared.FieldViolation(
                    v.field().replaceFirst("^attendees\\[0\\]\\.", ""), v.code(), v.message())).toList());
        }
        if (repository.listsAnother(id, attendeeId, valid.name(), valid.origin(), valid.volunteerId())) {
            throw new id.pantau.shared.ConflictException(new id.pantau.shared.FieldViolation("name", "attendee.duplicate",
                    "this person is on the attendance list already"));
        }
        repository.correctAttendee(id, attendeeId, valid.name(), valid.origin(), valid.volunteerId());
        // names stay out of the audit table, as for recording
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("attendeeId", attendeeId);
        details.put("volunteerIdBefore", before.volunteerId());
        details.put("volunteerIdAfter", valid.volunteerId());
        audit.record(actor.username(), "ACTIVITY_ATTENDEE_CORRECTED", subject(id), details);
        return repository.attendee(id, attendeeId).orElseThrow();
    }

    /**
     * The attendance list. Attendees' names are personal data: only those who may record
     * attendance (staff, coordinators, administrators of the region) read them; analysts see
     * the counts on the activity.
     */
    ActivityAttendance attendance(Actor actor, long id) {
        actor.requireRole(WRITERS);
        RegionCode region = repository.find(id).map(ActivityView::regionCode)
                .orElseThrow(() -> new NotFoundException("Activity", id));
        actor.requireScope(region);
        return attendance(id, null, null);
    }

    private ActivityAttendance attendance(long id, @Nullable Integer added, @Nullable Integer alreadyRecorded) {
        ActivityView activity = repository.find(id).orElseThrow();
        return new ActivityAttendance(id, activity.participantCount(), activity.attendedCount(), added, alreadyRecorded,
                repository.attendees(id));
    }

    /**
     * Names, origins and the volunteer numbers of attendees who are volunteers. A number must be
     * one of the caller's region's volunteers: a mistyped number would credit someone else's
     * partner and team with the attendance.
     */
    private List<ActivityAttendance.NewAttendee> validateAttendees(Actor actor, ActivityAttendance.Request request) {
        var violations = new Violations();
        List<ActivityAttendance.NewAttendee> sent = request.attendees() == null ? List.of() : request.attendees();
        Map<Long, RegionCode> volunteerRegions = repository.volunteerRegions(sent.stream()
                .filter(a -> a != null && a.volunteerId() != null).map(ActivityAttendance.NewAttendee::volunteerId).toList());
        violations.check(!sent.isEmpty(), "attendees", "required", "list at least one attendee");
        violations.check(sent.size() <= MAX_ATTENDEES_PER_REQUEST, "attendees", "attendees.tooMany",
                "at most " + MAX_ATTENDEES_PER_REQUEST + " attendees per request");
        List<ActivityAttendance.NewAttendee> cleaned = new ArrayList<>();
        for (int i = 0; i < sent.size() && i < MAX_ATTENDEES_PER_REQUEST; i++) {
            ActivityAttendance.NewAttendee attendee = sent.get(i);
            String field = "attendees[" + i + "]";
            if (attendee == null) {
                violations.add(field, "required", "must not be null");
                continue;
            }
            String name = strip(attendee.name());
            String origin = strip(attendee.origin());
            boolean ok = violations.check(name != null && name.length() >= 2 && name.length() <= 200,
                    field + ".name", name == null ? "required" : "name.length", "is required, 2 to 200 characters");
            ok &= violations.check(origin == null || origin.length() <= 200, field + ".origin", "tooLong", "at most 200 characters");
            Long volunteerId = attendee.volunteerId();
            if (volunteerId != null) {
                ok &= violations.check(volunteerRegions.containsKey(volunteerId), field + ".volunteerId", "volunteer.unknown",
                        "no volunteer " + volunteerId)
                        && violations.check(actor.mayActOn(volunteerRegions.get(volunteerId)), field + ".volunteerId",
                        "volunteer.outOfScope", "volunteer " + volunteerId + " belongs to a region outside yours");
            }
            if (ok) {
                cleaned.add(new ActivityAttendance.NewAttendee(name, origin, attendee.volunteerId()));
            }
        }
        violations.throwIfAny();
        return cleaned;
    }

    // ---- validation

    private ActivityRepository.ActivityData validate(Actor actor, ActivityRequest request) {
        var violations = new Violations();

        ActivityType type = null;
        if (violations.check(request.type() != null && !request.type().isBlank(), "type", "required", "is required")) {
            type = parse(ActivityType.class, request.type());
            violations.check(type != null, "type", "type.unknown", "must be one of " + Arrays.toString(ActivityType.values()));
        }

        String title = strip(request.title());
        if (violations.check(title != null, "title", "required", "is required")) {
            violations.check(title.length() >= 3 && title.length() <= 300, "title", "title.length", "must be 3 to 300 characters");
        }
        String description = strip(request.description());
        violations.check(description == null || description.length() <= 5000, "description", "tooLong", "at most 5000 characters");

        violations.check(request.date() != null, "date", "required", "is required");
        violations.check(request.endDate() == null || request.date() == null || !request.endDate().isBefore(request.date()),
                "endDate", "endDate.beforeDate", "must not be before date");
        boolean sameDay = request.endDate() == null || request.endDate().equals(request.date());
        violations.check(request.endTime() == null || request.startTime() == null || !sameDay
                        || request.endTime().isAfter(request.startTime()),
                "endTime", "endTime.beforeStart", "must be after startTime");

        RegionCode region = null;
        if (violations.check(request.regionCode() != null && !request.regionCode().isBlank(), "regionCode", "required", "is required")) {
            if (!RegionCode.isValid(request.regionCode())) {
                violations.add("regionCode", "regionCode.invalid", "is not a region code (nn.nn.nn.nnnn)");
            } else if (!regions.exists(RegionCode.parse(request.regionCode()))) {
                violations.add("regionCode", "regionCode.unknown", "no region " + request.regionCode().strip());
            } else {
                region = RegionCode.parse(request.regionCode());
            }
        }

        boolean online = Boolean.TRUE.equals(request.online());
        String place = strip(request.place());
        if (violations.check(online || place != null, "place", "place.required", "is required unless the activity is online")) {
            violations.check(place == null || place.length() <= 300, "place", "tooLong", "at most 300 characters");
        }
        String link = strip(request.onlineLink());
        if (link != null && violations.check(online, "onlineLink", "onlineLink.offline", "only an online activity has a link")) {
            violations.check(isWebLink(link), "onlineLink", "onlineLink.invalid", "must be an http or https address of at most 500 characters");
        }

        String seriesName = strip(request.seriesName());
        violations.check(seriesName == null || seriesName.length() <= 200, "seriesName", "tooLong", "at most 200 characters");
        ActivityRecurrence recurrence = null;
        if (request.recurrence() != null && !request.recurrence().isBlank()) {
            recurrence = parse(ActivityRecurrence.class, request.recurrence());
            if (violations.check(recurrence != null, "recurrence", "recurrence.unknown",
                    "must be one of " + Arrays.toString(ActivityRecurrence.values()))) {
                violations.check(seriesName != null, "seriesName", "seriesName.required", "is required for a recurring activity");
            }
        }

        List<ActivityTopic> topics = new ArrayList<>();
        List<String> sentTopics = request.topics() == null ? List.of() : request.topics();
        for (int i = 0; i < sentTopics.size(); i++) {
            ActivityTopic topic = sentTopics.get(i) == null ? null : parse(ActivityTopic.class, sentTopics.get(i));
            if (violations.check(topic != null, "topics[" + i + "]", "topic.unknown",
                    "must be one of " + Arrays.toString(ActivityTopic.values())) && !topics.contains(topic)) {
                topics.add(topic);
            }
        }

        List<ActivitySpeaker> speakers = new ArrayList<>();
        List<ActivitySpeaker> sentSpeakers = request.speakers() == null ? List.of() : request.speakers();
        violations.check(sentSpeakers.size() <= MAX_SPEAKERS, "speakers", "speakers.tooMany", "at most " + MAX_SPEAKERS + " speakers");
        for (int i = 0; i < sentSpeakers.size() && i < MAX_SPEAKERS; i++) {
            ActivitySpeaker speaker = sentSpeakers.get(i);
            String name = speaker == null ? null : strip(speaker.name());
            String role = speaker == null ? null : strip(speaker.role());
            boolean ok = violations.check(name != null && name.length() >= 2 && name.length() <= 200, "speakers[" + i + "].name",
                    name == null ? "required" : "name.length", "is required, 2 to 200 characters");
            ok &= violations.check(role == null || role.length() <= 200, "speakers[" + i + "].role", "tooLong", "at most 200 characters");
            if (ok) {
                speakers.add(new ActivitySpeaker(name, role));
            }
        }

        violations.check(request.participantCount() == null || request.participantCount() >= 0, "participantCount",
                "participantCount.negative", "must be 0 or more");

        List<Long> organisers = request.organiserPartnerIds() == null ? List.of() : request.organiserPartnerIds();
        List<Long> participants = request.partnerIds() == null ? List.of() : request.partnerIds();
        Set<Long> named = new LinkedHashSet<>(organisers.stream().filter(id -> id != null).toList());
        named.addAll(participants.stream().filter(id -> id != null).toList());
        Map<Long, RegionCode> partnerRegions = repository.partnerRegions(named);
        List<Long> organiserIds = checkPartners(violations, "organiserPartnerIds", organisers, partnerRegions, actor.scope(), region);
        List<Long> participantIds = checkPartners(violations, "partnerIds", participants, partnerRegions, actor.scope(), region)
                .stream().filter(id -> !organiserIds.contains(id)).toList(); // an organiser is not also a participant

        violations.throwIfAny();
        return new ActivityRepository.ActivityData(type, title, description, request.date(), sameDay ? null : request.endDate(),
                request.startTime(), request.endTime(), region, online, place, link, seriesName, recurrence, List.copyOf(topics),
                List.copyOf(speakers), request.participantCount(), organiserIds, participantIds);
    }

    private static List<Long> checkPartners(Violations violations, String field, List<Long> ids, Map<Long, RegionCode> regions,
                                            RegionScope scope, @Nullable RegionCode activityRegion) {
        violations.check(ids.size() <= MAX_PARTNERS, field, "partners.tooMany", "at most " + MAX_PARTNERS + " partners");
        List<Long> valid = new ArrayList<>();
        for (int i = 0; i < ids.size() && i < MAX_PARTNERS; i++) {
            Long id = ids.get(i);
            String at = field + "[" + i + "]";
            if (id == null) {
                violations.add(at, "required", "must not be null");
            } else if (!regions.containsKey(id)) {
                violations.add(at, "partner.unknown", "no partner " + id);
            } else if (!scope.permits(regions.get(id)) && (activityRegion == null || !regions.get(id).contains(activityRegion))) {
                violations.add(at, "partner.outOfScope", "partner " + id + " works in " + regions.get(id)
                        + ", outside your region and not above the activity's region");
            } else if (!valid.contains(id)) {
                valid.add(id);
            }
        }
        return valid;
    }

    private static boolean isWebLink(String link) {
        if (link.length() > 500) {
            return false;
        }
        try {
            URI uri = new URI(link);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable String strip(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String subject(long id) {
        return "activity:" + id;
    }

    private static Map<String, Object> summary(ActivityRepository.ActivityData data) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("type", data.type().name());
        summary.put("title", data.title());
        summary.put("date", data.date().toString());
        summary.put("regionCode", data.region().value());
        summary.put("organiserPartnerIds", data.organiserPartnerIds());
        summary.put("partnerIds", data.partnerIds());
        summary.put("topics", data.topics().stream().map(Enum::name).collect(Collectors.toList()));
        summary.put("participantCount", data.participantCount() == null ? "" : data.participantCount());
        return summary;
    }

    private static Map<String, Object> summary(ActivityView view) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("type", view.type().name());
        summary.put("title", view.title());
        summary.put("date", view.date().toString());
        summary.put("regionCode", view.regionCode().value());
        summary.put("organiserPartnerIds", view.organiserPartnerIds());
        summary.put("partnerIds", view.partnerIds());
        summary.put("topics", view.topics().stream().map(Enum::name).collect(Collectors.toList()));
        summary.put("participantCount", view.participantCount() == null ? "" : view.participantCount());
        return summary;
    }
}
