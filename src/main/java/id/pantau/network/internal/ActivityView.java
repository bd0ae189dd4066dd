package id.pantau.network.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import id.pantau.region.RegionCode;
import org.jspecify.annotations.Nullable;

/**
 * An activity as the API answers it. {@code attendedCount} is the number of people on its
 * attendance list, shown next to the planned {@code participantCount}.
 */
record ActivityView(long id, ActivityType type, String title, @Nullable String description, LocalDate date,
                    @Nullable LocalDate endDate, @Nullable LocalTime startTime, @Nullable LocalTime endTime,
                    RegionCode regionCode, String regionName, boolean online, @Nullable String place,
                    @Nullable String onlineLink, @Nullable String seriesName, @Nullable ActivityRecurrence recurrence,
                    List<ActivityTopic> topics, List<Long> organiserPartnerIds, List<Long> partnerIds,
                    List<Partner> partners, List<ActivitySpeaker> speakers, @Nullable Integer participantCount,
                    long attendedCount, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    /** A partner of the activity with its name, for display. */
    record Partner(long id, String name, ActivityPartnerRole role) {
    }

    public List<Partner> organisers() {
        return partners.stream().filter(p -> p.role() == ActivityPartnerRole.ORGANISER).toList();
    }

    public List<Partner> participants() {
        return partners.stream().filter(p -> p.role() == ActivityPartnerRole.PARTICIPANT).toList();
    }

    /** Whether it spans more than one day. */
    public boolean multiDay() {
        return endDate != null && !endDate.equals(date);
    }
}
