package id.pantau.network.internal;

import java.time.LocalDate;

import id.pantau.region.RegionCode;
import org.jspecify.annotations.Nullable;

/**
 * What a list of activities is narrowed to. {@code from}/{@code to} keep the activities that
 * overlap the period (a training from 30 January to 1 February is in February too); the
 * region keeps its subtree; the partner is one that organised or took part.
 */
record ActivityFilter(@Nullable ActivityType type, @Nullable RegionCode region, @Nullable LocalDate from,
                      @Nullable LocalDate to, @Nullable Long partnerId, @Nullable ActivityTopic topic) {

    static final ActivityFilter NONE = new ActivityFilter(null, null, null, null, null, null);
}
