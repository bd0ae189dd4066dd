package id.pantau.network.internal;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The attendance list of an activity: who came, next to how many were planned. Attendees are
 * kept to a name and where they came from (a village, a school, an organisation), and the
 * volunteer record when the attendee is one of the network's volunteers; no phone numbers.
 *
 * @param added           on recording: how many of the sent attendees were new
 * @param alreadyRecorded on recording: how many were on the list already (same name and origin, or same volunteer)
 */
record ActivityAttendance(long activityId, @Nullable Integer participantCount, long attendedCount,
                          @Nullable Integer added, @Nullable Integer alreadyRecorded, List<Attendee> attendees) {

    record Attendee(long id, String name, @Nullable String origin, @Nullable Long volunteerId, Instant recordedAt,
                    String recordedBy) {
    }

    /** Attendees to add, as a client sends them. */
    record Request(@Nullable List<NewAttendee> attendees) {
    }

    record NewAttendee(@Nullable String name, @Nullable String origin, @Nullable Long volunteerId) {
    }
}
