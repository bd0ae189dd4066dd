package id.pantau.election.internal;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A request to define an election. {@code startsOn}/{@code endsOn} default to a year before and
 * three months after voting day: the stages before, and the disputes after.
 */
record NewElection(@Nullable String name, @Nullable String type, @Nullable LocalDate votingDay,
                   @Nullable String regionCode, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn) {
}
