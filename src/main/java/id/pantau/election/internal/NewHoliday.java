package id.pantau.election.internal;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/holidays}: {@code day} as {@code yyyy-MM-dd}, the Indonesian
 * {@code name}, {@code kind}; {@code nameEn} defaults to the name, {@code source} is optional.
 * Text, so that a malformed day is reported like every other field.
 */
record NewHoliday(@Nullable String day, @Nullable String name, @Nullable String kind, @Nullable String nameEn,
                  @Nullable String source) {
}
