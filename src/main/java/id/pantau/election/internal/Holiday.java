package id.pantau.election.internal;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A day that working-day deadlines skip. {@code name} is the official Indonesian name,
 * {@code nameEn} its English rendering; {@code source} where the decree or its report is.
 */
record Holiday(LocalDate day, HolidayKind kind, String name, String nameEn, @Nullable String source) {
}
