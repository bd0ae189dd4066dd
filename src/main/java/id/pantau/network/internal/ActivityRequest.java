package id.pantau.network.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An activity as a client sends it, for creating ({@code POST}) and replacing ({@code PUT}).
 * Codes (type, topics, recurrence) arrive as text so that every mistake is reported at once.
 *
 * @param date                the day it took place or begins
 * @param endDate             the last day of an activity over several days
 * @param online              held online (a hybrid activity is online with a place)
 * @param place               where it was held; required unless online
 * @param onlineLink          the meeting or stream link of an online activity
 * @param organiserPartnerIds partners that organised it with the office (the office itself always is one)
 * @param partnerIds          other partners that took part
 * @param participantCount    the planned or reported number of participants; those who signed the
 *                            attendance list are counted apart
 * @param seriesName          the series a recurring forum or meeting belongs to
 */
record ActivityRequest(@Nullable String type, @Nullable String title, @Nullable String description,
                       @Nullable LocalDate date, @Nullable LocalDate endDate,
                       @Nullable LocalTime startTime, @Nullable LocalTime endTime,
                       @Nullable String regionCode, @Nullable Boolean online, @Nullable String place,
                       @Nullable String onlineLink, @Nullable List<Long> organiserPartnerIds,
                       @Nullable List<Long> partnerIds, @Nullable List<String> topics,
                       @Nullable List<ActivitySpeaker> speakers, @Nullable Integer participantCount,
                       @Nullable String seriesName, @Nullable String recurrence) {
}
